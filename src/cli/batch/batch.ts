// Runs a batch of inputs in the main thread or on a pool of worker threads, handing each outcome to
// `onOutcome` in input order (so diagnostics come out the same whatever the timing), and stops cleanly
// on Ctrl-C or kill: workers are stopped and their temporary files removed before the process exits.

import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from '../../pipeline.js';
import type { CaptionDocument } from '../../types.js';
import { removePendingFiles, sweepTemporaryFiles } from '../io/atomic.js';
import type { InputFile } from '../io/inputs.js';
import { createContext, failedOutcome, processInput, type BatchSpec, type FileOutcome, type ProcessContext } from './process-file.js';
import { optimizeOnlyLongRunningCode } from './short-run.js';

type Outcome = FileOutcome & { document?: CaptionDocument };

/** processFile, with a bug in one file reported as that file's failure rather than ending the batch. */
export async function safelyProcess(input: InputFile, context: ProcessContext): Promise<Outcome> {
  try {
    return await processInput(input, context);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return failedOutcome(input.path, 0, `internal error (please report it): ${message.split('\n')[0]}`);
  }
}

export interface BatchRun {
  /** The pipeline options, loaded once in this thread (workers load their own). */
  options: BuildOptions;
  /** A bar for the decoding of a recording (a single input on a terminal). */
  audioProgress?: ProcessContext['audioProgress'];
  /** Files to build, as indices into spec.inputs (others were skipped or failed before). */
  indices: number[];
  jobs: number;
  /** Directories outputs go to, swept of temporary files if the run is interrupted. */
  outputDirectories: string[];
  onStart?: (index: number) => void;
  onOutcome: (index: number, outcome: Outcome) => void;
}

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function onInterrupt(stop: () => Promise<void>, directories: string[]): () => void {
  const handlers = Object.keys(SIGNAL_EXIT).map((signal) => {
    const handler = () => {
      void stop().finally(() => {
        removePendingFiles();
        for (const directory of directories) sweepTemporaryFiles(directory);
        process.exit(SIGNAL_EXIT[signal]);
      });
    };
    process.once(signal, handler);
    return [signal, handler] as const;
  });
  return () => handlers.forEach(([signal, handler]) => process.removeListener(signal, handler));
}

/** Delivers outcomes in index order, holding back those that finish early. */
function inOrder(indices: number[], deliver: (index: number, outcome: Outcome) => void) {
  const waiting = new Map<number, Outcome>();
  let next = 0;
  return (index: number, outcome: Outcome) => {
    waiting.set(index, outcome);
    while (next < indices.length && waiting.has(indices[next])) {
      const ready = indices[next++];
      deliver(ready, waiting.get(ready)!);
      waiting.delete(ready);
    }
  };
}

async function runInThread(spec: BatchSpec, run: BatchRun): Promise<void> {
  const context = { ...createContext(spec, run.options), ...(run.audioProgress ? { audioProgress: run.audioProgress } : {}) };
  const release = onInterrupt(async () => {}, run.outputDirectories);
  try {
    for (const index of run.indices) {
      run.onStart?.(index);
      run.onOutcome(index, await safelyProcess(spec.inputs[index], context));
      // Let the progress bar draw and signals arrive between files. A timer, not setImmediate: the
      // loop then polls for events before the next file, and a signal that came during this file is
      // acted on now rather than after one more.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    release();
  }
}

async function runOnWorkers(spec: BatchSpec, run: BatchRun): Promise<void> {
  const deliver = inOrder(run.indices, run.onOutcome);
  const queue = [...run.indices];
  const workers: Worker[] = [];
  const release = onInterrupt(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  }, run.outputDirectories);
  try {
    await new Promise<void>((resolve, reject) => {
      let active = 0;
      const feed = (worker: Worker) => {
        const index = queue.shift();
        if (index === undefined) {
          void worker.terminate();
          if (--active === 0) resolve();
          return;
        }
        run.onStart?.(index);
        worker.postMessage(index);
      };
      const count = Math.min(run.jobs, queue.length);
      for (let i = 0; i < count; i++) {
        const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: spec });
        workers.push(worker);
        active++;
        worker.on('message', ({ index, outcome }: { index: number; outcome: FileOutcome }) => {
          deliver(index, outcome);
          feed(worker);
        });
        // A crash in a worker is a bug: stop the others (idle ones would keep the process alive) and fail.
        worker.on('error', (error) => {
          void Promise.all(workers.map((w) => w.terminate())).finally(() => reject(error));
        });
        feed(worker);
      }
    });
  } finally {
    release();
  }
}

/**
 * Inputs from this size on are built on a worker thread even alone or with -j 1: the main thread
 * then stays free to act on Ctrl-C or kill at once, where a build in it would only see the signal
 * when done (measured on this machine: about 2.5 s of work per MB; 128 kB is a fraction of a second).
 */
export const INTERRUPTIBLE_BYTES = 128 * 1024;

function isLarge(path: string): boolean {
  try {
    return path !== '-' && statSync(path).size >= INTERRUPTIBLE_BYTES;
  } catch {
    return false;
  }
}

export async function runBatch(spec: BatchSpec, run: BatchRun): Promise<void> {
  if (run.indices.length === 0) return;
  if (run.jobs > 1 && run.indices.length > 1) return runOnWorkers(spec, run);
  if (run.indices.some((index) => isLarge(spec.inputs[index].path))) return runOnWorkers(spec, { ...run, jobs: 1 });
  // (a file's size is known, stdin's is not; a recording, read with --audio, is long work in itself)
  if (run.indices.length === 1 && spec.inputs[run.indices[0]].path !== '-' && !spec.options.audio) optimizeOnlyLongRunningCode();
  return runInThread(spec, run);
}
