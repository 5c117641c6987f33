// Synthetic talks with exact timing, for npm run bench:audio: each cue is spoken on its own by one of
// Debian's speech synthesizers (flite, espeak-ng, festival; several voices and rates), its leading
// and trailing silence trimmed by sox, and the cues joined with random pauses of 0.2 to 3 s over
// background noise or a music-like hum. A cue's true start is the sample where its speech begins.
// Everything is seeded, so the same set is made every time; made files are cached by content.

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { wavHeader } from './wav.mjs';

const RATE = 16000;

/** Sentences of a made-up talk on building software, written for this benchmark. */
export const SENTENCES = [
  'Good morning, everyone, and thank you for coming to this session.',
  'Today I want to talk about how we test the code that runs our builds.',
  'Most of us write tests for the application, but not for the pipeline around it.',
  'So let me start with a short story about a release that went wrong.',
  'It was a Friday afternoon, which is always the first warning sign.',
  'The build passed, the tests passed, and the package was published.',
  'An hour later, the first bug report arrived from a user in another time zone.',
  'The package was missing half of its files, because a glob had changed.',
  'Nobody had noticed, since every check looked only at the source tree.',
  'Now, the fix itself took five minutes.',
  'Finding out why it happened took the rest of the weekend.',
  'Here is the first lesson: test the thing you ship, not the thing you build.',
  'Unpack the archive in a clean directory, and run the tests against it.',
  'Second, keep your build scripts small, boring and easy to read.',
  'A clever script is a script that nobody else can change with confidence.',
  'Third, measure how long each step takes, and write it down.',
  'When a step gets slower, you want to know the day it happened, not a month later.',
  'Let me show you what this looks like in practice.',
  'On the left you can see the old pipeline, with eleven separate stages.',
  'On the right is the new one, which has only four.',
  'We removed the stages that nobody could explain.',
  'Some of them had been copied from another project years ago.',
  'Others were there to work around bugs that had long been fixed.',
  'The result was a pipeline that runs in six minutes instead of twenty.',
  'All right, let us talk about flaky tests for a moment.',
  'A flaky test is worse than no test, because it teaches people to ignore failures.',
  'We track every test that fails and then passes on a retry.',
  'If a test is flaky twice in a week, it goes into quarantine until someone fixes it.',
  'This sounds strict, but it made our main branch green again within a month.',
  'Finally, a word about documentation.',
  'Every stage of the pipeline has a short note that says why it exists.',
  'If you cannot write that note, you probably do not need the stage.',
  'That is all I have for today.',
  'The slides and the scripts are online, and I am happy to take questions.',
  'Thank you very much for listening.',
  'Over the last two years, the number of contributors grew from five to forty.',
  'Each of them had their own ideas about how the release should work.',
  'We wrote those ideas down, compared them, and kept the simplest one.',
  'It is not perfect, but everyone understands it.',
  'And that, in the end, is what makes a process reliable.',
];

/** The voices: a synthesizer, a voice, and a speaking rate (1 is the voice's own). */
export const VOICES = [
  { engine: 'flite', voice: 'slt', rate: 1 },
  { engine: 'flite', voice: 'awb', rate: 1 },
  { engine: 'flite', voice: 'rms', rate: 1.15 },
  { engine: 'flite', voice: 'kal16', rate: 0.9 },
  { engine: 'espeak-ng', voice: 'en-us', rate: 1 },
  { engine: 'espeak-ng', voice: 'en-gb', rate: 1.2 },
  { engine: 'espeak-ng', voice: 'en-gb-scotland', rate: 0.85 },
  { engine: 'festival', voice: 'kal_diphone', rate: 1 },
  { engine: 'festival', voice: 'cmu_us_slt_arctic_hts', rate: 1.1 },
];

export function available(program) {
  return spawnSync('sh', ['-c', `command -v ${program}`]).status === 0;
}

/** A seeded random number generator (mulberry32), so every run makes the same set. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cacheDir() {
  const dir = process.env.AUDIO_SYNTH_CACHE ?? join(tmpdir(), 'captions-audio-synth');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Speaks `text` with a voice, trimmed of silence at both ends: 16 kHz mono 16-bit samples. */
