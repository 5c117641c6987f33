// The aligner on hard-wrapped transcripts: each set's text as one paragraph wrapped at WIDTH
// columns (default 60), so line breaks fall anywhere. Cue-start error (median, p90) of every set,
// to compare with `npm run bench:audio`, where each cue is a paragraph. See docs/audio.md.
// `node bench/audio-wrapped.mjs` after a build.

import { join } from 'node:path';
import { audioDir, quantile, realSets } from './audio-lib.mjs';
import { available, cacheDir, makeTalk, syntheticSpecs } from './audio-synth.mjs';
import { decodeAudio } from '../dist/audio/decode.js';
import { buildFromText } from '../dist/pipeline.js';

const WIDTH = Number(process.env.WIDTH ?? 60);

/** The cues' words wrapped at `width` columns, and the index of each cue's first word. */
function wrapped(cues, width) {
  const lines = [];
  const firstWord = [];
  let line = '';
  let count = 0;
  for (const cue of cues) {
    cue.text.split(/\s+/).filter(Boolean).forEach((word, i) => {
      if (i === 0) firstWord.push(count);
      count++;
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    });
  }
  if (line) lines.push(line);
  return { text: `# timed recording\n\n${lines.join('\n')}\n`, firstWord };
}

if (!available('ffmpeg')) {
  console.log('ffmpeg is not installed; skipped');
  process.exit(0);
}
const sets = [];
const dir = audioDir();
if (dir) sets.push(...realSets(dir).filter((s) => s.trust === 'human'));
for (const spec of syntheticSpecs()) {
  if (!spec.needs.every(available) || !available('sox')) continue;
  const media = join(cacheDir(), `${spec.name}.wav`);
  sets.push({ name: spec.name, media, cues: makeTalk({ ...spec, path: media }) });
}
console.log(`cue-start error, transcripts wrapped at ${WIDTH} columns (one paragraph):`);
for (const set of sets) {
  const features = await decodeAudio(set.media);
  const { text, firstWord } = wrapped(set.cues, WIDTH);
  const doc = buildFromText(text, set.name, { audio: { features, media: set.media }, detectSpeakers: false });
  // Each cue's first word in the build: the build may join or drop a token ("-"), so it is looked
  // for by its text near where it was written, allowing for the shift so far.
  const texts = doc.words.texts;
  let shift = 0;
  const errors = [];
  set.cues.forEach((cue, i) => {
    const first = cue.text.split(/\s+/).find(Boolean);
    const near = [0, -1, 1, -2, 2, -3, 3].map((d) => firstWord[i] + shift + d).find((k) => texts[k] === first);
    if (near === undefined) return;
    shift = near - firstWord[i];
    if (cue.scored !== false) errors.push(Math.abs(doc.words.starts[near] - cue.start));
  });
  console.log(`  ${set.name.padEnd(28)} ${String(errors.length).padStart(4)} ${quantile(errors, 0.5).toFixed(2).padStart(6)} ${quantile(errors, 0.9).toFixed(2).padStart(6)}`);
}
