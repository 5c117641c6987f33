// Command-line flags of `captions build` turned into pipeline options. Each feature adds its flags
// here (and in main.ts); the pipeline itself never sees the command line.

import { availableParallelism } from 'node:os';
import { loadDefaultDictionary, loadDictionaryFile } from '../correct/load.js';
import { mergeDictionaries } from '../correct/merge.js';
import { rosterEntries } from '../correct/roster-terms.js';
import { readBytesBounded, ReadLimitError } from '../read/bounded.js';
import { SPEAKER_LABEL_MODES, type SpeakerLabels } from '../cues/labels.js';
import { loadRoster } from '../segment/roster.js';
import type { BuildOptions } from '../pipeline.js';
import { parseMarkersFile } from '../read/markers.js';
import { decodeText, isKnownEncoding } from '../read/decode.js';
import { MAX_TIME_SECONDS, parseTimeValue } from '../read/time.js';
import { speechModelForWpm } from '../timing/estimate.js';
import { FORMATS, type OutputFormat } from '../write/index.js';
import { UsageError } from './outputs.js';
import { InputError } from '../types.js';
import { profileFromFlags, type ProfileFlags } from './profile-options.js';

export interface BuildCommandOptions extends ProfileFlags {
  output?: string;
  formats: string;
  wpm?: string;
  quiet?: boolean;
  /** A roster file (`--speakers <file>`), or false for `--no-speakers`. */
  speakers?: string | false;
  speakerLabels?: string;
  /** A markers file (CSV or JSON) of known image-marker times. */
  markers?: string;
  duration?: string;
  offset?: string;
  jobs?: string;
  json?: boolean;
  failOn?: string;
  changedOnly?: boolean;
  /** Review report: `<file>.html`, `-` (a diff in the terminal), or any other file (the corrections log). */
  report?: string;
  /** Extra term dictionaries, merged over the default (later ones win). */
  dict?: string[];
  /** False with --no-default-dict. */
  defaultDict?: boolean;
  minConfidence?: string;
  /** Write nothing but the report. */
  dryRun?: boolean;
  /** Encoding of inputs and option files that are neither UTF-8 nor marked by a byte order mark. */
  encoding?: string;
  /** `--audio`: a recording, a map of recordings (CSV/JSON), or true: the recording beside each transcript. */
  audio?: string | true;
}

function timeFlag(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const seconds = parseTimeValue(text);
  if (seconds === null) throw new UsageError(`${flag} takes a time (seconds, or HH:MM:SS.mmm, up to ${MAX_TIME_SECONDS} s), not "${text}"`);
  return seconds;
}

/** Reads the markers file; its format problems are InputErrors naming the file and line. */
function readMarkers(path: string, encoding: string | undefined) {
  let bytes: Buffer;
  try {
    bytes = readBytesBounded(path, 'markers');
  } catch (error) {
    if (error instanceof ReadLimitError) throw new InputError(0, `cannot read the markers file: ${error.message}`, path);
    // A markers file is an input like a dictionary or a roster: its problems exit 1, naming it.
    throw new InputError(0, `cannot read the markers file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, path);
  }
  let text: string;
  try {
    text = decodeText(bytes, encoding);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(error.line, error.message, path);
    throw error;
  }
  return parseMarkersFile(text, path);
}

/** `--encoding`: a name iconv-lite knows (checked only when given, as that loads it). */
export function encodingFlag(name: string): string {
  if (!isKnownEncoding(name)) throw new UsageError(`--encoding: unknown encoding "${name}" (e.g. windows-1252, gb18030, big5, shift_jis, utf-16le)`);
  return name.toLowerCase();
}

export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || formats.length === 0) throw new UsageError(`unknown format "${unknown.join(',') || list}" (choose from ${FORMATS.join(', ')})`);
  return [...new Set(formats)] as OutputFormat[];
}

export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256, not "${value}"`);
  return jobs;
}

export function parseFailOn(value: string | undefined): 'error' | 'warning' {
  if (value === undefined || value === 'error' || value === 'warning') return value ?? 'error';
  throw new UsageError(`--fail-on takes "error" or "warning", not "${value}"`);
}

export function pipelineOptions(options: BuildCommandOptions): BuildOptions {
  const result: BuildOptions = { profile: profileFromFlags(options) };
  if (options.encoding !== undefined) result.encoding = encodingFlag(options.encoding);
  const duration = timeFlag('--duration', options.duration);
  const offset = timeFlag('--offset', options.offset);
  // a recording of no length has no time for its speech: every cue would run past its end
  if (duration === 0) throw new UsageError(`--duration takes the recording's length, above 0 s, not "${options.duration}"`);
  if (duration !== undefined) result.duration = duration;
  if (offset !== undefined) result.offset = offset;
  if (duration !== undefined && offset !== undefined && offset >= duration) throw new UsageError(`--offset (${offset} s) must be before the end (--duration ${duration} s)`);
  if (options.markers !== undefined) result.anchors = readMarkers(options.markers, result.encoding);
  if (options.wpm !== undefined) {
    const wpm = Number(options.wpm);
    if (!Number.isFinite(wpm) || wpm < 40 || wpm > 400) throw new UsageError(`--wpm takes a number from 40 to 400, not "${options.wpm}"`);
    result.speechModel = speechModelForWpm(wpm);
  }
  if (options.minConfidence !== undefined) {
    const min = Number(options.minConfidence);
    if (!Number.isFinite(min) || min < 0 || min > 1) throw new UsageError(`--min-confidence takes a number from 0 to 1, not "${options.minConfidence}"`);
    result.minConfidence = min;
  }

  if (options.speakers === false) result.detectSpeakers = false;
  else if (typeof options.speakers === 'string') result.speakers = loadRoster(options.speakers, result.encoding); // throws RosterError (file:line)
  // The roster's names (and their other spellings) join the dictionary, after every other file.
  const extra = (options.dict ?? []).map((file) => loadDictionaryFile(file, file, result.encoding));
  if (result.speakers) extra.push({ entries: rosterEntries(result.speakers, options.speakers as string) });
  const base = options.defaultDict === false ? [] : [loadDefaultDictionary()];
  if (options.defaultDict === false && extra.length === 0) result.dictionary = false;
  else if (extra.length) result.dictionary = mergeDictionaries([...base, ...extra]);
  if (options.speakerLabels !== undefined) {
    const mode = options.speakerLabels.toLowerCase();
    if (!(SPEAKER_LABEL_MODES as readonly string[]).includes(mode)) throw new UsageError(`--speaker-labels takes ${SPEAKER_LABEL_MODES.join(', ')}, not "${options.speakerLabels}"`);
    result.speakerLabels = mode as SpeakerLabels;
  }
  return result;
}
