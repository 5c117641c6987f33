// `--report <target>`: where the review of one input goes and in which form, by the target's name:
// `.html` → the self-contained review page, `-` → a diff in the terminal.

import { supportsColor, supportsColorStderr } from 'chalk';
import { basename, dirname, extname, join } from 'node:path';
import { renderDiff } from '../report/diff.js';
import { renderHtmlReport } from '../report/html.js';
import type { CaptionDocument } from '../types.js';
import type { InputFile } from './inputs.js';
import { UsageError } from './outputs.js';

export type ReportTarget = { kind: 'file'; path: string; text: string } | { kind: 'stream'; stream: 'stdout' | 'stderr'; text: string };

/** Checks the option once, before any input is read. */
export function checkReportOption(report: string | undefined): void {
  if (report === undefined || report === '-' || /\.html?$/i.test(report)) return;
  throw new UsageError(`--report takes a file name ending in .html (the review page) or - (a diff in the terminal), not "${report}"`);
}

/** Colour for a stream: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
function colourFor(stream: 'stdout' | 'stderr'): boolean {
  if (process.env.NO_COLOR) return false;
  return Boolean(stream === 'stdout' ? supportsColor : supportsColorStderr);
}

/** `review.html` for one input; `review.<input>.html` beside it when there are several (`day2.talk` for `day2/talk.md`). */
function reportPath(report: string, input: InputFile, several: boolean): string {
  if (!several) return report;
  const ext = extname(report);
  return join(dirname(report), `${basename(report, ext)}.${input.mirror.split('/').join('.')}${ext}`);
}

/**
 * The rendered review of one document. The diff goes to stdout, or to stderr when the captions
 * themselves are being written to stdout.
 */
export function renderReport(doc: CaptionDocument, report: string, input: InputFile, several: boolean, captionsOnStdout: boolean): ReportTarget {
  if (report === '-') {
    const stream = captionsOnStdout ? 'stderr' : 'stdout';
    return { kind: 'stream', stream, text: renderDiff(doc, { color: colourFor(stream) }) };
  }
  return { kind: 'file', path: reportPath(report, input, several), text: renderHtmlReport(doc) };
}
