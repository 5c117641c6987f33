// The config file: `captions.config.json`, `.captionsrc.json`, or a `captions` key in `package.json`,
// looked for from the working directory upward, the first found winning. It holds any command-line
// option under its long name in camelCase (`maxCps`, `failOn`); flags given on the command line win.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from './outputs.js';

export interface LoadedConfig {
  path: string;
  /** Options for every command; a `build` or `check` key holds options for that command only. */
  values: Record<string, unknown>;
}

export const CONFIG_FILES = ['captions.config.json', '.captionsrc.json', 'package.json'];

/** `Unexpected token } in JSON at position 42` → the line of position 42. */
function lineOfJsonError(text: string, message: string): number {
  const lineColumn = /line (\d+)/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return 1;
  return text.slice(0, Number(position[1])).split('\n').length;
}

function readJson(path: string): unknown {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    throw new UsageError(`${path}:${lineOfJsonError(text, message)}: config is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
}

export function findConfig(start: string = process.cwd()): LoadedConfig | null {
  let directory = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(directory, name);
      if (!existsSync(path)) continue;
      const data = readJson(path);
      const values = name === 'package.json' ? (data as Record<string, unknown> | null)?.captions : data;
      if (values === undefined) continue;
      if (typeof values !== 'object' || values === null || Array.isArray(values)) {
        throw new UsageError(`${path}:1: config must be a JSON object of options`);
      }
      return { path, values: values as Record<string, unknown> };
    }
    const parent = dirname(directory);
    if (parent === directory) return null;
    directory = parent;
  }
}

/** The options the config gives one command: its top-level keys, with the command's own section over them. */
export function optionsFor(config: LoadedConfig, command: string, commands: string[]): Record<string, unknown> {
  const shared = Object.fromEntries(Object.entries(config.values).filter(([key]) => !commands.includes(key)));
  const section = config.values[command];
  if (section !== undefined && (typeof section !== 'object' || section === null || Array.isArray(section))) {
    throw new UsageError(`${config.path}: "${command}" must be an object of options`);
  }
  return { ...shared, ...(section as Record<string, unknown> | undefined) };
}
