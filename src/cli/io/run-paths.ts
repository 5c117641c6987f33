// Every path a build run reads and writes, known in one place before anything is written: inputs,
// option files (dictionaries, roster, markers, config, --audio recordings and map), outputs, the report and the build record.
// Paths are compared by what they are on disk — their real path (symlinks resolved, also in the
// folders of a file not written yet) and, for files that exist, device and inode (hard links) — so
// that no write lands on a file the run reads or on another of its own outputs, and no output leaves
// the output directory through a symlinked folder or a `..`.

import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';

export type PathRole = 'input' | 'dictionary' | 'roster' | 'markers' | 'config' | 'recording' | 'audio-map' | 'state' | 'report' | 'output';

export interface PathIdentity {
  /** Real path: symlinks resolved in every folder that exists (and in the file itself when it exists). */
  real: string;
  /** `dev:ino` of an existing file, so that hard links are one file. */
  inode?: string;
}

/** What a path is on disk; a path that does not exist yet takes the real path of its nearest existing folder. */
export function identify(path: string): PathIdentity {
  const missing: string[] = [];
  let existing = resolve(path);
  for (;;) {
    try {
      const real = realpathSync(existing);
      if (missing.length > 0) return { real: join(real, ...missing.reverse()) };
      try {
        const stat = statSync(real);
        return { real, inode: `${stat.dev}:${stat.ino}` };
      } catch {
        return { real };
      }
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return { real: resolve(path) };
      missing.push(basename(existing));
      existing = parent;
    }
  }
}

function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

const ROLE_NAMES: Record<PathRole, string> = {
  input: 'the input',
  dictionary: 'the dictionary',
  roster: 'the roster',
  markers: 'the markers file',
  config: 'the config file',
  recording: 'the recording',
  'audio-map': 'the --audio map',
  state: 'the build record',
  report: 'the report',
  output: 'an output of',
};

export interface PathUse {
  path: string;
  role: PathRole;
  /** For an output: the input it belongs to. */
  owner?: string;
}

export function describeUse(use: PathUse): string {
  return use.role === 'output' ? `${ROLE_NAMES.output} ${use.owner}` : `${ROLE_NAMES[use.role]} ${use.path}`;
}

export class RunPaths {
  private readonly byReal = new Map<string, PathUse>();
  private readonly byInode = new Map<string, PathUse>();
  private readonly root?: { lexical: string; real: string };

  /** `outputRoot`: the `-o` directory every output must stay inside, when there is one. */
  constructor(outputRoot?: string) {
    if (outputRoot !== undefined) this.root = { lexical: resolve(outputRoot), real: identify(outputRoot).real };
  }

  /** Records a file the run reads (a later claim to write it is refused). */
  read(path: string, role: PathRole): void {
    this.remember(identify(path), { path, role });
  }

  /** The use of this path already known to the run (read, or claimed for writing), if any. */
  conflict(path: string): PathUse | undefined {
    const identity = identify(path);
    return this.byReal.get(identity.real) ?? (identity.inode ? this.byInode.get(identity.inode) : undefined);
  }

  /** Why a write to this path would leave the output directory, or null when it stays inside. */
  escapes(path: string): string | null {
    return this.root ? escapesRoot(this.root, path) : null;
  }

  /** Records a file the run writes; check `conflict` first. */
  claim(use: PathUse): void {
    this.remember(identify(use.path), use);
  }

  /** The real path of the output directory, for the writers' own check just before each write. */
  get outputRoot(): { lexical: string; real: string } | undefined {
    return this.root;
  }

  private remember(identity: PathIdentity, use: PathUse): void {
    if (!this.byReal.has(identity.real)) this.byReal.set(identity.real, use);
    if (identity.inode && !this.byInode.has(identity.inode)) this.byInode.set(identity.inode, use);
  }
}

/** Why `path` is not inside `root` (by its written path and by its real one), or null. */
export function escapesRoot(root: { lexical: string; real: string }, path: string): string | null {
  if (!isWithin(root.lexical, resolve(path))) return `it is outside the output directory ${root.lexical}`;
  const real = identify(dirname(path)).real;
  if (real !== root.real && !isWithin(root.real, real)) return `its folder leads outside the output directory ${root.lexical} (through a symlink, to ${real})`;
  return null;
}
