// Short synthesized talks for the audio tests: each cue spoken by flite or espeak-ng (whichever is
// installed), trimmed of silence by sox, and joined with known pauses, so every cue's true start is
// exact. Tests skip, saying why, when ffmpeg, sox or both synthesizers are missing.

import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error: a plain module, shared with the audio benchmark
import { wavHeader } from '../../bench/wav.mjs';

const RATE = 16000;

export const has = (program: string) => spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;

/** Why the audio tests cannot run here, or null when they can. */
export function missingTools(): string | null {
  const missing = ['ffmpeg', 'sox'].filter((p) => !has(p));
  if (!has('flite') && !has('espeak-ng')) missing.push('flite or espeak-ng');
  return missing.length ? `audio tests skipped: ${missing.join(', ')} not installed (see .ci/run)` : null;
}

/** One cue's speech: 16 kHz mono samples, silence trimmed at both ends. */
function speak(text: string, dir: string, index: number, voice: number): Int16Array {
  const wav = join(dir, `cue-${index}.wav`);
  const raw = join(dir, `cue-${index}.s16`);
  if (has('flite')) execFileSync('flite', ['-voice', voice % 2 ? 'slt' : 'awb', '-t', text, '-o', wav]);
  else execFileSync('espeak-ng', ['-v', voice % 2 ? 'en-us' : 'en-gb', '-w', wav, text]);
  execFileSync('sox', ['-V1', wav, '-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', raw, 'silence', '1', '0.005', '-45d', 'reverse', 'silence', '1', '0.005', '-45d', 'reverse']);
  const bytes = readFileSync(raw);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}

export interface SpokenCue {
  text: string;
  start: number;
  end: number;
}

/** Writes a WAV of the cues spoken in turn after `lead` seconds, with the given pauses after each. */
export function speakTalk(dir: string, texts: string[], pauses: number[], lead = 0.8): { wav: string; cues: SpokenCue[] } {
  const parts: Int16Array[] = [new Int16Array(Math.round(lead * RATE))];
  const cues: SpokenCue[] = [];
  let at = parts[0].length;
  texts.forEach((text, i) => {
    const speech = speak(text, dir, i, i);
    cues.push({ text, start: at / RATE, end: (at + speech.length) / RATE });
    const pause = new Int16Array(Math.round(pauses[i % pauses.length] * RATE));
    parts.push(speech, pause);
    at += speech.length + pause.length;
  });
  const samples = new Int16Array(at);
  let offset = 0;
  for (const part of parts) {
    samples.set(part, offset);
    offset += part.length;
  }
  // a little noise, so that the silence is not digital zero
  let state = 12345;
  for (let i = 0; i < samples.length; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    samples[i] = Math.max(-32768, Math.min(32767, samples[i] + Math.round(((state / 4294967296) * 2 - 1) * 30)));
  }
  const wav = join(dir, 'talk.wav');
  const header = wavHeader(samples.length, RATE);
  writeFileSync(wav, Buffer.concat([header, Buffer.from(samples.buffer)]));
  return { wav, cues };
}

/** A transcript with one paragraph a cue; the line of each cue. */
export function transcriptOf(cues: SpokenCue[]): { text: string; lineOfCue: number[] } {
  const lines = ['# A short talk', ''];
  const lineOfCue: number[] = [];
  for (const cue of cues) {
    lineOfCue.push(lines.length + 1);
    lines.push(cue.text, '');
  }
  return { text: lines.join('\n'), lineOfCue };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
