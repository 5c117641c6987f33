// Command-line flags of `captions build` turned into pipeline options. Each feature adds its flags
// here (and in main.ts); the pipeline itself never sees the command line.

import { readFileSync } from 'node:fs';
import type { BuildOptions } from '../pipeline.js';
import { parseMarkersFile } from '../read/markers.js';
import { parseTimeValue } from '../read/time.js';
import { speechModelForWpm } from '../timing.js';
import { FORMATS, type OutputFormat } from '../write/index.js';
import { UsageError } from './outputs.js';
import { profileFromFlags, type ProfileFlags } from './profile-options.js';

export interface BuildCommandOptions extends ProfileFlags {
  output?: string;
  formats: string;
  wpm?: string;
  quiet?: boolean;
  /** A markers file (CSV or JSON) of known image-marker times. */
  markers?: string;
  duration?: string;
  offset?: string;
}

function timeFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseTimeValue(text);
  if (seconds === null) throw new UsageError(`${flag} takes a time (seconds, or HH:MM:SS.mmm), not "${text}"`);
  return seconds;
}

/** Reads the markers file; its format problems are InputErrors naming the file and line. */
function readMarkers(path: string) {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read the markers file ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return parseMarkersFile(text, path);
}

export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || formats.length === 0) throw new UsageError(`unknown format "${unknown.join(',') || list}" (choose from ${FORMATS.join(', ')})`);
  return [...new Set(formats)] as OutputFormat[];
}

export function pipelineOptions(options: BuildCommandOptions): BuildOptions {
  const result: BuildOptions = { profile: profileFromFlags(options) };
  const duration = timeFlag('--duration', options.duration);
  const offset = timeFlag('--offset', options.offset);
  if (duration !== undefined) result.duration = duration;
  if (offset !== undefined) result.offset = offset;
  if (duration !== undefined && offset !== undefined && offset >= duration) throw new UsageError(`--offset (${offset} s) must be before the end (--duration ${duration} s)`);
  if (options.markers !== undefined) result.anchors = readMarkers(options.markers);
  if (options.wpm !== undefined) {
    const wpm = Number(options.wpm);
    if (!Number.isFinite(wpm) || wpm < 40 || wpm > 400) throw new UsageError(`--wpm takes a number from 40 to 400, not "${options.wpm}"`);
    result.speechModel = speechModelForWpm(wpm);
  }
  return result;
}
