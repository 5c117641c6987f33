// Compiler-style messages: `file:line: severity: message`, coloured on a terminal.

import { chalkStderr, type ChalkInstance } from 'chalk';

/**
 * Control characters (ESC, BEL, a line break inside a name or a quoted word…) shown as escapes: a
 * message is one line, and text from an input must not drive the terminal.
 */
export function escapeControls(text: string, { keepLines = false, keepColour = false } = {}): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m|[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (found) => {
    if (found.length > 1) return keepColour ? found : `\\u001b${found.slice(1)}`;
    if (keepLines && (found === '\n' || found === '\t')) return found;
    return `\\u${found.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Diagnostics go to stderr, so they are coloured when stderr is a terminal; `colour` says otherwise. */
export function formatDiagnostic(file: string, line: number, severity: 'error' | 'warning', message: string, code?: string, colour: ChalkInstance = chalkStderr): string {
  file = escapeControls(file);
  message = escapeControls(message);
  const where = colour.bold(line > 0 ? `${file}:${line}:` : `${file}:`);
  const label = severity === 'error' ? colour.red('error:') : colour.yellow('warning:');
  return `${where} ${label} ${message}${code ? colour.dim(` [${code}]`) : ''}`;
}

/** Why a file could not be read or written, in a few words. */
export function ioReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'no such file';
  if (error.code === 'EISDIR') return 'is a directory';
  if (error.code === 'EACCES') return 'permission denied';
  if (error.code === 'ENAMETOOLONG') return 'file name too long';
  return error.message.replace(/^[A-Z]+: /, '');
}
