// The error a call throws, when it must be of one kind: any other error, or none, fails the test.
// A string names the code of a DiagnosticError (`input`, `dictionary`, …); a class any other error.

import { type DiagnosticError, isDiagnosticError } from '../../src/diagnostic.js';

export function thrownBy(code: string, fn: () => unknown): DiagnosticError;
export function thrownBy<E extends Error>(kind: new (...args: never[]) => E, fn: () => unknown): E;
export function thrownBy(kind: string | (new (...args: never[]) => Error), fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    if (typeof kind === 'string' ? isDiagnosticError(error, kind) : error instanceof kind) return error as Error;
    throw error;
  }
  throw new Error(`expected ${typeof kind === 'string' ? `a DiagnosticError with code ${kind}` : `a ${kind.name}`}`);
}
