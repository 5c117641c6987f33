// `captions build`: expands the inputs, builds each one (in parallel on worker threads for batches),
// reports every diagnostic in input order, and ends with a summary and an exit code.

import { isDiagnosticError, usageError } from '../../diagnostic.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pipelineOptions, runFlags, type BuildCommandOptions } from './build-options.js';
import { escapeControls, formatDiagnostic } from '../io/diagnostics.js';
import { runBatch } from '../batch/batch.js';
import { expandInputs, type MissingInput } from '../io/inputs.js';
import { outputIsDirectory, planOutputs, type OutputPlan } from '../io/outputs.js';
import { displayName, failedOutcome, type BatchSpec, type FileOutcome } from '../batch/process-file.js';
import { checkReportOption, isLogReport, isPageReport, loadReportRenderers, reportPath } from './report.js';
import { describeUse, RunPaths } from '../io/run-paths.js';
import { foundConfigPath } from '../io/config.js';
import { STATE_FILE } from '../batch/state-file.js';
import type { InputFile } from '../io/inputs.js';
import { createProgress, NO_PROGRESS, type Progress } from '../batch/progress.js';
import { summarize, summaryJson, summaryLine } from '../batch/summary.js';
import { sweepTemporaryFiles, writeFileAtomic } from '../io/atomic.js';
import { FORMATS, VTT_COMPANIONS, type OutputFormat } from '../../write/index.js';
import { audioProgressBar, isMap, planMedia, type MediaPlan } from '../io/audio.js';
import type { BuildOptions } from '../../options.js';
import type { BuildState } from '../batch/changed.js';

export type { BuildCommandOptions } from './build-options.js';

export interface BuildRunContext {
  toolVersion: string;
}


/** Files every output of an input may be: each format, a VTT's companion tracks, its review page. */
function plannedTargets(input: InputFile, formats: OutputFormat[], plan: OutputPlan, options: BuildCommandOptions, several: boolean): Array<{ path: string; mirrored: boolean }> {
  const extensions = options.dryRun ? [] : formats.flatMap((f) => [f, ...(f === 'vtt' ? VTT_COMPANIONS.map((c) => `${c.suffix}.vtt`) : [])]);
  const files = extensions.map((e) => plan.targetFor(input, e)).flatMap((t) => (t.kind === 'file' ? [{ path: t.path, mirrored: true }] : []));
  // the review page goes where --report says, which need not be inside -o
  if (isPageReport(options.report)) files.push({ path: reportPath(options.report, input, several), mirrored: false });
  return files;
}

/**
 * Settles, before anything is read or written, where the run writes: no output, report or build
 * record may be a file the run reads (an input, a dictionary, the roster, the markers file, the
 * config, a recording or the --audio map) or another of its outputs, nor leave the output directory. An input whose outputs cannot
 * be written fails (its outcome is set); a report or record that cannot is bad usage.
 */
function settleWrites(spec: BatchSpec, plan: OutputPlan, media: MediaPlan | undefined, formats: OutputFormat[], options: BuildCommandOptions, outDir: string | undefined, outcomes: Array<FileOutcome | undefined>): void {
  const paths = new RunPaths(outDir);
  for (const input of spec.inputs) if (input.path !== '-') paths.read(input.path, 'input');
  for (const file of options.dict ?? []) paths.read(file, 'dictionary');
  if (typeof options.speakers === 'string') paths.read(options.speakers, 'roster');
  if (options.markers !== undefined) paths.read(options.markers, 'markers');
  const config = foundConfigPath();
  if (config) paths.read(config, 'config');
  if (typeof options.audio === 'string' && isMap(options.audio)) paths.read(options.audio, 'audio-map');
  if (media) {
    for (const input of spec.inputs) {
      const recording = media.mediaFor(input);
      if ('media' in recording) paths.read(recording.media, 'recording');
    }
  }
  const claimRunFile = (path: string, role: 'state' | 'report', what: string) => {
    const taken = paths.conflict(path);
    if (taken) throw usageError(`refusing to write ${what} to ${path}: it is ${describeUse(taken)}`);
    paths.claim({ path, role });
  };
  // the build record's place is kept even without --changed-only: a later run reads it
  if (outDir) claimRunFile(join(outDir, STATE_FILE), 'state', 'the build record');
  if (isLogReport(options.report)) claimRunFile(options.report, 'report', 'the report');
  const several = spec.inputs.length > 1;
  spec.inputs.forEach((input, index) => {
    const targets = plannedTargets(input, formats, plan, options, several);
    for (const { path: target, mirrored } of targets) {
      const outside = mirrored ? paths.escapes(target) : null;
      if (outside) {
        outcomes[index] = failedOutcome(input.path, 0, `refusing to write ${target}: ${outside}`);
        return;
      }
      const taken = paths.conflict(target);
      if (!taken) continue;
      if (taken.role === 'input') {
        outcomes[index] = failedOutcome(input.path, 1, `refusing to overwrite ${taken.path === input.path ? 'the input' : `the input ${taken.path}`} with ${target} (write to another directory: -o <dir>)`);
      } else if (taken.role === 'output') {
        outcomes[index] = failedOutcome(input.path, 0, `its outputs would overwrite those of ${taken.owner} (${target})`);
      } else {
        throw usageError(`refusing to write ${target} (an output of ${displayName(input.path)}): it is ${describeUse(taken)}`);
      }
      return;
    }
    for (const { path } of targets) paths.claim({ path, role: 'output', owner: input.path });
  });
}

