// Expands the inputs of `captions build` — files, directories and globs — into a sorted list of
// files, each with the path its outputs take under the output directory (the input tree, mirrored).

import { existsSync, statSync } from 'node:fs';
import { relative, resolve, sep, basename } from 'node:path';

export interface InputFile {
  /** The path as given or found, used to read the file and in diagnostics; `-` is stdin. */
  path: string;
  /** Where its outputs go under `-o <dir>`, without extension: `day2/talk` for `talks/day2/talk.md`. */
  mirror: string;
}

/** An input that names nothing: reported like a bad file, the batch goes on. */
export interface MissingInput {
  path: string;
  reason: string;
}

/** File kinds a directory walk or a glob picks up: raw transcripts and caption drafts. */
export const INPUT_EXTENSIONS = ['md', 'markdown', 'srt', 'vtt'];

const GLOB_CHARS = /[*?[\]{}!]/;

function withoutExtension(path: string): string {
  const name = basename(path);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? path.slice(0, path.length - (name.length - dot)) : path;
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** The directory part of a glob before its first wildcard: `talks/**\/*.md` → `talks`. */
function globBase(pattern: string): string {
  const parts = toPosix(pattern).split('/');
  const fixed: string[] = [];
  for (const part of parts) {
    if (GLOB_CHARS.test(part)) break;
    fixed.push(part);
  }
  if (fixed.length === parts.length) fixed.pop();
  return fixed.join('/') || '.';
}

export interface ExpandedInputs {
  files: InputFile[];
  missing: MissingInput[];
}

/**
 * Expands the command-line inputs. `exclude` is a directory never walked into (the output directory,
 * so a re-run does not read its own outputs). Directories and globs are loaded lazily: a plain list of
 * files costs nothing extra at start-up.
 */
export async function expandInputs(inputs: string[], exclude?: string, extensions: string[] = INPUT_EXTENSIONS, skip?: RegExp): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const missing: MissingInput[] = [];
  const excluded = exclude ? resolve(exclude) : undefined;
  const isExcluded = (path: string) => excluded !== undefined && (resolve(path) + sep).startsWith(excluded + sep);
  for (const input of inputs) {
    if (input === '-') {
      files.push({ path: '-', mirror: 'stdin' });
      continue;
    }
    const isDirectory = existsSync(input) && statSync(input).isDirectory();
    if (!isDirectory && (existsSync(input) || !GLOB_CHARS.test(input))) {
      files.push({ path: input, mirror: withoutExtension(basename(input)) });
      continue;
    }
    const base = isDirectory ? input : globBase(input);
    const pattern = isDirectory ? `**/*.{${extensions.join(',')}}` : toPosix(relative(base, input));
    const { glob } = await import('tinyglobby');
    const found = (await glob(pattern, { cwd: base, onlyFiles: true, dot: false, expandDirectories: false })).sort();
    const kept = found.map((file) => ({ rel: file, path: base === '.' && !isDirectory ? file : `${toPosix(base).replace(/\/$/, '')}/${file}` })).filter((f) => !isExcluded(f.path) && !skip?.test(f.path));
    if (kept.length === 0) missing.push({ path: input, reason: isDirectory ? `no ${extensions.map((e) => '.' + e).join(', ')} files in this directory` : 'no files match this pattern' });
    for (const f of kept) files.push({ path: f.path, mirror: withoutExtension(f.rel) });
  }
  // The same file named twice (a file and a glob that matches it) is built once.
  const seen = new Set<string>();
  return {
    files: files.filter((f) => {
      const key = f.path === '-' ? '-' : resolve(f.path);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
    missing,
  };
}
