import { buildFromText } from '../../src/pipeline.js';
import type { CaptionDocument } from '../../src/types.js';
import { EXAMPLE_TEXT } from './example.js';

let built: CaptionDocument | undefined;

/**
 * The shipped example built with the default options, once for every unit file of a worker (they
 * share modules). Read it, never change it: it and its lists are frozen so that a sort or a push in
 * one test fails there instead of misleading the others.
 */
export function exampleDocument(): CaptionDocument {
  if (!built) {
    built = buildFromText(EXAMPLE_TEXT, 'example.md');
    for (const value of Object.values(built)) if (Array.isArray(value)) Object.freeze(value);
    Object.freeze(built);
  }
  return built;
}