/** The pipeline options, or null when an option file (the markers) fails every input: reported once, where it is. */
function loadPipelineOptions(options: BuildCommandOptions): BuildOptions | null {
  try {
    return pipelineOptions(options); // bad option values and option files stop the run before anything is read
  } catch (error) {
    if (!(isDiagnosticError(error, 'input'))) throw error;
    process.stderr.write(formatDiagnostic(error.file ?? '<options>', error.line, 'error', error.message) + '\n');
    return null;
  }
}

interface RunPlan {
  spec: BatchSpec;
  missing: MissingInput[];
  media: MediaPlan | undefined;
  outDir: string | undefined;
  plan: OutputPlan;
}

/** Finds the inputs and where each output goes; throws a DiagnosticError (code `usage`) for flags that cannot serve them. */
async function planRun(args: string[], options: BuildCommandOptions, formats: OutputFormat[]): Promise<RunPlan> {
  // an empty -o is most often an unset variable in a script: writing beside the inputs would surprise
  if (options.output?.trim() === '') throw usageError('-o, --output: the path is empty (give a directory, a file, or - for stdout)');
  // The output path is never read as input (a re-run must not take its own outputs for drafts).
  const expanded = await expandInputs(args, options.output === '-' ? undefined : options.output);
  const spec: BatchSpec = { inputs: expanded.files, options };
  const media = planMedia(options.audio, spec.inputs); // an --audio value that cannot serve these inputs stops the run
  const outDir = options.output !== undefined && options.output !== '-' && outputIsDirectory(options.output, spec.inputs.length, formats.length) ? options.output : undefined;
  if (outDir) spec.outputRoot = new RunPaths(outDir).outputRoot;
  if (options.changedOnly && !outDir) throw usageError('--changed-only needs -o <dir>, where the record of earlier builds is kept');
  const plan = planOutputs(spec.inputs, formats, options.output);
  if (options.json && spec.inputs.some((input) => plan.targetFor(input, formats[0]).kind === 'stdout')) {
    throw usageError('--json prints its summary on stdout, so the captions need -o <dir|file>');
  }
  return { spec, missing: expanded.missing, media, outDir, plan };
}

/** `--changed-only`: the record of earlier builds, and what each input's outputs depend on. */
interface BuildRecord {
  state: BuildState;
  fingerprintFor(input: InputFile): string;
}

async function openBuildRecord(options: BuildCommandOptions, run: RunPlan, formats: OutputFormat[], toolVersion: string): Promise<BuildRecord | undefined> {
  if (!options.changedOnly || !run.outDir) return undefined;
  // node:crypto (for the fingerprints) is loaded only then
  const changed = await import('../batch/changed.js');
  const state = changed.BuildState.load(run.outDir, (message) => process.stderr.write(message + '\n'));
  const fingerprint = changed.fingerprintOf({ ...options, formats: formats.join(',') }, toolVersion);
  const { media } = run;
  // with --audio, each input's own recording is part of what its outputs depend on
  const fingerprintFor = (input: InputFile) => {
    if (!media) return fingerprint;
    const recording = media.mediaFor(input);
    return changed.withRecording(fingerprint, 'media' in recording ? recording.media : undefined);
  };
  return { state, fingerprintFor };
}

/** Inputs unchanged since their last build keep what it said, so --fail-on warning fails the same way. */
function skipUnchanged(inputs: InputFile[], outcomes: Array<FileOutcome | undefined>, record: BuildRecord): void {
  inputs.forEach((input, index) => {
    if (outcomes[index] || input.path === '-') return;
    if (existsSync(input.path) && record.state.isUpToDate(resolve(input.path), record.fingerprintFor(input))) {
      const last = record.state.lastOutcome(resolve(input.path));
      outcomes[index] = { path: input.path, name: input.path, status: 'skipped', written: [], cues: last.cues, corrections: last.corrections, warnings: last.diagnostics.filter((d) => d.severity === 'warning').length, diagnostics: last.diagnostics };
    }
  });
}

