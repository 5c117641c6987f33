// Where each output goes: named after the input, in a directory, a single file, or stdout.

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { OutputFormat } from '../write/index.js';

export class UsageError extends Error {}

export type OutputTarget = { kind: 'stdout' } | { kind: 'file'; path: string };

export interface OutputPlan {
  targetFor(input: string, format: OutputFormat): OutputTarget;
}

function stem(input: string): string {
  if (input === '-') return 'stdin';
  const name = basename(input);
  const ext = extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

export function planOutputs(inputs: string[], formats: OutputFormat[], output: string | undefined): OutputPlan {
  const single = inputs.length === 1 && formats.length === 1;
  if (output === undefined) {
    if (single) return { targetFor: () => ({ kind: 'stdout' }) };
    if (inputs.includes('-')) throw new UsageError('reading stdin with several formats needs -o <dir>');
    return { targetFor: (input, format) => ({ kind: 'file', path: join(dirname(input), `${stem(input)}.${format}`) }) };
  }
  if (output === '-') {
    if (!single) throw new UsageError('-o - (stdout) takes one input and one format');
    return { targetFor: () => ({ kind: 'stdout' }) };
  }
  const isDirectory = /[\\/]$/.test(output) || (existsSync(output) && statSync(output).isDirectory()) || !single;
  if (isDirectory) return { targetFor: (input, format) => ({ kind: 'file', path: join(output, `${stem(input)}.${format}`) }) };
  return { targetFor: () => ({ kind: 'file', path: output }) };
}

export function sameFile(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}
