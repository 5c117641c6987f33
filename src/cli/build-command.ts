// `captions build`: runs the pipeline on each input and writes the chosen formats.

import { parseFormats, pipelineOptions, type BuildCommandOptions } from './build-options.js';
import { InputError } from '../types.js';
import { formatDiagnostic } from './diagnostics.js';
import { planOutputs } from './outputs.js';
import { processFile } from './process-file.js';

export type { BuildCommandOptions } from './build-options.js';

/** Runs the command; returns the exit code (0 all good, 1 an input failed). Throws UsageError for bad usage. */
export function runBuild(inputs: string[], options: BuildCommandOptions): number {
  const formats = parseFormats(options.formats);
  let pipeline;
  try {
    pipeline = pipelineOptions(options);
  } catch (error) {
    // a markers file that cannot be used fails every input: report it once, where it is
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(formatDiagnostic(error.file ?? '<options>', error.line, 'error', error.message) + '\n');
    return 1;
  }
  const context = { formats, options: pipeline, plan: planOutputs(inputs, formats, options.output), inputs };
  let failed = 0;
  for (const input of inputs) {
    const result = processFile(input, context);
    if (result.error) {
      failed++;
      process.stderr.write(formatDiagnostic(result.error.file ?? result.name, result.error.line, 'error', result.error.message) + '\n');
    } else if (!options.quiet && result.document) {
      for (const w of result.document.warnings) process.stderr.write(formatDiagnostic(result.name, w.line, 'warning', w.message, w.code) + '\n');
    }
  }
  return failed > 0 ? 1 : 0;
}
