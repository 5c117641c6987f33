// How `captions check` prints its findings: compiler-style lines, JSON, or GitHub Actions
// workflow commands (`::error file=…,line=…::message`) that annotate the pull request.

import type { Diagnostic } from '../diagnostic.js';

export const CHECK_FORMATS = ['pretty', 'json', 'github'] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface FileReport {
  file: string;
  /** 'srt' or 'vtt'; null when the file could not be read as captions at all */
  format: string | null;
  /** The encoding the file was read in; absent when it could not be read. */
  encoding?: string;
  /** Set when the file was checked as a companion track (`chapters`, `markers`) rather than as captions. */
  track?: string;
  cues: number;
  findings: Diagnostic[];
}

export function countBySeverity(reports: FileReport[]) {
  const all = reports.flatMap((r) => r.findings);
  return { errors: all.filter((f) => f.severity === 'error').length, warnings: all.filter((f) => f.severity === 'warning').length };
}

/** GitHub's escaping of workflow-command data and properties. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function githubAnnotations(reports: FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const f of report.findings) {
      const where = f.line > 0 ? `file=${escapeProperty(report.file)},line=${f.line}` : `file=${escapeProperty(report.file)}`;
      lines.push(`::${f.severity} ${where}::${escapeData(`${f.message} [${f.code}]`)}`);
    }
  }
  return lines.map((l) => l + '\n').join('');
}

export function jsonReport(reports: FileReport[], profile: string): string {
  return JSON.stringify({ profile, ...countBySeverity(reports), files: reports }, null, 2) + '\n';
}
