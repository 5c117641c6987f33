// `--report <target>`: where the review of one input goes and in which form, by the target's name:
// `.html` → the self-contained review page, `-` → a diff in the terminal, any other file → the plain
// corrections log of every input. `--dry-run` with no --report prints the log on stderr.

import { usageError } from '../../diagnostic.js';
import { supportsColor, supportsColorStderr } from 'chalk';
import { basename, dirname, extname, join } from 'node:path';
import type { renderDiff } from '../../report/diff.js';
import type { renderHtmlReport } from '../../report/html.js';
import { formatReport, PLAIN, type ReportStyle } from '../../report/text.js';
import { chalkStderr } from 'chalk';
import type { CaptionDocument } from '../../types.js';
import type { InputFile } from '../io/inputs.js';

export type ReportTarget =
  | { kind: 'file'; path: string; text: string }
  | { kind: 'stream'; stream: 'stdout' | 'stderr'; text: string }
  /** Lines of the corrections log, gathered from every input into the one --report file. */
  | { kind: 'log'; lines: string[] };

let renderers: { renderDiff: typeof renderDiff; renderHtmlReport: typeof renderHtmlReport } | undefined;

/** Loads the review renderers when the report needs them (a page or a diff), and only then. */
export async function loadReportRenderers(report: string | undefined): Promise<void> {
  if (renderers || report === undefined || isLogReport(report)) return;
  const [{ renderDiff }, { renderHtmlReport }] = await Promise.all([import('../../report/diff.js'), import('../../report/html.js')]);
  renderers = { renderDiff, renderHtmlReport };
}

/** Checks the option once, before any input is read. */
export function checkReportOption(report: string | undefined): void {
  if (report === '') throw usageError('--report takes a file name (.html for the review page, any other for the corrections log) or - (a diff in the terminal)');
}

/** `--report <file>.html`: one review page per input. */
export function isPageReport(report: string | undefined): report is string {
  return report !== undefined && report !== '-' && !isLogReport(report);
}

export function isLogReport(report: string | undefined): report is string {
  return report !== undefined && report !== '-' && !/\.html?$/i.test(report);
}

/** The corrections log on stderr: coloured on a terminal unless NO_COLOR is set. */
export function reportStyleForStderr(): ReportStyle {
  if (!colourFor('stderr') || chalkStderr.level === 0) return PLAIN;
  return { where: (t) => chalkStderr.bold(t), from: (t) => chalkStderr.red(t), to: (t) => chalkStderr.green(t), rule: (t) => chalkStderr.dim(t) };
}

/** Colour for a stream: only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
function colourFor(stream: 'stdout' | 'stderr'): boolean {
  if (process.env.NO_COLOR) return false;
  return Boolean(stream === 'stdout' ? supportsColor : supportsColorStderr);
}

/** `review.html` for one input; `review.<input>.html` beside it when there are several (`day2.talk` for `day2/talk.md`). */
export function reportPath(report: string, input: InputFile, several: boolean): string {
  if (!several) return report;
  const ext = extname(report);
  return join(dirname(report), `${basename(report, ext)}.${input.mirror.split('/').join('.')}${ext}`);
}

/**
 * The rendered review of one document. The diff goes to stdout, or to stderr when the captions
 * themselves are being written to stdout.
 */
export function renderReport(doc: CaptionDocument, report: string | undefined, input: InputFile, several: boolean, captionsOnStdout: boolean): ReportTarget | null {
  if (report === undefined) return null;
  if (isLogReport(report)) return { kind: 'log', lines: formatReport(doc.source, doc.corrections) };
  if (report === '-') {
    const stream = captionsOnStdout ? 'stderr' : 'stdout';
    return { kind: 'stream', stream, text: renderers!.renderDiff(doc, { color: colourFor(stream) }) };
  }
  return { kind: 'file', path: reportPath(report, input, several), text: renderers!.renderHtmlReport(doc) };
}

/** `--dry-run` without --report: the corrections log, on stderr. */
export function dryRunLog(doc: CaptionDocument): ReportTarget {
  return { kind: 'stream', stream: 'stderr', text: formatReport(doc.source, doc.corrections, reportStyleForStderr()).map((l) => l + '\n').join('') };
}
