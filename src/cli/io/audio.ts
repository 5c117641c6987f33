// `--audio`: which recording goes with each input, and reading it. `--audio <media>` names the
// recording of a single input; `--audio <map.csv|map.json>` names each input's recording in a map
// (paths relative to the map); `--audio` alone finds it beside each transcript by name
// (talk.md ↔ talk.mp4, .webm, .mkv, .mov, .mp3, .m4a, .wav, .ogg, .opus or .flac).

import { isDiagnosticError, usageError } from '../../diagnostic.js';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { decodeAudio } from '../../audio/decode.js';
import type { AudioFeatures } from '../../audio/features.js';
import { readBytesBounded } from '../../read/bounded.js';
import { decodeText } from '../../read/decode.js';
import { ioReason } from './diagnostics.js';
import type { InputFile } from './inputs.js';

export const MEDIA_EXTENSIONS = ['mp4', 'webm', 'mkv', 'mov', 'mp3', 'm4a', 'wav', 'ogg', 'opus', 'flac'];

/** The --audio value: a recording, a map, or true (beside each transcript). */
export type AudioOption = string | true | undefined;

export interface MediaPlan {
  /** The recording of this input, or an error message when none can be named. */
  mediaFor(input: InputFile): { media: string } | { error: string };
}

export function isMap(path: string): boolean {
  return /\.(csv|json)$/i.test(path);
}

/** A map's entries: transcript path → recording path, both resolved against the map's directory. */
function readMap(path: string): Map<string, string> {
  let text: string;
  try {
    text = decodeText(readBytesBounded(path, 'audio-map'));
  } catch (error) {
    if (isDiagnosticError(error, 'input')) throw usageError(`${path}:${error.line}: --audio map: ${error.message}`);
    const reason = isDiagnosticError(error, 'read-limit') ? error.message : ioReason(error as NodeJS.ErrnoException);
    throw usageError(`--audio ${path}: cannot read the map: ${reason}`);
  }
  const base = dirname(path);
  const map = new Map<string, string>();
  const add = (transcript: string, media: string) => map.set(resolve(base, transcript.trim()), resolve(base, media.trim()));
  if (/\.json$/i.test(path)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      throw usageError(`--audio ${path}: the map is not valid JSON (${(error as Error).message.split('\n')[0]})`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data) || Object.values(data).some((v) => typeof v !== 'string')) {
      throw usageError(`--audio ${path}: the map must be a JSON object of "transcript": "recording"`);
    }
    for (const [transcript, media] of Object.entries(data as Record<string, string>)) add(transcript, media);
  } else {
    text.split(/\r?\n/).forEach((line, index) => {
      if (!line.trim() || line.trim().startsWith('#')) return;
      const cells = line.split(',');
      if (cells.length !== 2) throw usageError(`${path}:${index + 1}: a map line is "transcript,recording"`);
      if (index === 0 && /^\s*(transcript|input|file)\s*$/i.test(cells[0])) return; // a header
      add(cells[0], cells[1]);
    });
  }
  return map;
}

function besideTranscript(input: InputFile): { media: string } | { error: string } {
  const stem = join(dirname(input.path), basename(input.path, extname(input.path)));
  for (const extension of MEDIA_EXTENSIONS) {
    for (const candidate of [`${stem}.${extension}`, `${stem}.${extension.toUpperCase()}`]) if (existsSync(candidate)) return { media: candidate };
  }
  return { error: `--audio: no recording beside it (looked for ${basename(stem)}.{${MEDIA_EXTENSIONS.join(',')}})` };
}

/** Plans each input's recording; a DiagnosticError (code `usage`) for an --audio value that cannot serve these inputs. */
export function planMedia(option: AudioOption, inputs: InputFile[]): MediaPlan | undefined {
  if (option === undefined) return undefined;
  if (option === true) return { mediaFor: besideTranscript };
  if (isMap(option)) {
    const map = readMap(option);
    return {
      mediaFor: (input) => {
        const media = map.get(resolve(input.path));
        return media ? { media } : { error: `--audio: the map ${option} names no recording for it` };
      },
    };
  }
  if (inputs.length > 1) throw usageError(`--audio ${option} names one recording for ${inputs.length} inputs: give a map (CSV or JSON), or --audio alone to find each recording beside its transcript`);
  return { mediaFor: () => ({ media: option }) };
}

/** Decodes a recording; the message of any problem names the flag and the file. */
export async function loadAudio(media: string, onProgress?: (seconds: number) => void): Promise<{ features: AudioFeatures } | { error: string }> {
  try {
    return { features: await decodeAudio(media, { onProgress }) };
  } catch (error) {
    if (isDiagnosticError(error, 'audio')) return { error: `--audio ${error.file}: ${error.message}` };
    throw error;
  }
}

/** The length of a recording in seconds by ffprobe, or undefined when it cannot tell. */
function probeDuration(media: string): Promise<number | undefined> {
  return new Promise((done) => {
    execFile('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', media], { timeout: 10_000 }, (error, stdout) => {
      const seconds = Number(String(stdout).trim());
      done(error || !Number.isFinite(seconds) || seconds <= 0 ? undefined : seconds);
    });
  });
}

/** A bar on stderr for the decoding of one long recording (cli-progress, loaded only then). */
export async function audioProgressBar(media: string): Promise<{ update(seconds: number): void; stop(): void }> {
  const total = await probeDuration(media);
  if (total === undefined || total < 120) return { update() {}, stop() {} };
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar({ format: 'captions {bar} {percentage}% of the recording read | ETA {eta_formatted}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
  bar.start(Math.round(total), 0);
  return { update: (seconds) => bar.update(Math.min(Math.round(total), Math.round(seconds))), stop: () => bar.stop() };
}
