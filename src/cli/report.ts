// The corrections log on the command line: plain in files and pipes, coloured with chalk when
// stderr is a terminal and NO_COLOR is not set.

import { chalkStderr } from 'chalk';
import { formatReport, PLAIN, type ReportStyle } from '../report/text.js';
import type { Correction } from '../types.js';

export function reportStyleForStderr(): ReportStyle {
  if (process.env.NO_COLOR || !process.stderr.isTTY || chalkStderr.level === 0) return PLAIN;
  return { where: (t) => chalkStderr.bold(t), from: (t) => chalkStderr.red(t), to: (t) => chalkStderr.green(t), rule: (t) => chalkStderr.dim(t) };
}

export function reportLines(file: string, corrections: Correction[], style: ReportStyle = PLAIN): string[] {
  return formatReport(file, corrections, style);
}
