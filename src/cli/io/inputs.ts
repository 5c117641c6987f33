// Expands the inputs of `captions build` — files, directories and globs — into a sorted list of
// files, each with the path its outputs take under the output directory (the input tree, mirrored).

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { identify } from './run-paths.js';

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

/** Tracks written beside a VTT (chapters, slide markers): outputs, never inputs of a walk. */
export const COMPANION_TRACK = /\.(chapters|markers)\.vtt$/i;

/**
 * Caption files a directory walk or glob found beside a transcript of the same name are that
 * transcript's outputs (a build without -o writes them there): they are not built again as drafts.
 */
function dropOutputsOfTranscripts(files: string[]): string[] {
  const transcripts = new Set(files.filter((f) => /\.(md|markdown)$/i.test(f)).map(withoutExtension));
  return files.filter((f) => !COMPANION_TRACK.test(f) && !(/\.(srt|vtt)$/i.test(f) && transcripts.has(withoutExtension(f))));
}

/** The deepest directory holding all the given files. */
function commonDirectory(paths: string[]): string {
  const split = paths.map((p) => dirname(resolve(p)).split(sep));
  const common: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0][i]); i++) common.push(split[0][i]);
  return common.join(sep) || sep;
}

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
export async function expandInputs(inputs: string[], exclude?: string, extensions: string[] = INPUT_EXTENSIONS): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const missing: MissingInput[] = [];
  const named: number[] = [];
  // by real path too: a symlink in the input tree may lead into the output directory
  const excluded = exclude ? [resolve(exclude), identify(exclude).real] : [];
  const isExcluded = (path: string) => excluded.some((root) => (resolve(path) + sep).startsWith(root + sep) || (identify(path).real + sep).startsWith(root + sep));
  for (const input of inputs) {
    if (input === '-') {
      files.push({ path: '-', mirror: 'stdin' });
      continue;
    }
    const isDirectory = existsSync(input) && statSync(input).isDirectory();
    if (!isDirectory && (existsSync(input) || !GLOB_CHARS.test(input))) {
      named.push(files.length);
      files.push({ path: input, mirror: withoutExtension(basename(input)) });
      continue;
    }
    const base = isDirectory ? input : globBase(input);
    const pattern = isDirectory ? `**/*.{${extensions.join(',')}}` : toPosix(relative(base, input));
    const { glob } = await import('tinyglobby');
    const found = dropOutputsOfTranscripts((await glob(pattern, { cwd: base, onlyFiles: true, dot: false, expandDirectories: false })).sort());
    const kept = found.map((file) => ({ rel: file, path: base === '.' && !isDirectory ? file : `${toPosix(base).replace(/\/$/, '')}/${file}` })).filter((f) => !isExcluded(f.path));
    if (kept.length === 0) missing.push({ path: input, reason: isDirectory ? `no ${extensions.map((e) => '.' + e).join(', ')} files in this directory` : 'no files match this pattern' });
    for (const f of kept) files.push({ path: f.path, mirror: withoutExtension(f.rel) });
  }
  // Files named one by one are written under their own names; when two share a name (`a/intro.md`
  // and `b/intro.md`), they mirror the tree below the folder they share instead.
  const namedFiles = named.map((i) => files[i]).filter((f) => existsSync(f.path));
  const names = namedFiles.map((f) => f.mirror);
  if (new Set(names).size < names.length) {
    const base = commonDirectory(namedFiles.map((f) => f.path));
    for (const f of namedFiles) f.mirror = withoutExtension(toPosix(relative(base, resolve(f.path))));
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
