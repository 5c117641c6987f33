// One input of `captions build`: read it, run the pipeline, render every format, then write. Nothing is
// written until everything has rendered, so a failure leaves no partial set of outputs. Runs in the main
// thread or in a worker; its outcome is plain data so that it can cross between them.

import { readFileSync } from 'node:fs';
import { buildFromBytes, type BuildOptions } from '../pipeline.js';
import { InputError, type CaptionDocument } from '../types.js';
import { renderFormat, type OutputFormat } from '../write/index.js';
import { writeFileAtomic } from './atomic.js';
import { ioReason } from './diagnostics.js';
import { preferSmallHeapFor } from './memory.js';
import { parseFormats, pipelineOptions, type BuildCommandOptions } from './build-options.js';
import type { InputFile } from './inputs.js';
import { planOutputs, sameFile, type OutputPlan } from './outputs.js';
import { dryRunLog, renderReport } from './report.js';
import { loadAudio, planMedia, type MediaPlan } from './audio.js';

/** What a batch needs to know to process any of its files; plain data, sent to workers as is. */
export interface BatchSpec {
  inputs: InputFile[];
  options: BuildCommandOptions;
}

export interface Diagnostic {
  /** Set when the problem is in another file than the input (a markers file). */
  file?: string;
  line: number;
  severity: 'error' | 'warning';
  message: string;
  code?: string;
}

export interface FileOutcome {
  path: string;
  /** The name diagnostics use (`<stdin>` for -). */
  name: string;
  status: 'built' | 'failed' | 'skipped';
  written: string[];
  cues: number;
  corrections: number;
  warnings: number;
  diagnostics: Diagnostic[];
  /** `--report -`: the review printed in the terminal, by the main thread, in input order. */
  review?: { stream: 'stdout' | 'stderr'; text: string };
  /** `--report <file>`: this input's lines of the corrections log. */
  log?: string[];
}

export interface ProcessContext {
  formats: OutputFormat[];
  options: BuildOptions;
  plan: OutputPlan;
  /** Every input of the run, so that no output ever lands on one of them. */
  inputs: InputFile[];
  /** `--report`: a review page (`.html`), a terminal diff (`-`), or the corrections log file. */
  report?: string;
  /** Render (so that failures show) but write nothing except the report. */
  dryRun?: boolean;
  /** stdout carries something else (the --json summary). */
  stdoutTaken?: boolean;
  /** `--audio`: the recording of each input. */
  media?: MediaPlan;
  /** Shows how far a recording is decoded (a single input on a terminal). */
  audioProgress?: (media: string) => Promise<{ update(seconds: number): void; stop(): void }>;
}

/** The context of a batch; `options` when the caller has already loaded them (dictionaries, roster). */
export function createContext(spec: BatchSpec, options: BuildOptions = pipelineOptions(spec.options)): ProcessContext {
  const formats = parseFormats(spec.options.formats);
  const media = planMedia(spec.options.audio, spec.inputs);
  return { formats, options, plan: planOutputs(spec.inputs, formats, spec.options.output), inputs: spec.inputs, report: spec.options.report, dryRun: spec.options.dryRun, stdoutTaken: spec.options.json === true, ...(media ? { media } : {}) };
}

export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

function readInput(path: string): Uint8Array {
  return path === '-' ? readFileSync(0) : readFileSync(path);
}

export function failedOutcome(path: string, line: number, message: string, file?: string): FileOutcome {
  const diagnostic: Diagnostic = file === undefined ? { line, severity: 'error', message } : { file, line, severity: 'error', message };
  return { path, name: displayName(path), status: 'failed', written: [], cues: 0, corrections: 0, warnings: 0, diagnostics: [diagnostic] };
}

/** processFile, after reading the input's recording when there is one (`--audio`). */
export async function processInput(input: InputFile, context: ProcessContext): Promise<FileOutcome & { document?: CaptionDocument }> {
  if (!context.media) return processFile(input, context);
  const planned = context.media.mediaFor(input);
  if ('error' in planned) return failedOutcome(input.path, 0, planned.error);
  const progress = await context.audioProgress?.(planned.media);
  const loaded = await loadAudio(planned.media, progress?.update);
  progress?.stop();
  if ('error' in loaded) return failedOutcome(input.path, 0, loaded.error);
  return processFile(input, { ...context, options: { ...context.options, audio: { features: loaded.features, media: planned.media } } });
}

/** Builds and writes one input. Only a bug throws; every problem with the input is in the outcome. */
export function processFile(input: InputFile, context: ProcessContext): FileOutcome & { document?: CaptionDocument } {
  let document: CaptionDocument;
  try {
    const bytes = readInput(input.path);
    preferSmallHeapFor(bytes.length);
    document = buildFromBytes(bytes, displayName(input.path), context.options);
    const rendered = context.formats
      .flatMap((format) => renderFormat(document, format))
      .map((file) => ({ ...file, target: context.plan.targetFor(input, file.extension) }));
    // stdout is taken when the captions or the --json summary go there: the diff then goes to stderr.
    const captionsOnStdout = rendered.some((r) => r.target.kind === 'stdout') || context.stdoutTaken === true;
    const report = context.dryRun && context.report === undefined ? dryRunLog(document) : renderReport(document, context.report, input, context.inputs.length > 1, captionsOnStdout);
    const targets = [...rendered.map((r) => r.target), ...(report?.kind === 'file' ? [report] : [])];
    for (const target of targets) {
      if (target.kind === 'file' && context.inputs.some((i) => i.path !== '-' && sameFile(i.path, target.path))) {
        throw new InputError(1, `refusing to overwrite the input with ${target.path} (write to another directory: -o <dir>)`);
      }
    }
    const written: string[] = [];
    for (const { text, target } of context.dryRun ? [] : rendered) {
      if (target.kind === 'stdout') process.stdout.write(text);
      else if (target.kind === 'file') {
        writeFileAtomic(target.path, text);
        written.push(target.path);
      }
    }
    if (report?.kind === 'file') {
      writeFileAtomic(report.path, report.text);
      written.push(report.path);
    }
    return {
      path: input.path,
      name: displayName(input.path),
      status: 'built',
      written,
      cues: document.cues.length,
      corrections: document.corrections.length,
      warnings: document.warnings.length,
      diagnostics: document.warnings.map((w) => ({ line: w.line, severity: 'warning' as const, message: w.message, code: w.code })),
      review: report?.kind === 'stream' ? { stream: report.stream, text: report.text } : undefined,
      log: report?.kind === 'log' ? report.lines : undefined,
      document,
    };
  } catch (error) {
    if (error instanceof InputError) return failedOutcome(input.path, error.line, error.message, error.file);
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      return failedOutcome(input.path, 0, `cannot read or write: ${ioReason(error as NodeJS.ErrnoException)}`);
    }
    throw error;
  }
}
