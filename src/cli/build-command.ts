// `captions build`: expands the inputs, builds each one (in parallel on worker threads for batches),
// reports every diagnostic in input order, and ends with a summary and an exit code.

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseFailOn, parseFormats, parseJobs, pipelineOptions, type BuildCommandOptions } from './build-options.js';
import { formatDiagnostic } from './diagnostics.js';
import { runBatch } from './batch.js';
import { expandInputs } from './inputs.js';
import { outputIsDirectory, planOutputs, UsageError } from './outputs.js';
import { failedOutcome, type BatchSpec, type FileOutcome } from './process-file.js';
import { checkReportOption, isLogReport, loadReportRenderers } from './report.js';
import { createProgress, NO_PROGRESS, type Progress } from './progress.js';
import { summarize, summaryJson, summaryLine } from './summary.js';
import { sweepTemporaryFiles, writeFileAtomic } from './atomic.js';
import { FORMATS } from '../write/index.js';
import { audioProgressBar, planMedia } from './audio.js';
import { InputError } from '../types.js';

export type { BuildCommandOptions } from './build-options.js';

export interface BuildRunContext {
  toolVersion: string;
}


/** Runs the command; resolves to the exit code (0 all good, 1 an input failed). Throws UsageError for bad usage. */
export async function runBuild(args: string[], options: BuildCommandOptions, run: BuildRunContext): Promise<number> {
  const started = performance.now();
  const formats = parseFormats(options.formats);
  const jobs = parseJobs(options.jobs);
  const failOn = parseFailOn(options.failOn);
  let pipeline;
  try {
    pipeline = pipelineOptions(options); // bad option values and option files stop the run before anything is read
  } catch (error) {
    // A markers file that cannot be used fails every input: report it once, where it is.
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(formatDiagnostic(error.file ?? '<options>', error.line, 'error', error.message) + '\n');
    return 1;
  }
  checkReportOption(options.report);
  await loadReportRenderers(options.report);
  // The output path is never read as input (a re-run must not take its own outputs for drafts).
  const expanded = await expandInputs(args, options.output === '-' ? undefined : options.output);
  const spec: BatchSpec = { inputs: expanded.files, options };
  planMedia(options.audio, spec.inputs); // an --audio value that cannot serve these inputs stops the run
  const outDir = options.output !== undefined && options.output !== '-' && outputIsDirectory(options.output, spec.inputs.length, formats.length) ? options.output : undefined;
  if (options.changedOnly && !outDir) throw new UsageError('--changed-only needs -o <dir>, where the record of earlier builds is kept');
  const plan = planOutputs(spec.inputs, formats, options.output);
  if (options.json && spec.inputs.some((input) => plan.targetFor(input, formats[0]).kind === 'stdout')) {
    throw new UsageError('--json prints its summary on stdout, so the captions need -o <dir|file>');
  }
  if (isLogReport(options.report) && spec.inputs.some((i) => i.path !== '-' && resolve(i.path) === resolve(options.report!))) {
    throw new UsageError(`refusing to overwrite the input ${options.report} with the report`);
  }

  const outcomes: Array<FileOutcome | undefined> = new Array(spec.inputs.length);
  const early: FileOutcome[] = expanded.missing.map((m) => failedOutcome(m.path, 0, m.reason));

  // Two inputs whose outputs would land on the same path (talk.md and talk.srt): the first one wins.
  const claimed = new Map<string, string>();
  spec.inputs.forEach((input, index) => {
    const target = plan.targetFor(input, formats[0]);
    if (target.kind !== 'file') return;
    const key = resolve(target.path);
    const owner = claimed.get(key);
    if (owner === undefined) claimed.set(key, input.path);
    else outcomes[index] = failedOutcome(input.path, 0, `its outputs would overwrite those of ${owner} (${target.path})`);
  });

  // The record of earlier builds (and node:crypto for its fingerprints) only with --changed-only.
  const changed = options.changedOnly ? await import('./changed.js') : undefined;
  const state = changed && outDir ? changed.BuildState.load(outDir) : undefined;
  const fingerprint = changed ? changed.fingerprintOf({ ...options, formats: formats.join(',') }, run.toolVersion) : '';
  spec.inputs.forEach((input, index) => {
    if (outcomes[index] || !state || input.path === '-') return;
    if (existsSync(input.path) && state.isUpToDate(resolve(input.path), fingerprint)) {
      // An unchanged input keeps what its last build said, so --fail-on warning fails the same way.
      const last = state.lastOutcome(resolve(input.path));
      outcomes[index] = { path: input.path, name: input.path, status: 'skipped', written: [], cues: last.cues, corrections: last.corrections, warnings: last.diagnostics.filter((d) => d.severity === 'warning').length, diagnostics: last.diagnostics };
    }
  });

  const todo = spec.inputs.map((_, index) => index).filter((index) => !outcomes[index]);
  const batch = spec.inputs.length + expanded.missing.length > 1;
  const showBar = batch && todo.length > 1 && !options.quiet && !options.json && process.stderr.isTTY === true;
  const progress: Progress = showBar ? await createProgress(todo.length) : NO_PROGRESS;
  const print = (outcome: FileOutcome) => {
    for (const d of outcome.diagnostics) {
      if (d.severity === 'warning' && options.quiet) continue;
      progress.log(formatDiagnostic(d.file ?? outcome.name, d.line, d.severity, d.message, d.code));
    }
    if (outcome.review) (outcome.review.stream === 'stdout' ? process.stdout : process.stderr).write(outcome.review.text);
  };
  early.forEach(print);
  outcomes.forEach((outcome) => outcome?.status === 'failed' && print(outcome));

  const outputDirectories = [...new Set(spec.inputs.flatMap((input) => FORMATS.map((f) => plan.targetFor(input, f))).flatMap((t) => (t.kind === 'file' ? [dirname(t.path)] : [])))];
  // Leftovers of a run that was killed outright (SIGKILL) go before this run writes anything.
  for (const directory of outputDirectories) sweepTemporaryFiles(directory);
  await runBatch(spec, {
    options: pipeline,
    // one long recording on a terminal: a bar while it is read (a batch has its own bar)
    ...(options.audio !== undefined && !batch && !options.quiet && !options.json && process.stderr.isTTY === true ? { audioProgress: audioProgressBar } : {}),
    indices: todo,
    jobs,
    outputDirectories,
    onStart: (index) => progress.start(spec.inputs[index].path),
    onOutcome: (index, outcome) => {
      const { document: _document, ...plain } = outcome as FileOutcome & { document?: unknown };
      outcomes[index] = plain;
      progress.done();
      print(plain);
      if (state && !options.dryRun) {
        const key = resolve(plain.path);
        if (plain.status === 'built') state.record(key, fingerprint, plain);
        else state.forget(key);
      }
    },
  });
  progress.stop();
  if (!options.dryRun) state?.save();
  if (isLogReport(options.report)) {
    const lines = outcomes.flatMap((o) => o?.log ?? []);
    writeFileAtomic(options.report, lines.map((l) => l + '\n').join(''));
  }

  const all = [...early, ...(outcomes as FileOutcome[])];
  const summary = summarize(all);
  const exitCode = summary.failed > 0 || (failOn === 'warning' && summary.warnings > 0) ? 1 : 0;
  if (options.json) process.stdout.write(summaryJson(all, summary, exitCode));
  else if (batch && !options.quiet) process.stderr.write(summaryLine(summary, (performance.now() - started) / 1000) + '\n');
  return exitCode;
}
