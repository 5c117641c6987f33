// Every file the tool reads goes through here: opened, checked to be a regular file (a device such as
// /dev/zero, a FIFO or a directory is refused at once), and read up to a size limit for its kind, so
// that no input can make the tool read without end or exhaust memory. stdin is read in chunks up to
// the same limit.

import { type DiagnosticError, readLimitError } from '../diagnostic.js';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadKind = 'transcript' | 'dictionary' | 'roster' | 'markers' | 'audio-map' | 'config' | 'state';

const MB = 1024 * 1024;

/**
 * Largest file of each kind. A transcript or draft of 64 MB is over a thousand hours of speech (the
 * example, an hour, is 52 kB); the built-in dictionary is 60 kB and a roster or markers file a few kB.
 */
export const MAX_BYTES: Record<ReadKind, number> = {
  transcript: 64 * MB,
  dictionary: 32 * MB,
  roster: 1 * MB,
  markers: 4 * MB,
  'audio-map': 4 * MB,
  config: 1 * MB,
  state: 64 * MB,
};

const KIND_NAMES: Record<ReadKind, string> = {
  transcript: 'a transcript or draft',
  dictionary: 'a dictionary',
  roster: 'a roster',
  markers: 'a markers file',
  'audio-map': 'an --audio map',
  config: 'a config file',
  state: 'a build record',
};

function megabytes(bytes: number): string {
  return `${(bytes / MB).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;
}

function tooLarge(kind: ReadKind, size?: number): DiagnosticError {
  return readLimitError(`file is ${size === undefined ? 'larger than that' : megabytes(size)}: ${KIND_NAMES[kind]} may be at most ${megabytes(MAX_BYTES[kind])}`);
}

function notRegular(stat: { isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): DiagnosticError {
  const what = stat.isDirectory() ? 'a directory' : stat.isFIFO() ? 'a pipe' : stat.isCharacterDevice() || stat.isBlockDevice() ? 'a device' : stat.isSocket() ? 'a socket' : 'not a regular file';
  return readLimitError(`not a regular file (${what}): nothing is read from it`);
}

/** Reads from an open descriptor until its end, failing past `max` bytes. */
function readUpTo(fd: number, max: number, kind: ReadKind, expected: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(Math.max(expected - total, 64 * 1024), max + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue; // a non-blocking stdin not ready yet
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
    if (total > max) throw tooLarge(kind);
  }
  return Buffer.concat(chunks, total);
}

/** The bytes of a file (`-` is stdin), within the limit of its kind. Throws a DiagnosticError (code `read-limit`) or the fs error. */
export function readBytesBounded(path: string, kind: ReadKind): Buffer {
  const max = MAX_BYTES[kind];
  if (path === '-') return readUpTo(0, max, kind, 64 * 1024);
  // non-blocking, so that opening a FIFO does not wait for a writer before it can be refused
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw notRegular(stat);
    if (stat.size > max) throw tooLarge(kind, stat.size);
    return readUpTo(fd, max, kind, stat.size);
  } finally {
    closeSync(fd);
  }
}

/** The same, as UTF-8 text. */
export function readBounded(path: string, kind: ReadKind): string {
  return readBytesBounded(path, kind).toString('utf8');
}
