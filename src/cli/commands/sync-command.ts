// `captions sync <draft> --audio <media>`: re-times an SRT or WebVTT draft to its recording (offset,
// drift, then per cue) and reports what it found. Only the times on the timing lines change: text,
// identifiers, cue settings, NOTE/STYLE blocks and line endings are kept byte for byte.

import { isDiagnosticError, usageError } from '../../diagnostic.js';
import { detectVoice } from '../../audio/voice.js';
import { readBytesBounded } from '../../read/bounded.js';
import { byteOrderMark, decodeKeepingLineEnds } from '../../read/decode.js';
import { detectCaptionFormat, parseCaptions, type CaptionFormat } from '../../read/captions.js';
import { DEFAULT_SYNC_OPTIONS, syncDraft } from '../../timing/sync.js';
import { writeFileAtomic } from '../io/atomic.js';
import { loadAudio } from '../io/audio.js';
import { encodingFlag } from './build-options.js';
import { formatDiagnostic, ioReason } from '../io/diagnostics.js';
import { describeUse, RunPaths } from '../io/run-paths.js';

export interface SyncCommandOptions {
  audio?: string;
  output?: string;
  encoding?: string;
  /** --per-cue: after the offset and drift, move single cues that are still off to a nearby onset. */
  perCue?: boolean;
  quiet?: boolean;
}

function clock(seconds: number, format: CaptionFormat): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}${format === 'srt' ? ',' : '.'}${pad(ms % 1000, 3)}`;
}

/** A time as written on a timing line (SRT or WebVTT, with or without hours). */
const TIME = /(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?/g;

/**
 * The draft's text with the times of cue `k` on its timing line replaced by `times[k]`. `text` has
 * the file's own line ends (CRLF, CR or LF), which are kept: line n is part 2(n-1) of the split.
 */
function retime(text: string, timingLines: number[], times: Array<{ start: number; end: number }>, format: CaptionFormat): string {
  const parts = text.split(/(\r\n|\r|\n)/);
  timingLines.forEach((lineNumber, k) => {
    const index = 2 * (lineNumber - 1);
    let seen = 0;
    parts[index] = parts[index].replace(TIME, (match) => (seen++ === 0 ? clock(times[k].start, format) : seen === 2 ? clock(times[k].end, format) : match));
  });
  return parts.join('');
}

/** Refuses an -o that is the draft or the recording (by real path and inode: symlinks and hard links too). */
function checkOutput(draft: string, audio: string, output: string): void {
  const paths = new RunPaths();
  if (draft !== '-') paths.read(draft, 'input');
  paths.read(audio, 'recording');
  const taken = paths.conflict(output);
  if (taken) throw usageError(`refusing to write the synced draft to ${output}: it is ${describeUse(taken)} (write it to another file)`);
}

const signed = (x: number, digits: number) => (x >= 0 ? '+' : '−') + Math.abs(x).toFixed(digits);

/** Runs the command; resolves to the exit code (0 synced, 1 the draft or recording cannot be used). */
export async function runSync(draft: string, options: SyncCommandOptions): Promise<number> {
  if (options.audio === undefined) throw usageError('sync needs --audio <media>, the recording to time the draft to');
  if (options.output !== undefined && options.output !== '-') checkOutput(draft, options.audio, options.output);
  const encoding = options.encoding === undefined ? undefined : encodingFlag(options.encoding);
  const fail = (line: number, message: string, file = draft) => {
    process.stderr.write(formatDiagnostic(file, line, 'error', message) + '\n');
    return 1;
  };
  let raw: string;
  let bom = '';
  try {
    const bytes = readBytesBounded(draft, 'transcript');
    raw = decodeKeepingLineEnds(bytes, encoding).text;
    if (byteOrderMark(bytes)) bom = '\uFEFF';
  } catch (error) {
    if (isDiagnosticError(error, 'input')) return fail(error.line, error.message);
    if (isDiagnosticError(error, 'read-limit')) return fail(0, `cannot read: ${error.message}`);
    return fail(0, `cannot read: ${ioReason(error as NodeJS.ErrnoException)}`);
  }
  const text = raw.replace(/\r\n?/g, '\n');
  const format = detectCaptionFormat(text) ?? (/\.vtt$/i.test(draft) ? 'vtt' : /\.srt$/i.test(draft) ? 'srt' : null);
  if (!format) return fail(1, 'not an SRT or WebVTT caption file');
  const parsed = parseCaptions(text, format);
  if (parsed.cues.length === 0) return fail(1, `no cues: nothing in this ${format === 'vtt' ? 'WebVTT' : 'SRT'} file can be read as a cue`);

  const loaded = await loadAudio(options.audio);
  if ('error' in loaded) return fail(0, loaded.error);
  const voice = detectVoice(loaded.features);
  if (voice.speechSeconds < 0.5) return fail(0, `--audio: no speech found in the recording: is it silent?`, options.audio);

  const { cues, fit } = syncDraft(
    parsed.cues.map((c) => ({ start: c.start, end: c.end })),
    voice,
    { ...DEFAULT_SYNC_OPTIONS, perCue: options.perCue === true },
  );
  const output = bom + retime(raw, parsed.cues.map((c) => c.line), cues, format);
  if (options.output === undefined || options.output === '-') process.stdout.write(output);
  else writeFileAtomic(options.output, output);
  if (!options.quiet) {
    const drift = (fit.rate - 1) * 100;
    const unchanged = fit.offset === 0 && fit.rate === 1 && fit.moved === 0;
    process.stderr.write(
      `${draft}: ${unchanged ? 'already in sync with' : 'synced to'} ${options.audio}: offset ${signed(fit.offset, 3)} s, drift ${signed(drift, 3)} % ` +
        `(${signed((fit.rate - 1) * 3600, 1)} s an hour); ${fit.matched} of ${cues.length} cues start on a speech onset, ${fit.moved} moved on their own\n`,
    );
    if (fit.matched < cues.length / 3) process.stderr.write(formatDiagnostic(draft, 0, 'warning', `few cues match the recording's speech (${fit.matched} of ${cues.length}): is it the right recording?`, 'weak-sync') + '\n');
  }
  return 0;
}
