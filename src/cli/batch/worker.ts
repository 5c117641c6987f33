// A worker thread of a batch: builds the files it is sent, one at a time, and posts back each outcome.

import { parentPort, workerData } from 'node:worker_threads';
import { createContext, type BatchSpec } from './process-file.js';
import { safelyProcess } from './batch.js';
import { loadReportRenderers } from '../commands/report.js';

const spec = workerData as BatchSpec;
await loadReportRenderers(spec.options.report);
const context = createContext(spec);
parentPort!.on('message', async (index: number) => {
  const { document: _document, ...outcome } = await safelyProcess(spec.inputs[index], context);
  parentPort!.postMessage({ index, outcome });
});
