// `captions build`: runs the pipeline on each input and writes the chosen formats.

import { readFileSync } from 'node:fs';
import { profileByName } from '../cues/profile.js';
import { buildFromBytes, type BuildOptions } from '../pipeline.js';
import { speechModelForWpm } from '../timing.js';
import { InputError } from '../types.js';
import { FORMATS, renderFormat, type OutputFormat } from '../write/index.js';
import { writeFileAtomic } from './atomic.js';
import { formatDiagnostic } from './diagnostics.js';
import { planOutputs, sameFile, UsageError } from './outputs.js';

export interface BuildCommandOptions {
  output?: string;
  formats: string;
  wpm?: string;
  profile: string;
  quiet?: boolean;
}

export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || formats.length === 0) throw new UsageError(`unknown format "${unknown.join(',') || list}" (choose from ${FORMATS.join(', ')})`);
  return [...new Set(formats)] as OutputFormat[];
}

function buildOptions(options: BuildCommandOptions): BuildOptions {
  const profile = profileByName(options.profile);
  if (!profile) throw new UsageError(`unknown profile "${options.profile}"`);
  const result: BuildOptions = { profile };
  if (options.wpm !== undefined) {
    const wpm = Number(options.wpm);
    if (!Number.isFinite(wpm) || wpm < 40 || wpm > 400) throw new UsageError(`--wpm takes a number from 40 to 400, not "${options.wpm}"`);
    result.speechModel = speechModelForWpm(wpm);
  }
  return result;
}

function readInput(input: string): Uint8Array {
  return input === '-' ? readFileSync(0) : readFileSync(input);
}

/** Runs the command; returns the exit code (0 all good, 1 an input failed). Throws UsageError for bad usage. */
export function runBuild(inputs: string[], options: BuildCommandOptions): number {
  const formats = parseFormats(options.formats);
  const pipelineOptions = buildOptions(options);
  const plan = planOutputs(inputs, formats, options.output);
  let failed = 0;
  for (const input of inputs) {
    const name = input === '-' ? '<stdin>' : input;
    try {
      const doc = buildFromBytes(readInput(input), name, pipelineOptions);
      // Render everything before writing anything, so a failure leaves no partial set of outputs.
      const rendered = formats.flatMap((format) => renderFormat(doc, format)).map((file) => ({ ...file, target: plan.targetFor(input, file.extension) }));
      for (const { target } of rendered) {
        if (target.kind === 'file' && inputs.some((i) => i !== '-' && sameFile(i, target.path))) {
          throw new InputError(1, `refusing to overwrite the input with ${target.path}`);
        }
      }
      for (const { text, target } of rendered) {
        if (target.kind === 'stdout') process.stdout.write(text);
        else if (target.kind === 'file') writeFileAtomic(target.path, text);
      }
      if (!options.quiet) for (const w of doc.warnings) process.stderr.write(formatDiagnostic(name, w.line, 'warning', w.message, w.code) + '\n');
    } catch (error) {
      failed++;
      if (error instanceof InputError) process.stderr.write(formatDiagnostic(name, error.line, 'error', error.message) + '\n');
      else if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
        const reason = error.code === 'ENOENT' ? 'no such file' : error.code === 'EISDIR' ? 'is a directory' : error.message.replace(/^[A-Z]+: /, '');
        process.stderr.write(formatDiagnostic(name, 0, 'error', `cannot read or write: ${reason}`) + '\n');
      } else throw error;
    }
  }
  return failed > 0 ? 1 : 0;
}
