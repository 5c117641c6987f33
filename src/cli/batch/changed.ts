// `--changed-only`: a record, kept in the output directory, of the options and outputs of each input's
// last build, so a re-run skips inputs whose outputs are newer than they are and were built the same way.

import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../../diagnostic.js';
import type { FileOutcome } from './process-file.js';
import { processIsAlive, writeFileAtomic } from '../io/atomic.js';
import { readBounded } from '../../read/bounded.js';
import { STATE_FILE } from './state-file.js';

export { STATE_FILE };

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

/**
 * The fingerprint of one input built with --audio: the run's, with its recording's path, size and
 * time of change, so that a recording replaced (or a map naming another) rebuilds the input. Size and
 * time rather than the content: a recording may be gigabytes.
 */
export function withRecording(fingerprint: string, media: string | undefined): string {
  let stamp = 'none';
  if (media !== undefined) {
    try {
      const stat = statSync(media);
      stamp = `${resolve(media)}\0${stat.size}\0${stat.mtimeMs}`;
    } catch {
      stamp = `${resolve(media)}\0missing`;
    }
  }
  return createHash('sha256').update(fingerprint).update('\0audio=').update(stamp).digest('hex').slice(0, 16);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isDiagnostic(value: unknown): value is Diagnostic {
  return isRecord(value) && Number.isInteger(value.line) && (value.severity === 'error' || value.severity === 'warning') && typeof value.message === 'string' && (value.file === undefined || typeof value.file === 'string') && typeof value.code === 'string';
}

function isRecorded(value: unknown): value is Recorded {
  return (
    isRecord(value) &&
    typeof value.fingerprint === 'string' &&
    Array.isArray(value.outputs) &&
    value.outputs.every((o) => typeof o === 'string') &&
    Number.isInteger(value.cues) &&
    Number.isInteger(value.corrections) &&
    Array.isArray(value.diagnostics) &&
    value.diagnostics.every(isDiagnostic)
  );
}

/** The record's entries, or why it cannot be used. */
function validState(data: unknown): { files: Record<string, Recorded> } | { problem: string } {
  if (!isRecord(data) || data.version !== 2) return { problem: 'not a version 2 record' };
  if (!isRecord(data.files)) return { problem: '"files" is not an object' };
  const files: Record<string, Recorded> = Object.create(null);
  for (const [input, entry] of Object.entries(data.files)) {
    if (!isRecorded(entry)) return { problem: `the entry of ${JSON.stringify(input)} is malformed` };
    files[input] = entry;
  }
  return { files };
}

/** Reads the record at `path`: its entries, null when there is none, or why it cannot be used. */
function readState(path: string): { files: Record<string, Recorded> } | { problem: string } | null {
  if (!existsSync(path)) return null;
  try {
    return validState(JSON.parse(readBounded(path, 'state')));
  } catch (error) {
    return { problem: error instanceof SyntaxError ? 'not valid JSON' : (error as Error).message };
  }
}

const LOCK_WAIT_MS = 10_000;

/**
 * Runs `update` holding a lock file beside the record, so that two runs saving at once each merge
 * into what the other saved. A lock left by a process that no longer runs is taken over.
 */
function withLock<T>(path: string, update: () => T): T {
  const lock = path + '.lock';
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(lock, 'utf8'));
      } catch {
        // released meanwhile
      }
      if (Number.isInteger(owner) && owner > 0 && !processIsAlive(owner)) rmSync(lock, { force: true });
      else if (Date.now() > deadline) throw new Error(`${lock} is held by another run (process ${owner}); remove it if no run is going on`);
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  try {
    return update();
  } finally {
    rmSync(lock, { force: true });
  }
}

export class BuildState {
  /** What this run learnt: a new record for an input, or null when its record is dropped. */
  private readonly changes = new Map<string, Recorded | null>();

  private constructor(
    private readonly path: string,
    private readonly state: State,
  ) {}

  /** The record of the last builds; an unusable one is reported through `warn` and counts as none. */
  static load(outputDirectory: string, warn: (message: string) => void = () => {}): BuildState {
    const path = join(outputDirectory, STATE_FILE);
    const read = readState(path);
    if (read && 'problem' in read) warn(`${path}: warning: the build record cannot be used (${read.problem}): every input counts as changed`);
    return new BuildState(path, { version: 2, files: read && 'files' in read ? read.files : Object.create(null) });
  }

  isUpToDate(input: string, fingerprint: string): boolean {
    const entry = Object.hasOwn(this.state.files, input) ? this.state.files[input] : undefined;
    if (!entry || entry.fingerprint !== fingerprint || entry.outputs.length === 0) return false;
    const inputTime = statSync(input).mtimeMs;
    return entry.outputs.every((output) => existsSync(output) && statSync(output).mtimeMs >= inputTime);
  }

  record(input: string, fingerprint: string, outcome: FileOutcome): void {
    const entry: Recorded = {
      fingerprint,
      outputs: outcome.written.map((w) => resolve(w)),
      cues: outcome.cues,
      corrections: outcome.corrections,
      diagnostics: outcome.diagnostics,
    };
    this.state.files[input] = entry;
    this.changes.set(input, entry);
  }

  /** What the last build of an up-to-date input said. */
  lastOutcome(input: string): Pick<Recorded, 'cues' | 'corrections' | 'diagnostics'> {
    const { cues, corrections, diagnostics } = this.state.files[input];
    return { cues, corrections, diagnostics };
  }

  forget(input: string): void {
    delete this.state.files[input];
    this.changes.set(input, null);
  }

  /** Saves this run's changes merged into the record as it is now on disk (another run may have saved meanwhile). */
  save(): void {
    withLock(this.path, () => {
      const current = readState(this.path);
      const files: Record<string, Recorded> = current && 'files' in current ? current.files : Object.create(null);
      for (const [input, entry] of this.changes) {
        if (entry) files[input] = entry;
        else delete files[input];
      }
      const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
      writeFileAtomic(this.path, JSON.stringify({ version: 2, files: sorted }, null, 2) + '\n');
    });
  }
}