export function speak(text, voice, dir = cacheDir()) {
  const key = createHash('sha1').update(JSON.stringify([text, voice])).digest('hex').slice(0, 16);
  const raw = join(dir, `${key}.s16`);
  if (existsSync(raw)) return new Int16Array(new Uint8Array(readFileSync(raw)).buffer);
  const wav = join(dir, `${key}.wav`);
  if (voice.engine === 'flite') execFileSync('flite', ['-voice', voice.voice, '--setf', `duration_stretch=${1 / voice.rate}`, '-t', text, '-o', wav]);
  else if (voice.engine === 'espeak-ng') execFileSync('espeak-ng', ['-v', voice.voice, '-s', String(Math.round(165 * voice.rate)), '-w', wav, text]);
  else {
    const script = join(dir, `${key}.scm`);
    writeFileSync(script, `(voice_${voice.voice})\n(Parameter.set 'Duration_Stretch ${1 / voice.rate})\n(set! u (Utterance Text "${text.replace(/"/g, '')}"))\n(utt.synth u)\n(utt.save.wave u "${wav}" 'riff)\n`);
    execFileSync('festival', ['-b', script]);
  }
  // trim silence (below -45 dB for 5 ms) at both ends, then resample
  execFileSync('sox', ['-V1', wav, '-r', String(RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', raw, 'silence', '1', '0.005', '-45d', 'reverse', 'silence', '1', '0.005', '-45d', 'reverse']);
  return new Int16Array(new Uint8Array(readFileSync(raw)).buffer);
}

/**
 * Makes one synthetic talk: `cues` cues of one to two sentences, voices drawn from `voices`, pauses
 * of 0.2 to 3 s, background `noise` (0: none; else its level below the speech, e.g. 0.02) and a hum
 * of two tones (`hum`, a stand-in for music). Writes a WAV file and returns its true cues.
 */
export function makeTalk({ path, seed, cues: count, voices, noise = 0, hum = 0 }) {
  const random = seeded(seed);
  const cues = [];
  const fd = openSync(path, 'w');
  writeSync(fd, wavHeader(0, RATE));
  let written = 0;
  let noiseState = seed;
  const write = (samples) => {
    const out = new Int16Array(samples.length);
    for (let i = 0; i < samples.length; i++) {
      // white noise from a linear congruential generator, and two low tones
      noiseState = (Math.imul(noiseState, 1664525) + 1013904223) >>> 0;
      const n = noise ? ((noiseState / 4294967296) * 2 - 1) * noise * 32767 : 0;
      const t = (written + i) / RATE;
      const h = hum ? hum * 32767 * (Math.sin(2 * Math.PI * 196 * t) + 0.6 * Math.sin(2 * Math.PI * 294 * t)) * (0.6 + 0.4 * Math.sin(2 * Math.PI * 0.25 * t)) : 0;
      out[i] = Math.max(-32768, Math.min(32767, Math.round(samples[i] + n + h)));
    }
    writeSync(fd, new Uint8Array(out.buffer));
    written += samples.length;
  };
  write(new Int16Array(Math.round(RATE * (0.5 + random() * 2))));
  let sentence = Math.floor(random() * SENTENCES.length);
  for (let c = 0; c < count; c++) {
    const n = random() < 0.3 ? 2 : 1;
    const text = Array.from({ length: n }, () => SENTENCES[sentence++ % SENTENCES.length]).join(' ');
    const voice = voices[Math.floor(random() * voices.length)];
    const speech = speak(text, voice);
    cues.push({ text, start: written / RATE, end: (written + speech.length) / RATE, scored: true, voice: `${voice.engine}:${voice.voice}` });
    write(speech);
    write(new Int16Array(Math.round(RATE * (0.2 + random() * 2.8))));
  }
  // the real header, now that the length is known
  writeSync(fd, wavHeader(written, RATE), 0, 44, 0);
  closeSync(fd);
  return cues;
}

/** The synthetic set of the benchmark: which voices, noise and hum each talk has. */
export function syntheticSpecs() {
  const flite = VOICES.filter((v) => v.engine === 'flite');
  const espeak = VOICES.filter((v) => v.engine === 'espeak-ng');
  const festival = VOICES.filter((v) => v.engine === 'festival');
  return [
    { name: 'synth-flite-clean', seed: 11, cues: 24, voices: flite, needs: ['flite'] },
    { name: 'synth-espeak-noise', seed: 12, cues: 24, voices: espeak, noise: 0.01, needs: ['espeak-ng'] },
    { name: 'synth-festival-hum', seed: 13, cues: 20, voices: festival, hum: 0.01, needs: ['festival'] },
    { name: 'synth-mixed-noise-hum', seed: 14, cues: 30, voices: VOICES, noise: 0.006, hum: 0.006, needs: ['flite', 'espeak-ng', 'festival'] },
  ];
}

/** Writes `text` to a file once (content-addressed), returning its path. */
export function cachedFile(name, text, dir = cacheDir()) {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export { cacheDir };
