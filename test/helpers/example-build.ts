import { buildFromText } from '../../src/pipeline.js';
import type { CaptionDocument } from '../../src/types.js';
import { EXAMPLE_TEXT } from './example.js';

let built: CaptionDocument | undefined;

/**
 * The shipped example built with the default options, once for every unit file of a worker (they
 * share modules). Frozen, so that a test that changed it would fail rather than mislead the others.
 */
export function exampleDocument(): CaptionDocument {
  built ??= deepFreeze(buildFromText(EXAMPLE_TEXT, 'example.md'));
  return built;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
