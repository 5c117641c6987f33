// Where the alignment's error on the real recordings comes from: for each scored cue, the signed
// error of its start, the pause the voice detector found nearest the true start (its end against
// the true start, and its length), and the loudness of the frames there. `node bench/audio-diagnose.mjs`
// after a build; see docs/audio.md.

import { audioDir, cueStartErrors, realSets, transcriptOf } from './audio-lib.mjs';
import { decodeAudio } from '../dist/audio/decode.js';
import { detectVoice } from '../dist/audio/voice.js';
import { buildFromText } from '../dist/pipeline.js';

const dir = audioDir();
if (!dir) {
  console.log('no ../shared/audio folder (or AUDIO_DIR): nothing to diagnose');
  process.exit(0);
}
const only = process.argv[2];
for (const set of realSets(dir)) {
  if (only && !set.name.includes(only)) continue;
  const { text, lineOfCue } = transcriptOf(set.cues);
  const features = await decodeAudio(set.media);
  const voice = detectVoice(features);
  const doc = buildFromText(text, set.name, { audio: { features, media: set.media }, detectSpeakers: false });
  const errors = cueStartErrors(doc, set.cues, lineOfCue);
  console.log(`\n${set.name}: ${voice.pauses.length} pauses, speech ${voice.speechSeconds.toFixed(1)} of ${features.duration.toFixed(1)} s`);
  console.log(' cue   true    est  signed | nearest onset  Δ(onset−true) pause-len | text');
  for (const e of errors) {
    const cue = set.cues[e.cue];
    let best = null;
    for (const p of voice.pauses) if (!best || Math.abs(p.end - cue.start) < Math.abs(best.end - cue.start)) best = p;
    const onset = best ? best.end : NaN;
    console.log(`${String(e.cue).padStart(4)} ${cue.start.toFixed(2).padStart(6)} ${(cue.start + e.signed).toFixed(2).padStart(6)} ${e.signed.toFixed(2).padStart(6)} | ${onset.toFixed(2).padStart(8)} ${(onset - cue.start).toFixed(2).padStart(8)} ${best ? (best.end - best.start).toFixed(2).padStart(8) : ''} | ${cue.text.slice(0, 50)}`);
  }
}
