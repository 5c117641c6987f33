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
