// The human corrections log: one line per changed word, like a compiler diagnostic,
// `talk.md:419:22  gill → GIL  (GIL, variant)`. Pure: corrections and a file name in, lines out;
// colouring is an optional style the caller passes (chalk on a terminal, nothing in a file).

import { byPosition } from '../diagnostic.js';
import type { Correction } from '../types.js';

export interface ReportStyle {
  where(text: string): string;
  from(text: string): string;
  to(text: string): string;
  rule(text: string): string;
}

export const PLAIN: ReportStyle = { where: (t) => t, from: (t) => t, to: (t) => t, rule: (t) => t };

/** Corrections that change words (terms, names, casing); punctuation repairs are only counted. */
export const WORD_KINDS: ReadonlyArray<Correction['kind']> = ['term', 'name', 'case'];

export function formatCorrection(file: string, c: Correction, style: ReportStyle = PLAIN): string {
  const how = c.confidence < 1 && (c.kind === 'term' || c.kind === 'name') ? `${c.rule}, ${c.confidence.toFixed(2)}` : c.rule;
  return `${style.where(`${file}:${c.line}:${c.column}`)}  ${style.from(c.from)} → ${style.to(c.to || '∅')}  ${style.rule(`(${how})`)}`;
}

/** The log of one input: its word corrections in source order, then a count of the rest. */
export function formatReport(file: string, corrections: Correction[], style: ReportStyle = PLAIN, kinds: ReadonlyArray<Correction['kind']> = WORD_KINDS): string[] {
  const shown = corrections.filter((c) => kinds.includes(c.kind)).sort(byPosition);
  const lines = shown.map((c) => formatCorrection(file, c, style));
  const others = corrections.length - shown.length;
  if (others > 0) lines.push(style.rule(`${file}: ${others} punctuation repair${others === 1 ? '' : 's'} not listed (see the JSON output's corrections)`));
  return lines;
}
