// Reads a recording's sound by running ffmpeg, which decodes any container and codec it knows to
// 16 kHz mono 16-bit PCM on a pipe. The samples are turned into per-frame features as they stream
// in, so an hour of talk takes a few megabytes of frame features, never the samples themselves.

import { audioError } from '../diagnostic.js';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { computeFeatures, FRAME_SECONDS, type AudioFeatures } from './features.js';

export const SAMPLE_RATE = 16000;

export interface DecodeOptions {
  /** The ffmpeg program (default: `ffmpeg` on the PATH, or CAPTIONS_FFMPEG). */
  ffmpeg?: string;
  /** Called now and then with the seconds of sound decoded so far. */
  onProgress?: (seconds: number) => void;
}

/** The most telling line of ffmpeg's error output, made short. */
function ffmpegReason(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter(Boolean);
  const telling = lines.find((l) => /invalid data|could not find|does not contain|no such file|matches no streams|error/i.test(l)) ?? lines[0] ?? 'unknown error';
  // "[mp3 @ 0x55d…] msg" and "path: msg" prefixes say nothing to the user.
  return telling.replace(/^\[[^\]]*\]\s*/, '').replace(/^.*?:\s(?=[A-Z])/, '').slice(0, 200);
}

/**
 * Decodes the first audio stream of `media` and returns its frame features. Rejects with a
 * DiagnosticError (code `audio`) for a missing file, a missing ffmpeg, a file with no audio stream, or one ffmpeg
 * cannot decode.
 */
export function decodeAudio(media: string, options: DecodeOptions = {}): Promise<AudioFeatures> {
  if (!existsSync(media)) return Promise.reject(audioError(media, 'no such file'));
  if (statSync(media).isDirectory()) return Promise.reject(audioError(media, 'is a directory, not a recording'));
  const program = options.ffmpeg ?? process.env.CAPTIONS_FFMPEG ?? 'ffmpeg';
  const args = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-i', media, '-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(SAMPLE_RATE), '-f', 's16le', '-'];
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const features = computeFeatures(SAMPLE_RATE);
    let stderr = '';
    let carry: Buffer | null = null;
    let lastReport = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (stderr.length < 8000) stderr += text;
    });
    child.stdout.on('data', (chunk: Buffer) => {
      // Samples are two bytes: an odd byte left over waits for the next chunk.
      let data = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = null;
      if (data.length % 2) {
        carry = Buffer.from(data.subarray(data.length - 1));
        data = data.subarray(0, data.length - 1);
      }
      features.push(new Int16Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.length)));
      const seconds = features.frames() * FRAME_SECONDS;
      if (options.onProgress && seconds - lastReport >= 30) {
        lastReport = seconds;
        options.onProgress(seconds);
      }
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(audioError(media, error.code === 'ENOENT' ? `cannot decode it: ffmpeg is not installed (install it, e.g. apt-get install ffmpeg, or set CAPTIONS_FFMPEG)` : `cannot run ffmpeg: ${error.message}`));
    });
    child.on('close', (code) => {
      if (code !== 0) {
        const reason = ffmpegReason(stderr);
        if (/matches no streams|does not contain any stream|Output file #0 does not contain/i.test(stderr)) reject(audioError(media, 'has no audio stream'));
        else reject(audioError(media, `ffmpeg cannot decode it: ${reason}`));
        return;
      }
      const result = features.finish();
      if (result.frames === 0) reject(audioError(media, 'has no audio (ffmpeg decoded no samples)'));
      else resolve(result);
    });
  });
}
