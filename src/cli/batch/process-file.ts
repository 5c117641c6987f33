// One input of `captions build`: read it, run the pipeline, render every format, then write. Nothing is
// written until everything has rendered, so a failure leaves no partial set of outputs. Runs in the main
// thread or in a worker; its outcome is plain data so that it can cross between them.

import { isDiagnosticError, writeReason, type Diagnostic } from '../../diagnostic.js';
import { buildFromBytes, type BuildOptions } from '../../pipeline.js';
import type { CaptionDocument } from '../../types.js';
import { renderFormat, type OutputFormat } from '../../write/index.js';
import { writeFilesAtomic, type FileToWrite } from '../io/atomic.js';
import { readBytesBounded } from '../../read/bounded.js';
import { captionFormatOf } from '../../read/captions.js';
import { ioReason } from '../io/diagnostics.js';
import { preferSmallHeapFor } from './memory.js';
import { outputFormats, pipelineOptions, type BuildCommandOptions } from '../commands/build-options.js';
import type { InputFile } from '../io/inputs.js';
import { planOutputs, type OutputPlan } from '../io/outputs.js';
import { dryRunLog, renderReport } from '../commands/report.js';
import { loadAudio, planMedia, type MediaPlan } from '../io/audio.js';

/** What a batch needs to know to process any of its files; plain data, sent to workers as is. */
export interface BatchSpec {
  inputs: InputFile[];
  options: BuildCommandOptions;
  /** The `-o` directory, lexical and real: every write is checked to stay inside it. */
  outputRoot?: { lexical: string; real: string };
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
  /** Captions for stdout (one input, one format), printed by the main thread. */
  stdout?: string;
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
  outputRoot?: { lexical: string; real: string };
  /** `--audio`: the recording of each input. */
  media?: MediaPlan;
  /** Shows how far a recording is decoded (a single input on a terminal). */
  audioProgress?: (media: string) => Promise<{ update(seconds: number): void; stop(): void }>;
}

/** The context of a batch; `options` when the caller has already loaded them (dictionaries, roster). */
export function createContext(spec: BatchSpec, options: BuildOptions = pipelineOptions(spec.options)): ProcessContext {
  const formats = outputFormats(spec.options);
  const media = planMedia(spec.options.audio, spec.inputs);
  return { formats, options, plan: planOutputs(spec.inputs, formats, spec.options.output), inputs: spec.inputs, report: spec.options.report, dryRun: spec.options.dryRun, stdoutTaken: spec.options.json === true, outputRoot: spec.outputRoot, ...(media ? { media } : {}) };
}

export function displayName(path: string): string {
  return path === '-' ? '<stdin>' : path;
}

function readInput(path: string): Uint8Array {
  return readBytesBounded(path, 'transcript');
}

export function failedOutcome(path: string, line: number, message: string, file?: string, code = 'input'): FileOutcome {
  const diagnostic: Diagnostic = file === undefined ? { line, severity: 'error', code, message } : { file, line, severity: 'error', code, message };
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
    // a large transcript is built in sections, whose garbage a small heap collects early; a draft is
    // built whole, and a small heap only makes it collect more often
    if (captionFormatOf(new TextDecoder().decode(bytes.subarray(0, 65_536)), input.path) === null) preferSmallHeapFor(bytes.length);
    document = buildFromBytes(bytes, displayName(input.path), context.options);
    const rendered = context.formats
      .flatMap((format) => renderFormat(document, format))
      .map((file) => ({ ...file, target: context.plan.targetFor(input, file.extension) }));
    // stdout is taken when the captions or the --json summary go there: the diff then goes to stderr.
    const captionsOnStdout = rendered.some((r) => r.target.kind === 'stdout') || context.stdoutTaken === true;
    const report = context.dryRun && context.report === undefined ? dryRunLog(document) : renderReport(document, context.report, input, context.inputs.length > 1, captionsOnStdout);
    // Where every output may go was settled before the run (src/cli/io/run-paths.ts); here they are
    // written as one set: all to temporary files first, then all renamed.
    const files: FileToWrite[] = (context.dryRun ? [] : rendered).flatMap(({ text, target }) => (target.kind === 'file' ? [{ path: target.path, text, root: context.outputRoot }] : []));
    // the review page goes where --report says, which need not be inside -o
    if (report?.kind === 'file') files.push({ path: report.path, text: report.text });
    writeFilesAtomic(files);
    const stdout = (context.dryRun ? [] : rendered).filter((r) => r.target.kind === 'stdout').map((r) => r.text).join('');
    const written = files.map((f) => f.path);
    return {
      path: input.path,
      name: displayName(input.path),
      status: 'built',
      written,
      cues: document.cues.length,
      corrections: document.corrections.length,
      warnings: document.warnings.length,
      diagnostics: document.warnings,
      stdout: stdout === '' ? undefined : stdout,
      review: report?.kind === 'stream' ? { stream: report.stream, text: report.text } : undefined,
      log: report?.kind === 'log' ? report.lines : undefined,
      document,
    };
  } catch (error) {
    if (isDiagnosticError(error, 'input')) return failedOutcome(input.path, error.line, error.message, error.file);
    if (isDiagnosticError(error, 'read-limit')) return failedOutcome(input.path, 0, error.message);
    if (isDiagnosticError(error, 'write')) {
      const cause = writeReason(error);
      const reason = cause.code === 'EOUTSIDE' ? cause.message.replace(/^refusing to write it: /, '') : ioReason(cause);
      return failedOutcome(input.path, 0, `${cause.code === 'EOUTSIDE' ? 'refusing to write' : 'cannot write'} ${error.file}: ${reason}`);
    }
    if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
      return failedOutcome(input.path, 0, `cannot read: ${ioReason(error as NodeJS.ErrnoException)}`);
    }
    throw error;
  }
}
