// The aligner's use of the transcript's layout, on recordings made of frame loudness (no decoder
// needed): speech where the words are, silence in the pauses, so the true start of every paragraph
// is known exactly. The same on synthesized speech is in audio.test.ts.

import { describe, expect, it } from 'vitest';
import { FRAME_SECONDS, type AudioFeatures } from '../src/audio/features.js';
import { buildFromText } from '../src/pipeline.js';

const SPEECH_DB = -20;
const SILENCE_DB = -70;

/** Spoken letters a second at the speaker's usual pace. */
const RATE = 14;

interface Spoken {
  features: AudioFeatures;
  /** True start of each line, in seconds. */
  starts: number[];
}

/**
 * Speaks each line at its own pace (a share of RATE), with a pause of `linePause` before each line
 * and one of `innerPause` after the line's middle word: nothing in the sound tells a pause between
 * lines from one inside a line.
 */
function speak(lines: string[], paces: number[], linePause: number, innerPause: number): Spoken {
  const runs: Array<{ seconds: number; speech: boolean }> = [];
  const starts: number[] = [];
  let clock = 0;
  const add = (seconds: number, speech: boolean) => {
    runs.push({ seconds, speech });
    clock += seconds;
  };
  lines.forEach((line, i) => {
    add(linePause, false);
    starts.push(clock);
    const words = line.split(' ');
    const middle = Math.floor(words.length / 2);
    const seconds = (ws: string[]) => ws.join('').length / (RATE * paces[i]);
    add(seconds(words.slice(0, middle)), true);
    add(innerPause, false);
    add(seconds(words.slice(middle)), true);
  });
  add(linePause, false);
  const frames = Math.round(clock / FRAME_SECONDS);
  const energy = new Float32Array(frames).fill(SILENCE_DB);
  let at = 0;
  for (const run of runs) {
    const from = Math.round(at / FRAME_SECONDS);
    at += run.seconds;
    if (run.speech) energy.fill(SPEECH_DB, from, Math.round(at / FRAME_SECONDS));
  }
  return { features: { frames, energy, upper: energy.slice(), duration: frames * FRAME_SECONDS }, starts };
}

const LINES = [
  'so this is where the whole story of our little project begins',
  'it was slow going at first',
  'we wrote the parser in a weekend and the tests in a month',
  'then people started to use it',
  'and every week somebody found a transcript we could not read',
  'we kept every one of them',
  'today the corpus holds nineteen talks and a few thousand lines',
  'that is what I want to show you',
];

/** |first word's start − true start| of each line, through the whole build. */
function lineStartErrors(text: string, spoken: Spoken): number[] {
  const doc = buildFromText(text, 'talk.md', { audio: { features: spoken.features }, detectSpeakers: false });
  const words = doc.words!;
  const lineNumbers = text.split('\n').map((l, i) => (LINES.includes(l) ? i + 1 : 0)).filter(Boolean);
  return lineNumbers.map((line, i) => Math.abs(words.starts[words.lines.indexOf(line)] - spoken.starts[i]));
}

describe('aligning caption-like paragraphs with no punctuation', () => {
  // Lines a little faster and a little slower than the usual pace in turn (±15 %): the letters
  // alone pull some lines' starts to the pause inside a neighbour (0.4–0.6 s off).
  const paces = LINES.map((_, i) => (i % 2 ? 0.88 : 1.15));
  const spoken = speak(LINES, paces, 0.3, 0.3);

  it('starts every paragraph at its own pause', () => {
    const errors = lineStartErrors(`# talk\n\n${LINES.join('\n\n')}\n`, spoken);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.02);
  });

  it('takes a single line break for no pause: lines of one paragraph time as the same words on one line', () => {
    // prose wrapped at a width breaks anywhere, so only a blank line says where the maker heard a break
    const timesOf = (text: string) => Array.from(buildFromText(text, 'talk.md', { audio: { features: spoken.features }, detectSpeakers: false }).words!.starts);
    expect(timesOf(`# talk\n\n${LINES.join('\n')}\n`)).toEqual(timesOf(`# talk\n\n${LINES.join(' ')}\n`));
  });

  it('is deterministic: the same recording and text give the same times', () => {
    const text = `# talk\n\n${LINES.join('\n\n')}\n`;
    const a = buildFromText(text, 'talk.md', { audio: { features: spoken.features }, detectSpeakers: false });
    const b = buildFromText(text, 'talk.md', { audio: { features: spoken.features }, detectSpeakers: false });
    expect(Array.from(a.words!.starts)).toEqual(Array.from(b.words!.starts));
  });
});
