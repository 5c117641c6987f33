// The timing benchmark's machinery, shared by `npm run bench:timing` and the tuning script: turns a
// human-timed caption file into a raw transcript with image markers, builds captions from it with
// some marker times known, and measures |estimated − true| start of every built cue.

import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanText } from '../dist/clean-text.js';
import { buildFromText } from '../dist/pipeline.js';
import { parseTranscript } from '../dist/read/transcript.js';

const require = createRequire(import.meta.url);
const { WebVTTParser } = require('webvtt-parser');

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The shared folder of timed captions: TIMING_DIR, else ../shared/timing beside the project (or its worktree parent). */
export function timingDir() {
  const candidates = [process.env.TIMING_DIR, join(ROOT, '../shared/timing'), join(ROOT, '../../shared/timing')].filter(Boolean);
  return candidates.find((d) => existsSync(d)) ?? null;
}

export function timingFiles(dir) {
  return readdirSync(dir)
    .filter((f) => /\.vtt$/i.test(f))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'" };

/** Cue text as spoken: voice and style tags removed, entities decoded, one line. */
function spokenText(text) {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|quot|apos);/g, (_, e) => ENTITIES[e])
    .replace(/\s+/g, ' ')
    .trim();
}

/** The true cues of a timed caption file: text, start, end, and whether a slide changes there. */
export function trueCues(vtt) {
  const parsed = new WebVTTParser().parse(vtt, 'metadata');
  return parsed.cues
    .map((c) => ({ id: c.id, start: c.startTime, end: c.endTime, text: spokenText(c.text), slide: /^slide-\d+/.test(c.id) }))
    .filter((c) => c.text !== '');
}

/** Indices of the cues nearest every `every` seconds (none when every is Infinity). */
export function anchorCues(cues, every) {
  const chosen = new Set();
  if (!Number.isFinite(every)) return chosen;
  const end = cues[cues.length - 1].end;
  for (let t = every; t < end - every / 4; t += every) {
    let best = 0;
    cues.forEach((c, i) => {
      if (Math.abs(c.start - t) < Math.abs(cues[best].start - t)) best = i;
    });
    if (best > 0) chosen.add(best);
  }
  return chosen;
}

/**
 * A raw transcript of the cues (one speech line each), an image marker before every slide change
 * and every anchor cue; returns the text, the known marker times, and where each cue's line is.
 */
export function transcriptOf(cues, anchors) {
  const parts = ['# timed talk', ''];
  const lineOfCue = [];
  const known = [];
  let markerNumber = 0;
  cues.forEach((cue, i) => {
    if (cue.slide || anchors.has(i)) {
      markerNumber++;
      parts.push(`![](img/t_${markerNumber}.png)`, '');
      if (anchors.has(i)) known.push({ key: String(markerNumber), time: cue.start, line: known.length + 2 });
    }
    lineOfCue.push(parts.length + 1);
    parts.push(` ${cue.text}`, '');
  });
  return { text: parts.join('\n'), known, lineOfCue };
}

export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

/**
 * Builds captions for one file and configuration and returns the errors of the model and of the
 * naive model (time in proportion to characters between the same known points), cue by cue.
 */
export function measure(vtt, every, speechModel, knowStart = false) {
  const cues = trueCues(vtt);
  const anchors = anchorCues(cues, every);
  const { text, known, lineOfCue } = transcriptOf(cues, anchors);
  const duration = cues[cues.length - 1].end;
  const options = { anchors: { source: 'markers.csv', anchors: known }, duration };
  if (knowStart) options.offset = cues[0].start;
  if (speechModel) options.speechModel = speechModel;
  const doc = buildFromText(text, 'bench', options);

  // word tokens in order, with the true time of each: the true cue's start, plus its share of the cue by characters
  const cueOfLine = new Map(lineOfCue.map((line, i) => [line, i]));
  const tokens = cleanText(parseTranscript(text)).tokens;
  const words = [];
  let chars = 0;
  const markerChars = new Map();
  for (const t of tokens) {
    if (t.type === 'marker') markerChars.set(t.image, chars);
    if (t.type !== 'word') continue;
    const cue = cues[cueOfLine.get(t.line)];
    const offset = Math.max(0, t.column - 2);
    words.push({ text: t.text, time: cue.start + ((cue.end - cue.start) * offset) / Math.max(1, cue.text.length), chars });
    chars += t.text.length + 1;
  }

  // the naive model: characters spread evenly between the start, the known markers and the end
  const points = [{ chars: 0, time: options.offset ?? 0 }];
  for (const k of known) points.push({ chars: markerChars.get(`img/t_${k.key}.png`), time: k.time });
  points.push({ chars, time: duration });
  const naiveTime = (c) => {
    let k = 0;
    while (k + 2 < points.length && points[k + 1].chars <= c) k++;
    const p = points[k];
    const q = points[k + 1];
    return q.chars > p.chars ? p.time + ((c - p.chars) * (q.time - p.time)) / (q.chars - p.chars) : p.time;
  };

  const model = [];
  const naive = [];
  let next = 0;
  let mismatches = 0;
  for (const cue of doc.cues) {
    const cueWords = cue.lines.join(' ').split(/\s+/).filter(Boolean);
    if (cueWords.length === 1 && /^\[.*\]$/.test(cueWords[0])) continue; // a sound event
    const word = words[next];
    if (!word) break;
    if (word.text !== cueWords[0]) mismatches++;
    model.push(Math.abs(cue.start - word.time));
    naive.push(Math.abs(naiveTime(word.chars) - word.time));
    next += cueWords.length;
  }
  return { model, naive, mismatches, cues: doc.cues.length, anchors: known.length, duration };
}
