// `--changed-only`: a record, kept in the output directory, of the options and outputs of each input's
// last build, so a re-run skips inputs whose outputs are newer than they are and were built the same way.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic, FileOutcome } from './process-file.js';
import { writeFileAtomic } from './atomic.js';

export const STATE_FILE = '.captions-state.json';

interface Recorded {
  fingerprint: string;
  outputs: string[];
  cues: number;
  corrections: number;
  /** The warnings of that build, replayed when the input is skipped. */
  diagnostics: Diagnostic[];
}

interface State {
  version: 2;
  files: Record<string, Recorded>;
}

/** Options that change no output: where things go and how the run reports. */
const NEUTRAL = new Set(['output', 'quiet', 'json', 'jobs', 'changedOnly', 'failOn', 'report', 'dryRun']);

/** Options that name files whose content the outputs depend on. */
const INPUT_FILES = new Set(['dict', 'speakers', 'markers']);

/**
 * What an output depends on besides its input: the tool's version, the options, and the content of
 * any file an option names (a dictionary, a roster, a markers file).
 */
export function fingerprintOf(options: Record<string, unknown>, toolVersion: string): string {
  const hash = createHash('sha256').update(toolVersion);
  for (const key of Object.keys(options).sort()) {
    if (NEUTRAL.has(key)) continue;
    const value = options[key];
    hash.update(`\0${key}=${JSON.stringify(value)}`);
    for (const item of INPUT_FILES.has(key) ? (Array.isArray(value) ? value : [value]) : []) {
      if (typeof item === 'string' && item !== '' && existsSync(item) && statSync(item).isFile()) hash.update(readFileSync(item));
    }
  }
  return hash.digest('hex').slice(0, 16);
}

export class BuildState {
  private constructor(
    private readonly path: string,
    private readonly state: State,
  ) {}

  static load(outputDirectory: string): BuildState {
    const path = join(outputDirectory, STATE_FILE);
    let state: State = { version: 2, files: {} };
    try {
      const data = JSON.parse(readFileSync(path, 'utf8')) as State;
      if (data?.version === 2 && typeof data.files === 'object') state = data;
    } catch {
      // No record or an unreadable one: everything counts as changed.
    }
    return new BuildState(path, state);
  }

  isUpToDate(input: string, fingerprint: string): boolean {
    const entry = this.state.files[input];
    if (!entry || entry.fingerprint !== fingerprint || entry.outputs.length === 0) return false;
    const inputTime = statSync(input).mtimeMs;
    return entry.outputs.every((output) => existsSync(output) && statSync(output).mtimeMs >= inputTime);
  }

  record(input: string, fingerprint: string, outcome: FileOutcome): void {
    this.state.files[input] = {
      fingerprint,
      outputs: outcome.written.map((w) => resolve(w)),
      cues: outcome.cues,
      corrections: outcome.corrections,
      diagnostics: outcome.diagnostics,
    };
  }

  /** What the last build of an up-to-date input said. */
  lastOutcome(input: string): Pick<Recorded, 'cues' | 'corrections' | 'diagnostics'> {
    const { cues, corrections, diagnostics } = this.state.files[input];
    return { cues, corrections, diagnostics };
  }

  forget(input: string): void {
    delete this.state.files[input];
  }

  save(): void {
    const files = Object.fromEntries(Object.entries(this.state.files).sort(([a], [b]) => a.localeCompare(b)));
    writeFileAtomic(this.path, JSON.stringify({ version: 2, files }, null, 2) + '\n');
  }
}
