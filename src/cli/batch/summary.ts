// The end-of-run account of a batch: one line for people, one JSON document for CI.

import type { FileOutcome } from './process-file.js';

export interface BatchSummary {
  files: number;
  built: number;
  skipped: number;
  failed: number;
  cues: number;
  corrections: number;
  warnings: number;
}

export function summarize(outcomes: FileOutcome[]): BatchSummary {
  const count = (status: FileOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const sum = (key: 'cues' | 'corrections' | 'warnings') => outcomes.reduce((total, o) => total + o[key], 0);
  return {
    files: outcomes.length,
    built: count('built'),
    skipped: count('skipped'),
    failed: count('failed'),
    cues: sum('cues'),
    corrections: sum('corrections'),
    warnings: sum('warnings'),
  };
}

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function summaryLine(summary: BatchSummary, seconds: number): string {
  const parts = [`${summary.built} built`];
  if (summary.skipped) parts.push(`${summary.skipped} unchanged`);
  parts.push(`${summary.failed} failed`);
  return (
    `captions: ${plural(summary.files, 'file')} (${parts.join(', ')}); ` +
    `${plural(summary.cues, 'cue')}, ${plural(summary.corrections, 'correction')}, ${plural(summary.warnings, 'warning')} in ${seconds.toFixed(1)} s`
  );
}

/** The `--json` report: stable keys, per-file status in input order. */
export function summaryJson(outcomes: FileOutcome[], summary: BatchSummary, exitCode: number): string {
  return (
    JSON.stringify(
      {
        exitCode,
        summary,
        files: outcomes.map((o) => ({
          input: o.path,
          status: o.status,
          outputs: o.written,
          cues: o.cues,
          corrections: o.corrections,
          warnings: o.warnings,
          // written key by key, in the documented order, whatever the stages attach
          diagnostics: o.diagnostics.map((d) => ({ ...(d.file === undefined ? {} : { file: d.file }), line: d.line, severity: d.severity, message: d.message, code: d.code })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
