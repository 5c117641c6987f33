// Reading dictionary files. YAML goes through the `yaml` package's document API so that every error
// names its line; JSON is parsed whole with JSON.parse and finds lines only when it has an error to
// report or a source line is asked for (a 10,000-entry file must not pay for a YAML parse).

import { dictionaryError, isDiagnosticError } from '../diagnostic.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { readBytesBounded } from '../read/bounded.js';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { markChecked, type Dictionary, type Located } from './dictionary.js';
import { dictionaryFromValue } from './read-dictionary.js';
import { decodeBytes } from '../read/decode.js';

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

/** The YAML parser costs ~50 ms to load: only files that need it pay for it. */
function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}

/** Most expansions of YAML aliases a dictionary may make (an "alias bomb" makes billions). */
const MAX_ALIAS_COUNT = 1000;

/** Line finder over a YAML (or JSON) document: walks the node tree along the path. */
function yamlLocator(Y: YamlModule, text: string): { value: unknown; lineOf: Located['lineOf']; error?: { line: number; message: string } } {
  const lineCounter = new Y.LineCounter();
  const doc = Y.parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const first = doc.errors[0];
  if (first) return { value: undefined, lineOf: () => 1, error: { line: lineAt(first.pos[0]), message: first.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') } };
  const lineOf = (path: Array<string | number>) => {
    let node: unknown = doc.contents;
    let line = lineAt((doc.contents as { range?: [number] } | null)?.range?.[0]);
    for (const key of path) {
      if (Y.isMap(node)) {
        const pair = node.items.find((p) => Y.isScalar(p.key) && p.key.value === key);
        if (!pair) break;
        line = lineAt((pair.key as { range?: [number] }).range?.[0]);
        node = pair.value;
      } else if (Y.isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        line = lineAt((node as { range?: [number] } | undefined)?.range?.[0]);
      } else break;
    }
    return line;
  };
  let value: unknown;
  try {
    // aliases may repeat a node, and aliases of aliases blow up: the yaml package stops past a count
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    return { value: undefined, lineOf: () => 1, error: { line: 1, message: `too many aliases (more than ${MAX_ALIAS_COUNT} repeats of anchored nodes)` } };
  }
  return { value, lineOf };
}

function jsonErrorLine(text: string, error: Error): number {
  const m = /position (\d+)/.exec(error.message) ?? /line (\d+)/.exec(error.message);
  if (!m) return 1;
  if (/line/.test(m[0])) return Number(m[1]);
  return text.slice(0, Number(m[1])).split('\n').length;
}

/** Parses dictionary text (YAML, or JSON when the name ends in .json). Throws a DiagnosticError (code `dictionary`). */
export function parseDictionary(text: string, file: string): Dictionary {
  if (/\.json$/i.test(file)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw dictionaryError(file, jsonErrorLine(text, error as Error), `malformed JSON: ${(error as Error).message.replace(/ in JSON at .*$/, '')}`);
    }
    // the YAML parser reads JSON too: it finds lines, when one is needed
    let locator: ReturnType<typeof yamlLocator> | undefined;
    const lineOf = (path: Array<string | number>) => (locator ??= yamlLocator(yaml(), text)).lineOf(path);
    return dictionaryFromValue(file, { value, lineOf, eager: false });
  }
  const located = yamlLocator(yaml(), text);
  if (located.error) throw dictionaryError(file, located.error.line, `malformed YAML: ${located.error.message}`);
  return dictionaryFromValue(file, located);
}

/** Reads a dictionary file; `name` is how messages call it (the path by default); `encoding` as in decodeBytes. */
export function loadDictionaryFile(file: string, name = file, encoding?: string): Dictionary {
  let bytes: Buffer;
  try {
    bytes = readBytesBounded(file, 'dictionary');
  } catch (error) {
    if (isDiagnosticError(error, 'read-limit')) throw dictionaryError(name, 0, error.message);
    const code = (error as NodeJS.ErrnoException).code;
    throw dictionaryError(name, 0, code === 'ENOENT' ? 'no such dictionary file' : code === 'EISDIR' ? 'is a directory' : String((error as Error).message));
  }
  let text: string;
  try {
    text = decodeBytes(bytes, encoding).text;
  } catch (error) {
    if (isDiagnosticError(error, 'input')) throw dictionaryError(name, error.line, error.message);
    throw error;
  }
  return parseDictionary(text, name);
}

/** The shipped dictionary: `dictionaries/default.yaml` at the package root. */
export const DEFAULT_DICTIONARY_PATH = fileURLToPath(new URL('../../dictionaries/default.yaml', import.meta.url));
/** How messages name the built-in dictionary. */
export const DEFAULT_DICTIONARY_NAME = 'dictionaries/default.yaml';
/** Its compiled form (written by `npm run build`), read without loading the YAML parser. */
export const COMPILED_DEFAULT_PATH = fileURLToPath(new URL('../../dist/dictionaries/default.json', import.meta.url));

let defaultDictionary: Dictionary | undefined;

/** The built-in dictionary, from its compiled JSON when that is up to date, else from the YAML. */
export function loadDefaultDictionary(): Dictionary {
  if (defaultDictionary) return defaultDictionary;
  if (existsSync(COMPILED_DEFAULT_PATH) && statSync(COMPILED_DEFAULT_PATH).mtimeMs >= statSync(DEFAULT_DICTIONARY_PATH).mtimeMs) {
    // compiled at build time from the YAML, which was checked then
    defaultDictionary = markChecked(JSON.parse(readFileSync(COMPILED_DEFAULT_PATH, 'utf8')) as Dictionary);
  } else {
    defaultDictionary = loadDictionaryFile(DEFAULT_DICTIONARY_PATH, DEFAULT_DICTIONARY_NAME);
  }
  return defaultDictionary;
}
