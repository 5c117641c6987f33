// One shape for every message about a place in a file, from every stage, `captions check` and the
// command line: a warning the output is still produced with, or an error that stops an input or the run.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** The file the line is in, when it is not the input being processed (a markers file, a dictionary). */
  file?: string;
  /** 1-based line; 0 when the message is about the file as a whole. */
  line: number;
  /** 1-based column, when known. */
  column?: number;
  severity: Severity;
  /** What kind of problem: a rule (`reading-speed`, `overlap`), or what a thrown error stops. */
  code: string;
  message: string;
}

/** A warning at a line of the input: the output is still produced. */
export function warningAt(line: number, code: string, message: string): Diagnostic {
  return { line, severity: 'warning', code, message };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1 };

type Placed = { file?: string; line: number; column?: number; severity?: Severity };

/**
 * The one order of messages and changes in a file: by line, then column, errors before warnings;
 * the sort is stable, so items at one place keep the order they were found in.
 */
export function byPosition(a: Placed, b: Placed): number {
  return a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || (a.severity && b.severity ? SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] : 0);
}

/**
 * A problem that stops an input or the run, carrying its diagnostic (severity `error`). Its code
 * says what it stops: `input` (one input), `dictionary`, `roster` (files the run needs), `usage`
 * (the command line or config: exit 2), `audio` (a recording), `read-limit` (a file too large or not
 * regular), `write` (an output; the system error is its `cause`).
 */
// No `code` property: that name is the system errors' (`ENOENT`), which callers test for.
export class DiagnosticError extends Error {
  readonly diagnostic: Diagnostic;

  constructor(code: string, message: string, where: { file?: string; line?: number } = {}, options?: { cause: unknown }) {
    super(message, options);
    this.name = 'DiagnosticError';
    const line = where.line ?? 0;
    this.diagnostic = where.file === undefined ? { line, severity: 'error', code, message } : { file: where.file, line, severity: 'error', code, message };
  }

  get line(): number {
    return this.diagnostic.line;
  }

  /** The file the line is in, when it is not the input being processed. */
  get file(): string | undefined {
    return this.diagnostic.file;
  }
}

export function isDiagnosticError(error: unknown, ...codes: string[]): error is DiagnosticError {
  return error instanceof DiagnosticError && (codes.length === 0 || codes.includes(error.diagnostic.code));
}

/** A problem that stops one input; `file` when the line is in another file (a markers file). */
export const inputError = (line: number, message: string, file?: string) => new DiagnosticError('input', message, { file, line });

/** A dictionary file that cannot be used: the CLI prints `file:line: error: message`. */
export const dictionaryError = (file: string, line: number, message: string) => new DiagnosticError('dictionary', message, { file, line });

/** A roster that cannot be used: where and why. */
export const rosterError = (file: string, line: number, message: string) => new DiagnosticError('roster', message, { file, line });

/** Bad usage of the command line or a config file: the run stops with exit code 2. */
export const usageError = (message: string) => new DiagnosticError('usage', message);

/** A recording that cannot be used: the message is one line, ready to print after the file's name. */
export const audioError = (media: string, message: string) => new DiagnosticError('audio', message, { file: media });

/** A file that cannot be read within the limits: not a regular file, or too large. One line, no path. */
export const readLimitError = (message: string) => new DiagnosticError('read-limit', message);

/** A write that failed: names the output, not the input it was built from; the system error is the cause. */
export const writeError = (path: string, reason: NodeJS.ErrnoException) => new DiagnosticError('write', `cannot write ${path}: ${reason.message}`, { file: path }, { cause: reason });

/** The system error under a `write` DiagnosticError. */
export const writeReason = (error: DiagnosticError) => error.cause as NodeJS.ErrnoException;
