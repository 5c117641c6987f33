// Which cue each correction belongs to, for the review reports: every correction is placed exactly
// once, in the cue whose source lines hold it, or listed apart when no cue does (a title, say).

import { byPosition } from '../diagnostic.js';
import type { CaptionDocument, Correction, Cue } from '../types.js';

export interface PlacedChanges {
  /** Corrections per cue index, in source order. */
  byCue: Map<number, Correction[]>;
  /** Corrections on lines no cue comes from. */
  unplaced: Correction[];
}

const KINDS: Correction['kind'][] = ['punctuation', 'case', 'markup', 'term', 'name'];

/** Kinds of change in a stable order, with their counts (kinds that did not occur are left out). */
export function kindCounts(corrections: Correction[]): Array<[Correction['kind'], number]> {
  const counts = new Map<Correction['kind'], number>();
  for (const c of corrections) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  const known = KINDS.filter((k) => counts.has(k));
  const other = [...counts.keys()].filter((k) => !KINDS.includes(k)).sort();
  return [...known, ...other].map((k) => [k, counts.get(k)!]);
}

const holds = (cue: Cue, line: number) => line >= cue.sourceLines[0] && line <= cue.sourceLines[1];

/**
 * Places each correction in a cue. A raw transcript line can feed several cues; the correction then
 * goes to the first of them (not before the cue the previous fix of that line went to) whose text
 * shows what the fix wrote.
 */
export function placeChanges(doc: CaptionDocument): PlacedChanges {
  const byCue = new Map<number, Correction[]>();
  const unplaced: Correction[] = [];
  const cuesOfLine = new Map<number, number[]>();
  doc.cues.forEach((cue, index) => {
    // a draft cue's range starts at its timing line; a raw cue's covers the transcript lines it came from
    for (let line = cue.sourceLines[0]; line <= cue.sourceLines[1] && line - cue.sourceLines[0] < 10000; line++) {
      const list = cuesOfLine.get(line) ?? [];
      list.push(index);
      cuesOfLine.set(line, list);
    }
  });
  const lastOfLine = new Map<number, number>();
  const sorted = [...doc.corrections].sort(byPosition);
  for (const correction of sorted) {
    const candidates = (cuesOfLine.get(correction.line) ?? []).filter((i) => i >= (lastOfLine.get(correction.line) ?? -1) && holds(doc.cues[i], correction.line));
    if (candidates.length === 0) {
      unplaced.push(correction);
      continue;
    }
    const wrote = correction.to.trim();
    const showing = wrote ? candidates.find((i) => doc.cues[i].lines.some((l) => l.includes(wrote))) : undefined;
    const chosen = showing ?? candidates[0];
    lastOfLine.set(correction.line, chosen);
    byCue.set(chosen, [...(byCue.get(chosen) ?? []), correction]);
  }
  return { byCue, unplaced };
}

/** A run of a line in a word diff: kept as it was, or changed (removed from before / added after). */
export interface DiffRun {
  text: string;
  changed: boolean;
}

/**
 * Word-level difference of a line before and after cleaning (longest common subsequence of words;
 * the spaces go with the word before them). Lines of captions are short, so the quadratic table is cheap.
 */
export function wordDiff(before: string, after: string): { before: DiffRun[]; after: DiffRun[] } {
  const a = before.match(/\S+\s*|\s+/g) ?? [];
  const b = after.match(/\S+\s*|\s+/g) ?? [];
  const same = (x: string, y: string) => x.trimEnd() === y.trimEnd();
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i][j] = same(a[i], b[j]) ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const runsA: DiffRun[] = [];
  const runsB: DiffRun[] = [];
  const push = (runs: DiffRun[], text: string, changed: boolean) => {
    const last = runs[runs.length - 1];
    if (last && last.changed === changed) last.text += text;
    else runs.push({ text, changed });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && same(a[i], b[j])) {
      push(runsA, a[i++], false);
      push(runsB, b[j++], false);
    } else if (j < b.length && (i === a.length || table[i][j + 1] >= table[i + 1][j])) {
      push(runsB, b[j++], true);
    } else {
      push(runsA, a[i++], true);
    }
  }
  return { before: runsA, after: runsB };
}
