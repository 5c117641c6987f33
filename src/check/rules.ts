// The lint rules of `captions check`: what is wrong with a caption file under a style profile. Pure:
// it takes the file as the caption reader (src/read/captions.ts) parsed it, and returns findings.

import { byPosition, type Diagnostic } from '../diagnostic.js';
import { textWidth } from '../cues/width.js';
import { decodeEntities } from '../read/entities.js';
import type { CaptionFile, DraftCue } from '../read/captions.js';
import { limitsInMs } from '../cues/settle.js';
import type { StyleProfile } from '../types.js';

/**
 * Finds terms not in their canonical form in one line of cue text (the dictionary's job, issue 4).
 * `line` is the file line the text stands on.
 */
export type TermCheck = (text: string, line: number) => Diagnostic[];

export interface CheckOptions {
  profile: StyleProfile;
  terms?: TermCheck;
  /**
   * The file is a companion track (chapters, slide markers), not captions: only what a player cannot
   * read is found; the profile's limits on lines, durations, gaps and reading speed are for captions.
   */
  track?: boolean;
}

// Reader problems that lose or garble what a viewer sees are errors; the others are warnings.
const READER_ERRORS = new Set(['bad-timing', 'out-of-order', 'overlap', 'bad-duration', 'arrow-in-text', 'no-cues']);

/** A text line as shown: markup tags removed, character references decoded, direction marks (no width) dropped. */
export function visibleText(line: string): string {
  return decodeEntities(line.replace(/<[^>\n]*>/g, ''))
    .replace(/[\u200e\u200f]/g, '')
    .trim();
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

function cueFindings(cue: DraftCue, next: DraftCue | undefined, options: CheckOptions): Diagnostic[] {
  const { profile } = options;
  const limit = limitsInMs(profile);
  const findings: Diagnostic[] = [];
  const lines = cue.text.split('\n');
  const shown = lines.map(visibleText);
  // the text lines follow the timing line directly
  const lineOf = (k: number) => cue.line + 1 + k;

  const textLines = shown.filter((l) => l !== '');
  if (textLines.length > profile.maxLines) {
    findings.push({ line: cue.line, severity: 'error', code: 'too-many-lines', message: `cue has ${textLines.length} lines (limit ${profile.maxLines})` });
  }
  shown.forEach((text, k) => {
    const length = textWidth(text);
    if (length > profile.maxCharsPerLine) {
      findings.push({ line: lineOf(k), severity: 'error', code: 'line-too-long', message: `line is ${length} characters long (limit ${profile.maxCharsPerLine})` });
    }
    if (options.terms) for (const t of options.terms(lines[k], lineOf(k))) findings.push(t);
  });

  const start = Math.round(cue.start * 1000);
  const end = Math.round(cue.end * 1000);
  const duration = end - start;
  if (duration > 0) {
    if (duration > limit.maxDuration) {
      findings.push({ line: cue.line, severity: 'error', code: 'too-long-on-screen', message: `cue is on screen ${seconds(duration)} (limit ${seconds(limit.maxDuration)})` });
    } else if (duration < limit.minDuration) {
      findings.push({ line: cue.line, severity: 'warning', code: 'too-short-on-screen', message: `cue is on screen ${seconds(duration)} (at least ${seconds(limit.minDuration)})` });
    }
    const chars = textWidth(textLines.join(' '));
    const cps = chars / (duration / 1000);
    if (cps > profile.maxCharsPerSecond + 1e-9) {
      findings.push({ line: cue.line, severity: 'error', code: 'reading-speed', message: `cue reads at ${cps.toFixed(1)} characters a second (limit ${profile.maxCharsPerSecond})` });
    }
  }
  if (next) {
    const gap = Math.round(next.start * 1000) - end;
    // an overlap is the reader's finding; a gap that is there but too short is a style problem
    if (gap >= 0 && gap < limit.minGap && next.start >= cue.start) {
      findings.push({ line: next.line, severity: 'warning', code: 'short-gap', message: `${gap} ms after the cue of line ${cue.line} (at least ${limit.minGap} ms)` });
    }
  }
  return findings;
}

/** Every finding for one parsed caption file, in line order. */
export function checkCaptions(file: CaptionFile, options: CheckOptions): Diagnostic[] {
  const findings: Diagnostic[] = file.warnings.map((w): Diagnostic => ({ line: w.line, severity: READER_ERRORS.has(w.code) ? 'error' : 'warning', code: w.code, message: w.message }));
  if (options.track) {
    for (const cue of file.cues) cue.text.split('\n').forEach((text, k) => findings.push(...(options.terms?.(text, cue.line + 1 + k) ?? [])));
  } else {
    file.cues.forEach((cue, i) => findings.push(...cueFindings(cue, file.cues[i + 1], options)));
  }
  return findings.sort(byPosition);
}
