// The flags of `captions build`, each declared once beside its parser, and the pipeline options they
// make. Each feature adds its flags here; the pipeline itself never sees the command line.

import { inputError, isDiagnosticError, usageError } from '../../diagnostic.js';
import { availableParallelism } from 'node:os';
import { loadDefaultDictionary, loadDictionaryFile } from '../../correct/load.js';
import { DEFAULT_MIN_CONFIDENCE } from '../../correct/index.js';
import { mergeDictionaries } from '../../correct/merge.js';
import { rosterEntries } from '../../correct/roster-terms.js';
import { readBytesBounded } from '../../read/bounded.js';
import { SPEAKER_LABEL_MODES, type SpeakerLabels } from '../../cues/labels.js';
import { loadRoster } from '../../segment/roster.js';
import type { BuildOptions } from '../../pipeline.js';
import { parseMarkersFile } from '../../read/markers.js';
import { decodeText, isKnownEncoding } from '../../read/decode.js';
import { MAX_TIME_SECONDS, parseTimeValue } from '../../read/time.js';
import { speechModelForWpm } from '../../timing/estimate.js';
import { FORMATS, type OutputFormat } from '../../write/index.js';
import { decimalNumber, parseGiven, type FlagSpec, type FlagValues } from './flags.js';
import { profileFromFlags, type ProfileFlags } from './profile-options.js';

function timeFlag(flag: string, text: string): number {
  const seconds = parseTimeValue(text);
  if (seconds === null) throw usageError(`${flag} takes a time (seconds, or HH:MM:SS.mmm, up to ${MAX_TIME_SECONDS} s), not "${text}"`);
  return seconds;
}

