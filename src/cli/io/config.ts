// The config file: `captions.config.json`, `.captionsrc.json`, or a `captions` key in `package.json`,
// looked for from the working directory upward, the first found winning. It holds any command-line
// option under its long name in camelCase (`maxCps`, `failOn`); flags given on the command line win.

import { isDiagnosticError, usageError } from '../../diagnostic.js';
import { existsSync } from 'node:fs';
import { readBytesBounded } from '../../read/bounded.js';
import { dirname, join, resolve } from 'node:path';
import { decodeText } from '../../read/decode.js';

export interface LoadedConfig {
  path: string;
  /** The file as read, to point at a key's line. */
  text: string;
  /** Options for every command; a `build` or `check` key holds options for that command only. */
  values: Record<string, unknown>;
}

export const CONFIG_FILES = ['captions.config.json', '.captionsrc.json', 'package.json'];

/**
 * The line of a JSON syntax error. Node's messages do not always give a position, so find the
 * shortest prefix that fails for a reason other than ending early: the error lies at its end.
 */
function lineOfJsonError(text: string): number {
  const failsInside = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message);
      const endsEarly = /end of JSON input|Unterminated/i.test(message) || (position !== null && Number(position[1]) >= length);
      return !endsEarly || length === text.length;
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (failsInside(mid)) high = mid;
    else low = mid + 1;
  }
  return text.slice(0, Math.max(0, low - 1)).split('\n').length;
}

function readJson(path: string): { data: unknown; text: string } {
  let text: string;
  try {
    text = decodeText(readBytesBounded(path, 'config'));
  } catch (error) {
    if (isDiagnosticError(error, 'input')) throw usageError(`${path}:${error.line}: ${error.message}`);
    throw usageError(`${path}: cannot read the config: ${(error as Error).message.replace(/^[A-Z]+: /, '')}`);
  }
  try {
    return { data: JSON.parse(text), text };
  } catch (error) {
    const message = (error as Error).message;
    throw usageError(`${path}:${lineOfJsonError(text)}: config is not valid JSON: ${message.split(/, \.\.\.|, "|\n/)[0].replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

let lastFound: string | undefined;

/** The config file the last findConfig found (the build never writes over it). */
export function foundConfigPath(): string | undefined {
  return lastFound;
}

export function findConfig(start: string = process.cwd()): LoadedConfig | null {
  let directory = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(directory, name);
      if (!existsSync(path)) continue;
      const { data, text } = readJson(path);
      const values = name === 'package.json' ? (data as Record<string, unknown> | null)?.captions : data;
      if (values === undefined) continue;
      if (typeof values !== 'object' || values === null || Array.isArray(values)) {
        throw usageError(`${path}:1: config must be a JSON object of options`);
      }
      lastFound = path;
      return { path, text, values: values as Record<string, unknown> };
    }
    const parent = dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

/** The options the config gives one command: its top-level keys, with the command's own section over them. */
const isSection = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Options whose values are paths: they are relative to the config file, not to where the tool runs. */
export const PATH_OPTIONS = new Set(['output', 'dict', 'speakers', 'markers', 'report', 'audio']);

function resolvePaths(config: LoadedConfig, values: Record<string, unknown>): Record<string, unknown> {
  const base = dirname(config.path);
  const resolveOne = (value: unknown) => (typeof value === 'string' && value !== '-' ? resolve(base, value) + (/[\\/]$/.test(value) ? '/' : '') : value);
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, PATH_OPTIONS.has(key) ? (Array.isArray(value) ? value.map(resolveOne) : resolveOne(value)) : value]),
  );
}

/**
 * The options the config gives one command: its top-level keys, with the command's own section over
 * them. A key named like a command is that command's section only when it holds an object (`"dict"`
 * with a list is the option --dict).
 */
export function optionsFor(config: LoadedConfig, command: string, commands: string[]): Record<string, unknown> {
  for (const name of commands) {
    const value = config.values[name];
    // `dict` is both a command and an option (--dict): only a command's section must be an object
    if (value !== undefined && !isSection(value) && !(name === 'dict' && (typeof value === 'string' || Array.isArray(value)))) {
      const what = name === 'dict' ? 'the --dict files (a name or a list of names) or the options of captions dict (an object)' : `the options of captions ${name}: it must be an object`;
      throw usageError(`${config.path}: "${name}" holds ${what}, not ${JSON.stringify(value)}`);
    }
  }
  const shared = Object.fromEntries(Object.entries(config.values).filter(([key, value]) => !(commands.includes(key) && isSection(value))));
  const section = config.values[command];
  return resolvePaths(config, { ...shared, ...(isSection(section) ? section : {}) });
}
