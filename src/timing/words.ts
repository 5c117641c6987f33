// The spoken words with their times, for the JSON output's `words`: from the timed units of a
// transcript, from a caption draft's cues (each cue's time shared among its words by their letters),
// and joined across the sections of a long transcript.

import type { Cue, TimedUnit, WordTimes } from '../types.js';
import { spokenLetters } from './estimate.js';

export function wordsOfUnits(units: TimedUnit[]): WordTimes {
  let count = 0;
  for (const u of units) if (u.type === 'sentence') count += u.words.length;
  const words: WordTimes = { texts: new Array<string>(count), starts: new Float64Array(count), ends: new Float64Array(count), lines: new Int32Array(count) };
  let w = 0;
  for (const u of units) {
    if (u.type !== 'sentence') continue;
    u.words.forEach((word, i) => {
      words.texts[w] = word.text;
      words.starts[w] = u.starts[i];
      words.ends[w] = u.ends[i];
      words.lines[w] = word.line;
      w++;
    });
  }
  return words;
}

/** A draft's words: each cue's words share its time by their letters; `plain` strips the cue's markup. */
export function wordsOfCues(cues: Cue[], plain: (cue: Cue) => string): WordTimes {
  const texts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const lines: number[] = [];
  for (const cue of cues) {
    const words = plain(cue).split(/\s+/).filter(Boolean);
    const weights = words.map((word) => Math.max(1, spokenLetters(word)));
    const total = weights.reduce((a, b) => a + b, 0);
    let before = 0;
    words.forEach((word, i) => {
      texts.push(word);
      starts.push(cue.start + ((cue.end - cue.start) * before) / total);
      before += weights[i];
      ends.push(cue.start + ((cue.end - cue.start) * before) / total);
      lines.push(cue.sourceLines[0]);
    });
  }
  return { texts, starts: Float64Array.from(starts), ends: Float64Array.from(ends), lines: Int32Array.from(lines) };
}

export function joinWords(parts: WordTimes[]): WordTimes {
  const total = parts.reduce((n, p) => n + p.texts.length, 0);
  const joined: WordTimes = { texts: [], starts: new Float64Array(total), ends: new Float64Array(total), lines: new Int32Array(total) };
  let at = 0;
  for (const part of parts) {
    for (const text of part.texts) joined.texts.push(text);
    joined.starts.set(part.starts, at);
    joined.ends.set(part.ends, at);
    joined.lines.set(part.lines, at);
    at += part.texts.length;
  }
  return joined;
}