/** Reads the markers file; its format problems are InputErrors naming the file and line. */
function readMarkers(path: string, encoding: string | undefined) {
  let bytes: Buffer;
  try {
    bytes = readBytesBounded(path, 'markers');
  } catch (error) {
    if (isDiagnosticError(error, 'read-limit')) throw inputError(0, `cannot read the markers file: ${error.message}`, path);
    // A markers file is an input like a dictionary or a roster: its problems exit 1, naming it.
    throw inputError(0, `cannot read the markers file: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, path);
  }
  let text: string;
  try {
    text = decodeText(bytes, encoding);
  } catch (error) {
    if (isDiagnosticError(error, 'input')) throw inputError(error.line, error.message, path);
    throw error;
  }
  return parseMarkersFile(text, path);
}

/** `--encoding`: a name iconv-lite knows (checked only when given, as that loads it). */
export function encodingFlag(name: string): string {
  if (!isKnownEncoding(name)) throw usageError(`--encoding: unknown encoding "${name}" (e.g. windows-1252, gb18030, big5, shift_jis, utf-16le)`);
  return name.toLowerCase();
}

function formatList(list: string): OutputFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || formats.length === 0) throw usageError(`unknown format "${unknown.join(',') || list}" (choose from ${FORMATS.join(', ')})`);
  return [...new Set(formats)] as OutputFormat[];
}

function numberIn(flag: string, text: string, min: number, max: number): number {
  const value = decimalNumber(text);
  if (!Number.isFinite(value) || value < min || value > max) throw usageError(`${flag} takes a number from ${min} to ${max}, not "${text}"`);
  return value;
}

/** The flags of `captions build` but the style profile's (profile-options.ts), in the order of --help. */
export const BUILD_FLAGS = {
  output: { flags: '-o, --output <path>', help: 'output directory, mirroring the input tree (or a file, for one input and one format; - for stdout)' },
  formats: { flags: '-f, --formats <list>', help: 'comma-separated output formats: vtt, srt, json, txt', default: 'vtt,srt', parse: formatList },
  wpm: { flags: '--wpm <n>', help: 'speaking rate in words per minute (default about 170)', parse: (text: string) => speechModelForWpm(numberIn('--wpm', text, 40, 400)) },
  markers: { flags: '--markers <file>', help: 'known times of image markers: CSV (marker,time) or JSON {"marker": "time"}' },
  duration: { flags: '--duration <time>', help: "the video's length: the speech ends there (seconds or HH:MM:SS.mmm)", parse: (text: string) => timeFlag('--duration', text) },
  offset: { flags: '--offset <time>', help: 'where the talk starts in the video (seconds or HH:MM:SS.mmm)', parse: (text: string) => timeFlag('--offset', text) },
  audio: {
    flags: '--audio [media]',
    help: "time the words from the talk's recording (any file ffmpeg reads); a CSV/JSON map of transcript,recording; alone: the recording beside each transcript (talk.md: talk.mp4, .webm, .mp3, .wav…)",
  },
  jobs: { flags: '-j, --jobs <n>', help: 'files built in parallel (default: the number of cores)', parse: jobCount },
  failOn: { flags: '--fail-on <level>', help: 'exit 1 on errors only, or on warnings too', choices: ['error', 'warning'], default: 'error', parse: failLevel },
  changedOnly: { flags: '--changed-only', help: 'skip inputs whose outputs are newer and were built with the same options (needs -o <dir>)' },
  json: { flags: '--json', help: 'print a machine-readable summary of the run on stdout' },
  quiet: { flags: '-q, --quiet', help: 'print errors only' },
  speakers: {
    flags: '--speakers <roster>',
    help: 'roster of the session (YAML or JSON: hosts; speakers with name, aliases, title)',
    negation: { flags: '--no-speakers', help: 'no speaker detection: the whole transcript is one segment (a single lecturer)' },
  },
  speakerLabels: { flags: '--speaker-labels <mode>', help: 'SRT speaker labels: none, change (first cue of each speaker), every', default: 'change', parse: speakerLabelMode },
  dict: { flags: '-d, --dict <file...>', help: 'term dictionaries (YAML or JSON) merged over the built-in one, later ones winning' },
  defaultDict: { flags: '--no-default-dict', help: 'do not use the built-in term dictionary' },
  minConfidence: { flags: '--min-confidence <n>', help: 'least confidence (0-1) of a fuzzy term fix', default: String(DEFAULT_MIN_CONFIDENCE), parse: (text: string) => numberIn('--min-confidence', text, 0, 1) },
  report: { flags: '--report <file>', help: 'report of every change: <file>.html (a review page), - (a diff in the terminal), or any other file (the corrections log)' },
  dryRun: { flags: '--dry-run', help: 'write nothing but the report (the corrections log goes to stderr unless --report names a file)' },
  encoding: {
    flags: '--encoding <name>',
    help: 'encoding of files that are neither UTF-8 nor marked by a byte order mark (e.g. windows-1252, gb18030, big5, shift_jis); detected when not given',
    parse: encodingFlag,
  },
} as const satisfies Record<string, FlagSpec>;

/** The options of `captions build` as given: text, as commander and the config file leave them. */
export type BuildCommandOptions = FlagValues<typeof BUILD_FLAGS> & ProfileFlags;

function jobCount(text: string): number {
  const jobs = decimalNumber(text);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw usageError(`--jobs takes a whole number from 1 to 256, not "${text}"`);
  return jobs;
}

function failLevel(text: string): 'error' | 'warning' {
  if (text === 'error' || text === 'warning') return text;
  throw usageError(`--fail-on takes "error" or "warning", not "${text}"`);
}

function speakerLabelMode(text: string): SpeakerLabels {
  const mode = text.toLowerCase();
  if (!(SPEAKER_LABEL_MODES as readonly string[]).includes(mode)) throw usageError(`--speaker-labels takes ${SPEAKER_LABEL_MODES.join(', ')}, not "${text}"`);
  return mode as SpeakerLabels;
}

/** What the run itself (not the pipeline) takes from the flags. */
export interface RunFlags {
  formats: OutputFormat[];
  jobs: number;
  failOn: 'error' | 'warning';
}

export function outputFormats(options: BuildCommandOptions): OutputFormat[] {
  return BUILD_FLAGS.formats.parse(options.formats ?? BUILD_FLAGS.formats.default);
}

export function runFlags(options: BuildCommandOptions): RunFlags {
  return {
    formats: outputFormats(options),
    jobs: parseGiven(options.jobs, BUILD_FLAGS.jobs.parse) ?? availableParallelism(),
    failOn: parseGiven(options.failOn, BUILD_FLAGS.failOn.parse) ?? 'error',
  };
}

export function pipelineOptions(options: BuildCommandOptions): BuildOptions {
  const result: BuildOptions = { profile: profileFromFlags(options) };
  const encoding = parseGiven(options.encoding, BUILD_FLAGS.encoding.parse);
  if (encoding !== undefined) result.encoding = encoding;
  const duration = parseGiven(options.duration, BUILD_FLAGS.duration.parse);
  const offset = parseGiven(options.offset, BUILD_FLAGS.offset.parse);
  // a recording of no length has no time for its speech: every cue would run past its end
  if (duration === 0) throw usageError(`--duration takes the recording's length, above 0 s, not "${options.duration}"`);
  if (duration !== undefined) result.duration = duration;
  if (offset !== undefined) result.offset = offset;
  if (duration !== undefined && offset !== undefined && offset >= duration) throw usageError(`--offset (${offset} s) must be before the end (--duration ${duration} s)`);
  if (options.markers !== undefined) result.anchors = readMarkers(options.markers, encoding);
  const speechModel = parseGiven(options.wpm, BUILD_FLAGS.wpm.parse);
  if (speechModel !== undefined) result.speechModel = speechModel;
  const minConfidence = parseGiven(options.minConfidence, BUILD_FLAGS.minConfidence.parse);
  if (minConfidence !== undefined) result.minConfidence = minConfidence;

  if (options.speakers === false) result.detectSpeakers = false;
  else if (typeof options.speakers === 'string') result.speakers = loadRoster(options.speakers, encoding); // throws a DiagnosticError (code `roster`, file:line)
  // The roster's names (and their other spellings) join the dictionary, after every other file.
  const extra = (options.dict ?? []).map((file) => loadDictionaryFile(file, file, encoding));
  if (result.speakers) extra.push({ entries: rosterEntries(result.speakers, options.speakers as string) });
  const base = options.defaultDict === false ? [] : [loadDefaultDictionary()];
  if (options.defaultDict === false && extra.length === 0) result.dictionary = false;
  else if (extra.length) result.dictionary = mergeDictionaries([...base, ...extra]);
  const speakerLabels = parseGiven(options.speakerLabels, BUILD_FLAGS.speakerLabels.parse);
  if (speakerLabels !== undefined) result.speakerLabels = speakerLabels;
  return result;
}