/** Prints an input's captions (for stdout), diagnostics and terminal review, through the progress bar. */
function outcomePrinter(options: BuildCommandOptions, progress: Progress): (outcome: FileOutcome) => void {
  return (outcome) => {
    if (outcome.stdout !== undefined) process.stdout.write(outcome.stdout);
    for (const d of outcome.diagnostics) {
      if (d.severity === 'warning' && options.quiet) continue;
      // a warning names its rule; an error that stopped the input says all in its message
      progress.log(formatDiagnostic(d.file ?? outcome.name, d.line, d.severity, d.message, d.severity === 'warning' ? d.code : undefined));
    }
    if (outcome.review) {
      const stream = outcome.review.stream === 'stdout' ? process.stdout : process.stderr;
      // the review quotes the input's text: on a terminal its control characters are shown, not obeyed
      stream.write(stream.isTTY ? escapeControls(outcome.review.text, { keepLines: true, keepColour: true }) : outcome.review.text);
    }
  };
}

/** Every folder an output may go to, swept first of the leftovers of a run killed outright (SIGKILL). */
function sweptOutputDirectories({ spec, plan }: RunPlan): string[] {
  const directories = [...new Set(spec.inputs.flatMap((input) => FORMATS.map((f) => plan.targetFor(input, f))).flatMap((t) => (t.kind === 'file' ? [dirname(t.path)] : [])))];
  for (const directory of directories) sweepTemporaryFiles(directory);
  return directories;
}

interface BuildPass {
  pipeline: BuildOptions;
  jobs: number;
  /** The indices of the inputs to build: those no earlier step settled. */
  todo: number[];
  record: BuildRecord | undefined;
  batch: boolean;
  print: (outcome: FileOutcome) => void;
  progress: Progress;
}

/** Builds the inputs not settled yet, printing each outcome as it comes, in input order. */
async function buildInputs(run: RunPlan, { pipeline, jobs, todo, record, batch, print, progress }: BuildPass, outcomes: Array<FileOutcome | undefined>): Promise<void> {
  const { spec } = run;
  const { options } = spec;
  await runBatch(spec, {
    options: pipeline,
    // one long recording on a terminal: a bar while it is read (a batch has its own bar)
    ...(options.audio !== undefined && !batch && !options.quiet && !options.json && process.stderr.isTTY === true ? { audioProgress: audioProgressBar } : {}),
    indices: todo,
    jobs,
    outputDirectories: sweptOutputDirectories(run),
    onStart: (index) => progress.start(spec.inputs[index].path),
    onOutcome: (index, outcome) => {
      const { document: _document, ...plain } = outcome as FileOutcome & { document?: unknown };
      outcomes[index] = plain;
      progress.done();
      print(plain);
      if (record && !options.dryRun) {
        const key = resolve(plain.path);
        if (plain.status === 'built') record.state.record(key, record.fingerprintFor(spec.inputs[index]), plain);
        else record.state.forget(key);
      }
    },
  });
}

/** Runs the command; resolves to the exit code (0 all good, 1 an input failed). Throws a DiagnosticError (code `usage`) for bad usage. */
export async function runBuild(args: string[], options: BuildCommandOptions, context: BuildRunContext): Promise<number> {
  const started = performance.now();
  const { formats, jobs, failOn } = runFlags(options);
  const pipeline = loadPipelineOptions(options);
  if (!pipeline) return 1;
  checkReportOption(options.report);
  await loadReportRenderers(options.report);
  const run = await planRun(args, options, formats);
  const { spec } = run;
  const outcomes: Array<FileOutcome | undefined> = new Array(spec.inputs.length);
  const early: FileOutcome[] = run.missing.map((m) => failedOutcome(m.path, 0, m.reason));
  settleWrites(spec, run.plan, run.media, formats, options, run.outDir, outcomes);
  const record = await openBuildRecord(options, run, formats, context.toolVersion);
  if (record) skipUnchanged(spec.inputs, outcomes, record);

  const todo = spec.inputs.map((_, index) => index).filter((index) => !outcomes[index]);
  const batch = spec.inputs.length + run.missing.length > 1;
  const showBar = batch && todo.length > 1 && !options.quiet && !options.json && process.stderr.isTTY === true;
  const progress: Progress = showBar ? await createProgress(todo.length) : NO_PROGRESS;
  const print = outcomePrinter(options, progress);
  early.forEach(print);
  outcomes.forEach((outcome) => outcome?.status === 'failed' && print(outcome));
  await buildInputs(run, { pipeline, jobs, todo, record, batch, print, progress }, outcomes);
  progress.stop();
  if (!options.dryRun) record?.state.save();
  if (isLogReport(options.report)) writeFileAtomic(options.report, outcomes.flatMap((o) => o?.log ?? []).map((l) => l + '\n').join(''));

  const all = [...early, ...(outcomes as FileOutcome[])];
  const summary = summarize(all);
  const exitCode = summary.failed > 0 || (failOn === 'warning' && summary.warnings > 0) ? 1 : 0;
  if (options.json) process.stdout.write(summaryJson(all, summary, exitCode));
  else if (batch && !options.quiet) process.stderr.write(summaryLine(summary, (performance.now() - started) / 1000) + '\n');
  return exitCode;
}
