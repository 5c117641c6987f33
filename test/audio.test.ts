// Timing from the recording, on speech synthesized in the test (exact true times): the alignment's
// error bounds, `captions sync` recovering an offset and a drift, and every kind of bad recording
// as a one-line error or a named warning, with nothing written.

import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeAudio } from '../src/audio/decode.js';
import { buildFromText } from '../src/pipeline.js';
import { runCli, tempDir } from './helpers/cli.js';
import { median, missingTools, speakTalk, transcriptOf, type SpokenCue } from './helpers/speech.js';

const skip = missingTools();
if (skip) console.warn(skip);

const TEXTS = [
  'Good morning, and thank you all for coming today.',
  'I want to talk about how we test the tools that build our software.',
  'The first lesson is simple: test the thing you ship.',
  'Now, the second lesson took us a lot longer to learn.',
  'Keep every build script small, boring, and easy to read.',
  'Thank you very much for listening.',
];
const PAUSES = [0.6, 1.4, 0.35, 2.2, 0.9, 0.5];

let dir = '';
let talk: { wav: string; cues: SpokenCue[] };
let transcript: { text: string; lineOfCue: number[] };

/** Start of the first word the build gives each cue's line, minus the cue's true start. */
function startErrors(words: Array<{ start: number; line: number }>, cues: SpokenCue[], lineOfCue: number[]): number[] {
  return cues.map((cue, i) => Math.abs(words.find((w) => w.line === lineOfCue[i])!.start - cue.start));
}

describe.skipIf(skip !== null)('timing from the recording', () => {
  beforeAll(() => {
    dir = tempDir('captions-audio-');
    talk = speakTalk(dir, TEXTS, PAUSES);
    transcript = transcriptOf(talk.cues);
    writeFileSync(join(dir, 'talk.md'), transcript.text);
  });

  it('times every cue start within 0.1 s of the truth, far closer than text-only timing', async () => {
    const features = await decodeAudio(talk.wav);
    const doc = buildFromText(transcript.text, 'talk.md', { audio: { features }, detectSpeakers: false });
    const textOnly = buildFromText(transcript.text, 'talk.md', { duration: features.duration, detectSpeakers: false });
    const list = (d: typeof doc) => d.words!.texts.map((_, i) => ({ start: d.words!.starts[i], line: d.words!.lines[i] }));
    const errors = startErrors(list(doc), talk.cues, transcript.lineOfCue);
    const baseline = startErrors(list(textOnly), talk.cues, transcript.lineOfCue);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.1);
    expect(median(errors)).toBeLessThan(median(baseline));
    // every cue timed from audio carries a confidence
    for (const cue of doc.cues) expect(cue.confidence).toBeGreaterThanOrEqual(0);
  });

  it('writes the words and per-cue confidence in the JSON through the CLI', () => {
    const out = join(dir, 'out');
    const run = runCli(['build', join(dir, 'talk.md'), '--audio', talk.wav, '--no-speakers', '-f', 'json,vtt', '-o', out]);
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'talk.json'), 'utf8'));
    expect(json.words.length).toBe(TEXTS.join(' ').split(/\s+/).length);
    expect(json.words[0]).toEqual({ text: 'Good', start: expect.any(Number), end: expect.any(Number), line: 3 });
    expect(Math.abs(json.words[0].start - talk.cues[0].start)).toBeLessThanOrEqual(0.1);
    for (const cue of json.cues) expect(cue.confidence).toBeGreaterThan(0);
  });

  it('finds the recording beside the transcript with --audio alone, and in a CSV map', () => {
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-i', talk.wav, join(dir, 'talk.mp3')]);
    const beside = runCli(['build', join(dir, 'talk.md'), '--audio', '--no-speakers', '-f', 'json', '-o', join(dir, 'beside.json')]);
    expect(beside.status).toBe(0);
    writeFileSync(join(dir, 'map.csv'), 'transcript,recording\ntalk.md,talk.wav\n');
    const mapped = runCli(['build', join(dir, 'talk.md'), '--audio', join(dir, 'map.csv'), '--no-speakers', '-f', 'json', '-o', join(dir, 'mapped.json')]);
    expect(mapped.status).toBe(0);
    const first = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')).words[0].start;
    expect(Math.abs(first('beside.json') - talk.cues[0].start)).toBeLessThanOrEqual(0.12);
    expect(Math.abs(first('mapped.json') - talk.cues[0].start)).toBeLessThanOrEqual(0.1);
  });

  it('--changed-only rebuilds an input whose recording was replaced', () => {
    const recording = join(dir, 'changing.wav');
    copyFileSync(talk.wav, recording);
    const out = join(dir, 'changed-out');
    const build = () => JSON.parse(runCli(['build', join(dir, 'talk.md'), '--audio', recording, '--no-speakers', '-f', 'srt', '-o', out + '/', '--changed-only', '--json']).stdout).summary;
    expect(build()).toMatchObject({ built: 1, skipped: 0 });
    expect(build()).toMatchObject({ built: 0, skipped: 1 });
    // the same talk one second later in the recording
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', talk.wav, '-af', 'adelay=1000:all=1', join(dir, 'later.wav')]);
    copyFileSync(join(dir, 'later.wav'), recording);
    expect(build()).toMatchObject({ built: 1, skipped: 0 });
  });

  it('an --offset at or past the end of the recording is an error naming --offset, nothing written', () => {
    const out = join(dir, 'late-offset');
    const run = runCli(['build', join(dir, 'talk.md'), '--audio', talk.wav, '--offset', '600', '--no-speakers', '-f', 'srt', '-o', out + '/']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--offset 600\.000 s is at or past the end of the recording/);
    expect(existsSync(join(out, 'talk.srt'))).toBe(false);
  });

  it('warns of a marker time past the end of the recording, naming its markers-file line', () => {
    const lines = transcript.text.split('\n');
    lines.splice(transcript.lineOfCue[3] - 1, 0, '![](img/talk_2.png)', '');
    writeFileSync(join(dir, 'marked.md'), lines.join('\n'));
    writeFileSync(join(dir, 'late.csv'), 'marker,time\n2,900\n');
    const run = runCli(['build', join(dir, 'marked.md'), '--audio', talk.wav, '--markers', join(dir, 'late.csv'), '--no-speakers', '-f', 'srt']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(new RegExp(`marked\\.md:${transcript.lineOfCue[3]}:.*late\\.csv:2: marker 2 at 900\\.000 s is at or past the end of the recording`));
  });

  it('warns, with times and lines, when the text runs far longer than the speech', async () => {
    const longer = transcript.text + '\n' + Array.from({ length: 12 }, () => TEXTS.join(' ')).join('\n\n') + '\n';
    const features = await decodeAudio(talk.wav);
    const doc = buildFromText(longer, 'talk.md', { audio: { features }, detectSpeakers: false });
    const warning = doc.warnings.find((w) => w.code === 'text-without-speech');
    expect(warning).toBeDefined();
    expect(warning!.line).toBeGreaterThan(2);
    expect(warning!.message).toMatch(/\d\d:\d\d:\d\d/);
  });

  it('warns of speech no text matches', async () => {
    // the transcript leaves out all but its first and last cues
    const partial = transcriptOf([talk.cues[0], talk.cues[talk.cues.length - 1]]);
    const features = await decodeAudio(talk.wav);
    const doc = buildFromText(partial.text, 'talk.md', { audio: { features }, detectSpeakers: false });
    expect(doc.warnings.map((w) => w.code)).toContain('speech-without-text');
  });
});

