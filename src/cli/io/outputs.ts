// Where each output goes: named after the input, in a directory, a single file, or stdout.

import { usageError } from '../../diagnostic.js';
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { OutputFormat } from '../../write/index.js';
import type { InputFile } from './inputs.js';

export type OutputTarget = { kind: 'stdout' } | { kind: 'none' } | { kind: 'file'; path: string };

export interface OutputPlan {
  /** Where the file with this extension (`vtt`, `chapters.vtt`, …) of this input goes. */
  targetFor(input: InputFile, extension: string): OutputTarget;
}

/** `talk.vtt` + `chapters.vtt` → `talk.chapters.vtt`: companions of a named file sit beside it. */
function companionPath(file: string, mainExtension: string, extension: string): string {
  if (extension === mainExtension) return file;
  const ext = extname(file);
  return (ext ? file.slice(0, -ext.length) : file) + '.' + extension;
}

/** Whether `-o <path>` names a directory: it says so (`out/`), is one, or several files are written. */
export function outputIsDirectory(output: string, inputCount: number, formatCount: number): boolean {
  return /[\\/]$/.test(output) || (existsSync(output) && statSync(output).isDirectory()) || inputCount !== 1 || formatCount !== 1;
}

/** Plans where outputs go. `inputs` are the expanded files; with `-o <dir>` their tree is mirrored there. */
export function planOutputs(inputs: InputFile[], formats: OutputFormat[], output: string | undefined): OutputPlan {
  const single = inputs.length === 1 && formats.length === 1;
  const fromStdin = inputs.some((i) => i.path === '-');
  // stdout takes the main file only; companion files of a format are not printed
  const toStdout: OutputPlan = { targetFor: (_input, extension) => (extension === formats[0] ? { kind: 'stdout' } : { kind: 'none' }) };
  if (output === undefined) {
    if (single) return toStdout;
    if (fromStdin) throw usageError('reading stdin with several formats needs -o <dir>');
    return { targetFor: (input, extension) => ({ kind: 'file', path: join(dirname(input.path), `${basename(input.mirror)}.${extension}`) }) };
  }
  if (output === '-') {
    if (!single) throw usageError('-o - (stdout) takes one input and one format');
    return toStdout;
  }
  if (outputIsDirectory(output, inputs.length, formats.length)) return { targetFor: (input, extension) => ({ kind: 'file', path: join(output, `${input.mirror}.${extension}`) }) };
  return { targetFor: (_input, extension) => ({ kind: 'file', path: companionPath(output, formats[0], extension) }) };
}

export function sameFile(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
