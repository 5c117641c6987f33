// Compiler-style messages: `file:line: severity: message`, coloured on a terminal.

import { chalkStderr as chalk } from 'chalk';

export function formatDiagnostic(file: string, line: number, severity: 'error' | 'warning', message: string, code?: string): string {
  const where = chalk.bold(line > 0 ? `${file}:${line}:` : `${file}:`);
  const label = severity === 'error' ? chalk.red('error:') : chalk.yellow('warning:');
  return `${where} ${label} ${message}${code ? chalk.dim(` [${code}]`) : ''}`;
}
