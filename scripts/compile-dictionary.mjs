// Compiles dictionaries/default.yaml to dist/dictionaries/default.json (run after tsc), so that a
// build reads the built-in dictionary with JSON.parse instead of loading the YAML parser.
// Fails, naming file and line, when the dictionary is invalid.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { COMPILED_DEFAULT_PATH, DEFAULT_DICTIONARY_NAME, DEFAULT_DICTIONARY_PATH, loadDictionaryFile } from '../dist/correct/load.js';

try {
  const dictionary = loadDictionaryFile(DEFAULT_DICTIONARY_PATH, DEFAULT_DICTIONARY_NAME);
  mkdirSync(dirname(COMPILED_DEFAULT_PATH), { recursive: true });
  writeFileSync(COMPILED_DEFAULT_PATH, JSON.stringify(dictionary));
} catch (caught) {
  const error = /** @type {{ file?: string, line?: number, message: string }} */ (caught);
  console.error(error.file ? `${error.file}:${error.line}: error: ${error.message}` : error);
  process.exit(1);
}
