// npm run bench:audio: how close cue starts timed from the recording come to the true ones, on the
// real recordings of ../shared/audio (bench/audio-lib.mjs) and on synthetic talks with exact timing
// (bench/audio-synth.mjs), beside text-only timing given the recording's length; the speed of each
// as a share of real time; and a one-hour synthetic talk built by the CLI for speed and peak memory.
// BENCH_AUDIO_HOUR=0 skips the hour (it takes a few minutes to make the first time).

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { audioDir, cueStartErrors, quantile, realSets, ROOT, transcriptOf } from './audio-lib.mjs';
import { available, cacheDir, makeTalk, syntheticSpecs, VOICES } from './audio-synth.mjs';
import { decodeAudio } from '../dist/audio/decode.js';
import { buildFromText } from '../dist/pipeline.js';

const GOALS = { real: { median: 0.2, p90: 0.6 }, synthetic: { median: 0.1 }, hour: { realTime: 0.05, rssMb: 500 } };

if (!available('ffmpeg')) {
  console.log('bench:audio: ffmpeg is not installed; skipped');
  process.exit(0);
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(2) : '  –').padStart(6);
let missed = 0;

/** Builds one set with and without its recording; the errors of both and the seconds the audio build took. */
async function measure(set) {
  const { text, lineOfCue } = transcriptOf(set.cues);
  const started = performance.now();
  const features = await decodeAudio(set.media);
  const doc = buildFromText(text, set.name, { audio: { features, media: set.media }, detectSpeakers: false });
  const seconds = (performance.now() - started) / 1000;
  const textOnly = buildFromText(text, set.name, { duration: features.duration, detectSpeakers: false });
  const audio = cueStartErrors(doc, set.cues, lineOfCue).map((e) => e.error);
  const base = cueStartErrors(textOnly, set.cues, lineOfCue).map((e) => e.error);
  return { audio, base, seconds, duration: features.duration, warnings: doc.warnings.filter((w) => /speech/.test(w.code)).length };
}

function report(name, r) {
  const worse = quantile(r.audio, 0.5) > quantile(r.base, 0.5);
  console.log(`  ${name.slice(0, 30).padEnd(30)} ${String(r.audio.length).padStart(4)} ${fmt(quantile(r.audio, 0.5))} ${fmt(quantile(r.audio, 0.9))}   ${fmt(quantile(r.base, 0.5))} ${fmt(quantile(r.base, 0.9))}   ${(r.seconds / r.duration).toFixed(3)}×${worse ? '  WORSE THAN TEXT-ONLY' : ''}`);
  return worse;
}

function summary(name, results, goal) {
  const audio = results.flatMap((r) => r.audio);
  const base = results.flatMap((r) => r.base);
  const median = quantile(audio, 0.5);
  const p90 = quantile(audio, 0.9);
  const goals = [];
  if (goal.median !== undefined) goals.push(`median ≤ ${goal.median}: ${median <= goal.median ? 'ok' : 'MISSED'}`);
  if (goal.p90 !== undefined) goals.push(`p90 ≤ ${goal.p90}: ${p90 <= goal.p90 ? 'ok' : 'MISSED'}`);
  missed += goals.filter((g) => g.endsWith('MISSED')).length;
  console.log(`${name.padEnd(32)} ${String(audio.length).padStart(4)} ${fmt(median)} ${fmt(p90)}   ${fmt(quantile(base, 0.5))} ${fmt(quantile(base, 0.9))}   ${goals.join(', ')}`);
}

const header = `${'set / file'.padEnd(32)} cues  audio median    p90   text-only median p90   speed`;
console.log('audio: |estimated − true| start of each cue, seconds (text-only: timed from the text and the recording\'s length)');
console.log(header);

// Real recordings
const dir = audioDir();
if (!dir) console.log('  no ../shared/audio folder (or AUDIO_DIR): real recordings skipped');
else {
  const human = [];
  const machine = [];
  for (const set of realSets(dir)) {
    const r = await measure(set);
    if (report(`${set.name}${set.trust === 'machine' ? ' (machine timing)' : ''}`, r)) missed++;
    (set.trust === 'human' ? human : machine).push(r);
  }
  if (human.length) summary('real, human-timed', human, GOALS.real);
  if (machine.length) summary('real, machine-timed (plumbing)', machine, {});
}

// Synthetic talks
const synthetic = [];
for (const spec of syntheticSpecs()) {
  const missing = spec.needs.filter((p) => !available(p));
  if (missing.length || !available('sox')) {
    console.log(`  ${spec.name}: ${[...missing, ...(available('sox') ? [] : ['sox'])].join(', ')} not installed; skipped`);
    continue;
  }
  const media = join(cacheDir(), `${spec.name}.wav`);
  const cues = makeTalk({ ...spec, path: media });
  const r = await measure({ name: spec.name, media, cues });
  if (report(spec.name, r)) missed++;
  synthetic.push(r);
}
if (synthetic.length) summary('synthetic', synthetic, GOALS.synthetic);

// One hour, through the CLI: speed and peak memory
if (process.env.BENCH_AUDIO_HOUR !== '0' && available('flite') && available('sox')) {
  const media = join(cacheDir(), 'synth-hour.mp3');
  const wav = join(cacheDir(), 'synth-hour.wav');
  const hourCues = 620;
  let cues;
  if (!existsSync(media)) {
    cues = makeTalk({ path: wav, seed: 99, cues: hourCues, voices: VOICES.filter((v) => v.engine !== 'festival'), noise: 0.004, hum: 0.004 });
    execFileSync('ffmpeg', ['-nostdin', '-loglevel', 'error', '-y', '-i', wav, '-codec:a', 'libmp3lame', '-b:a', '64k', media]);
    rmSync(wav, { force: true });
    writeFileSync(`${media}.json`, JSON.stringify(cues));
  } else cues = JSON.parse(readFileSync(`${media}.json`, 'utf8'));
  const { text, lineOfCue } = transcriptOf(cues);
  const transcript = join(cacheDir(), 'synth-hour.md');
  writeFileSync(transcript, text);
  const out = join(cacheDir(), 'synth-hour-out');
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--require', join(ROOT, 'bench/peak-rss.cjs'), join(ROOT, 'bin/captions.js'), 'build', transcript, '--audio', media, '--no-speakers', '-f', 'json,vtt', '-o', out, '-q'], { encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  const rssMb = Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
  const duration = cues.at(-1).end;
  const json = JSON.parse(readFileSync(join(out, 'synth-hour.json'), 'utf8'));
  const errors = cueStartErrors({ words: { texts: json.words.map((w) => w.text), starts: json.words.map((w) => w.start), lines: json.words.map((w) => w.line) } }, cues, lineOfCue).map((e) => e.error);
  const share = seconds / duration;
  const ok = share <= GOALS.hour.realTime && rssMb <= GOALS.hour.rssMb;
  if (!ok) missed++;
  console.log(`one hour (${(duration / 60).toFixed(1)} min mp3, ${cues.length} cues) by the CLI: ${seconds.toFixed(1)} s = ${share.toFixed(3)}× real time (goal ≤ ${GOALS.hour.realTime}), peak memory ${rssMb.toFixed(0)} MB (goal ≤ ${GOALS.hour.rssMb}): ${ok ? 'ok' : 'MISSED'}; cue starts median ${fmt(quantile(errors, 0.5)).trim()} p90 ${fmt(quantile(errors, 0.9)).trim()} s`);
}
process.exitCode = missed ? 1 : 0;
