// One input of `captions build`: read it, run the pipeline, render every format, then write. Nothing is
// written until everything has rendered, so a failure leaves no partial set of outputs.

import { readFileSync } from 'node:fs';
import { buildFromBytes, type BuildOptions } from '../pipeline.js';
import type { CaptionDocument } from '../types.js';
import { InputError } from '../types.js';
import { renderFormat, type OutputFormat } from '../write/index.js';
import { writeFileAtomic } from './atomic.js';
import { sameFile, type OutputPlan } from './outputs.js';
import { renderReport } from './report.js';

export interface FileResult {
  input: string;
  /** The name diagnostics use (`<stdin>` for -). */
  name: string;
  document?: CaptionDocument;
  written: string[];
  error?: { line: number; message: string };
}

function readInput(input: string): Uint8Array {
  return input === '-' ? readFileSync(0) : readFileSync(input);
}

function ioReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EISDIR') return 'is a directory';
  return error.message.replace(/^[A-Z]+: /, '');
}

export interface ProcessContext {
  formats: OutputFormat[];
  options: BuildOptions;
  plan: OutputPlan;
  /** Every input of the run, so that no output ever lands on one of them. */
  inputs: string[];
  /** `--report`: a review page (`.html`) or a terminal diff (`-`). */
  report?: string;
}

export function processFile(input: string, context: ProcessContext): FileResult {
  const name = input === '-' ? '<stdin>' : input;
  const result: FileResult = { input, name, written: [] };
  try {
    const document = buildFromBytes(readInput(input), name, context.options);
    const rendered = context.formats
      .flatMap((format) => renderFormat(document, format))
      .map((file) => ({ ...file, target: context.plan.targetFor(input, file.extension) }));
    const captionsOnStdout = rendered.some((r) => r.target.kind === 'stdout');
    const report = context.report === undefined ? null : renderReport(document, context.report, input, context.inputs, captionsOnStdout);
    const targets = [...rendered.map((r) => r.target), ...(report?.kind === 'file' ? [report] : [])];
    for (const target of targets) {
      if (target.kind === 'file' && context.inputs.some((i) => i !== '-' && sameFile(i, target.path))) {
        throw new InputError(1, `refusing to overwrite the input with ${target.path} (write to another directory: -o <dir>)`);
      }
    }
    for (const { text, target } of rendered) {
      if (target.kind === 'stdout') process.stdout.write(text);
      else if (target.kind === 'file') {
        writeFileAtomic(target.path, text);
        result.written.push(target.path);
      }
    }
    if (report?.kind === 'file') {
      writeFileAtomic(report.path, report.text);
      result.written.push(report.path);
    } else if (report) {
      (report.stream === 'stdout' ? process.stdout : process.stderr).write(report.text);
    }
    result.document = document;
  } catch (error) {
    if (error instanceof InputError) result.error = { line: error.line, message: error.message };
    else if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      result.error = { line: 0, message: `cannot read or write: ${ioReason(error as NodeJS.ErrnoException)}` };
    } else throw error;
  }
  return result;
}
