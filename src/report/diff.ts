// The review report for the terminal: every cue that changed, as a diff (the draft's lines before,
// the cleaned lines after) with each change under it: where, before → after, rule and confidence.

import { Chalk } from 'chalk';
import type { CaptionDocument, Correction } from '../types.js';
import { kindCounts, placeChanges, wordDiff, type DiffRun } from './changes.js';
import { clockTime } from './html.js';

export interface DiffOptions {
  /** Colour the diff (the caller decides from the terminal and NO_COLOR). */
  color: boolean;
}

const shown = (text: string) => (text === '' ? '∅' : JSON.stringify(text).slice(1, -1));

export function renderDiff(doc: CaptionDocument, options: DiffOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const placed = placeChanges(doc);
  const out: string[] = [];
  const change = (fix: Correction) =>
    `    ${c.dim(`${fix.line}:${fix.column}`)}  ${c.red(shown(fix.from))} → ${c.green(shown(fix.to))}  ${c.cyan(fix.rule)} ${c.dim(`(${fix.kind}, ${fix.confidence.toFixed(2)})`)}`;

  doc.cues.forEach((cue, index) => {
    const changes = placed.byCue.get(index);
    if (!changes) return;
    const id = cue.identifier ? ` id ${cue.identifier}` : '';
    out.push(c.bold(`${doc.source}:${cue.sourceLines[0]}`) + c.dim(`  cue ${index + 1}${id}  ${clockTime(cue.start)} --> ${clockTime(cue.end)}`));
    if (cue.draftLines) {
      // the changed words stand out inside each line: inverse on a terminal
      const diffs = cue.lines.map((line, k) => wordDiff(cue.draftLines![k] ?? '', line));
      const runs = (list: DiffRun[]) => list.map((r) => (r.changed ? c.inverse(r.text) : r.text)).join('');
      for (const d of diffs) out.push(c.red(`- ${runs(d.before)}`));
      for (const d of diffs) out.push(c.green(`+ ${runs(d.after)}`));
    } else {
      for (const line of cue.lines) out.push(c.green(`+ ${line}`));
    }
    for (const fix of changes) out.push(change(fix));
    out.push('');
  });
  if (placed.unplaced.length) {
    out.push(c.bold(`${doc.source}: changes outside the cues`));
    for (const fix of placed.unplaced) out.push(change(fix));
    out.push('');
  }
  for (const w of doc.warnings) out.push(`${c.bold(`${doc.source}:${w.line}:`)} ${c.yellow('warning:')} ${w.message} ${c.dim(`[${w.code}]`)}`);
  const byKind = kindCounts(doc.corrections).map(([kind, n]) => `${n} ${kind}`);
  out.push(
    c.bold(`${doc.source}: ${doc.corrections.length} change${doc.corrections.length === 1 ? '' : 's'}`) +
      (byKind.length ? ` (${byKind.join(', ')})` : '') +
      ` in ${placed.byCue.size} of ${doc.cues.length} cues, ${doc.warnings.length} warning${doc.warnings.length === 1 ? '' : 's'}`,
  );
  return out.join('\n') + '\n';
}