describe.skipIf(skip !== null)('captions sync', () => {
  const clock = (t: number) => {
    const ms = Math.round(t * 1000);
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${p(Math.floor(ms / 3600000))}:${p(Math.floor(ms / 60000) % 60)}:${p(Math.floor(ms / 1000) % 60)},${p(ms % 1000, 3)}`;
  };
  const srt = (map: (t: number) => number) => talk.cues.map((c, i) => `${i + 1}\n${clock(map(c.start))} --> ${clock(map(c.end))}\n${c.text}\n`).join('\n');
  const startsOf = (text: string) => [...text.matchAll(/^(\d\d):(\d\d):(\d\d),(\d{3}) -->/gm)].map((m) => +m[1] * 3600 + +m[2] * 60 + +m[3] + +m[4] / 1000);

  beforeAll(() => {
    if (!dir) {
      dir = tempDir('captions-audio-');
      talk = speakTalk(dir, TEXTS, PAUSES);
    }
  });

  it('recovers the true starts of a draft shifted by 2.5 s and stretched by 1 %, and reports both', () => {
    const draft = join(dir, 'shifted.srt');
    writeFileSync(draft, srt((t) => 2.5 + 1.01 * t));
    const run = runCli(['sync', draft, '--audio', talk.wav, '-o', join(dir, 'synced.srt')]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/offset −2\.\d+ s, drift −0\.9\d+ %|offset −2\.\d+ s, drift −1\.0\d+ %/);
    const starts = startsOf(readFileSync(join(dir, 'synced.srt'), 'utf8'));
    expect(median(starts.map((s, i) => Math.abs(s - talk.cues[i].start)))).toBeLessThanOrEqual(0.2);
    // text and numbering kept
    expect(readFileSync(join(dir, 'synced.srt'), 'utf8').replace(/^\d\d:.*$/gm, '')).toBe(readFileSync(draft, 'utf8').replace(/^\d\d:.*$/gm, ''));
  });

  it('keeps a draft\'s CRLF line ends and byte order mark: only the times change', () => {
    const draft = join(dir, 'crlf.srt');
    const original = '\uFEFF' + srt((t) => 1.5 + t).replace(/\n/g, '\r\n');
    writeFileSync(draft, original);
    const run = runCli(['sync', draft, '--audio', talk.wav, '-o', join(dir, 'crlf-synced.srt')]);
    expect(run.status).toBe(0);
    const synced = readFileSync(join(dir, 'crlf-synced.srt'), 'utf8');
    expect(synced.startsWith('\uFEFF')).toBe(true);
    expect(synced).not.toMatch(/[^\r]\n/);
    expect(synced).not.toBe(original);
    expect(synced.replace(/\d\d:[^\r]*/g, '')).toBe(original.replace(/\d\d:[^\r]*/g, ''));
  });

  it('leaves a draft that is already in sync within 0.1 s', () => {
    const draft = join(dir, 'in-sync.srt');
    writeFileSync(draft, srt((t) => t));
    const run = runCli(['sync', draft, '--audio', talk.wav]);
    expect(run.status).toBe(0);
    const before = startsOf(readFileSync(draft, 'utf8'));
    startsOf(run.stdout).forEach((s, i) => expect(Math.abs(s - before[i])).toBeLessThanOrEqual(0.1));
  });
});

describe.skipIf(skip !== null)('bad recordings', () => {
  let bad = '';
  beforeAll(() => {
    bad = tempDir('captions-bad-audio-');
    writeFileSync(join(bad, 'talk.md'), '# Talk\n\nHello there, and welcome to the talk.\n');
  });

  const build = (media: string) => {
    const out = join(bad, `out-${Math.random().toString(36).slice(2)}`);
    const run = runCli(['build', join(bad, 'talk.md'), '--audio', media, '-o', out, '-f', 'vtt,srt,json']);
    return { run, written: existsSync(out) ? readdirSync(out) : [] };
  };

  it('a missing file: one line naming --audio, exit 1, nothing written', () => {
    const { run, written } = build(join(bad, 'nowhere.mp4'));
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/error: --audio .*nowhere\.mp4: no such file/);
    expect(written).toEqual([]);
  });

  it('a video with no audio stream', () => {
    const video = join(bad, 'silent-video.mp4');
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=black:s=64x64:d=1', '-an', video]);
    const { run, written } = build(video);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--audio .*silent-video\.mp4: has no audio stream/);
    expect(written).toEqual([]);
  });

  it('a corrupt file', () => {
    const corrupt = join(bad, 'corrupt.mp3');
    writeFileSync(corrupt, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    const { run, written } = build(corrupt);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--audio .*corrupt\.mp3: ffmpeg cannot decode it/);
    expect(written).toEqual([]);
  });

  it('a silent recording', () => {
    const silent = join(bad, 'silent.wav');
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=16000:cl=mono', '-t', '5', silent]);
    const { run, written } = build(silent);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/silent\.wav: error: --audio: no speech found in the recording/);
    expect(written).toEqual([]);
  });

  it('ffmpeg missing', () => {
    const run = runCli(['build', join(bad, 'talk.md'), '--audio', join(bad, 'talk.md'), '-o', join(bad, 'none.vtt')], { env: { CAPTIONS_FFMPEG: join(bad, 'no-ffmpeg-here') } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--audio .*: cannot decode it: ffmpeg is not installed/);
    expect(existsSync(join(bad, 'none.vtt'))).toBe(false);
  });

  it('one recording named for several inputs is bad usage (exit 2)', () => {
    writeFileSync(join(bad, 'other.md'), '# Other\n\nAnother talk.\n');
    const run = runCli(['build', join(bad, 'talk.md'), join(bad, 'other.md'), '--audio', join(bad, 'silent.wav'), '-o', join(bad, 'several')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/names one recording for 2 inputs/);
  });
});

describe.skipIf(skip !== null)('aligning caption-like paragraphs, on synthesized speech', () => {
  // Caption cues cut mid-sentence, no punctuation, each spoken in two halves (two voices, which
  // speak at different paces) with the same pause inside a cue as between cues.
  const CUES = [
    ['so the first thing', 'we did was measure everything'],
    ['and that took', 'most of a year to get right'],
    ['because every recording', 'came from a different room'],
    ['with its own microphone', 'and its own kind of noise'],
    ['then we wrote down', 'what each of them was missing'],
    ['and only after that', 'did we start to fix anything'],
  ];

  it('starts every cue at its own pause, within 0.1 s of the truth', async () => {
    const dir = tempDir('captions-align-');
    const talk = speakTalk(dir, CUES.flat(), [0.35]);
    const text = `# talk\n\n${CUES.map((halves) => halves.join(' ')).join('\n\n')}\n`;
    const features = await decodeAudio(talk.wav);
    const doc = buildFromText(text, 'talk.md', { audio: { features }, detectSpeakers: false });
    const words = doc.words!;
    const errors = CUES.map((_, i) => Math.abs(words.starts[words.lines.indexOf(3 + 2 * i)] - talk.cues[2 * i].start));
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.1);
  });
});
