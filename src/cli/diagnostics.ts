// Compiler-style messages: `file:line: severity: message`, coloured on a terminal.

import { chalkStderr, type ChalkInstance } from 'chalk';

/** Diagnostics go to stderr, so they are coloured when stderr is a terminal; `colour` says otherwise. */
export function formatDiagnostic(file: string, line: number, severity: 'error' | 'warning', message: string, code?: string, colour: ChalkInstance = chalkStderr): string {
  const where = colour.bold(line > 0 ? `${file}:${line}:` : `${file}:`);
  const label = severity === 'error' ? colour.red('error:') : colour.yellow('warning:');
  return `${where} ${label} ${message}${code ? colour.dim(` [${code}]`) : ''}`;
}

/** Why a file could not be read or written, in a few words. */
export function ioReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EISDIR') return 'is a directory';
  if (error.code === 'EACCES') return 'permission denied';
  return error.message.replace(/^[A-Z]+: /, '');
}
