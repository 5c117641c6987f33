import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EXAMPLE_PATH = fileURLToPath(new URL('../../fixtures/pycon-2022-lightning-talks-day2-am.md', import.meta.url));
export const EXAMPLE_TEXT = readFileSync(EXAMPLE_PATH, 'utf8');
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/captions.js', import.meta.url));
