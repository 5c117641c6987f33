// npm run bench:timing: how close the estimated cue start times come to human timing, on the real
// timed captions in ../shared/timing (see bench/timing-lib.mjs), with a known marker every 60 s,
// every 180 s, or only the video's length known; beside the naive model (time in proportion to
// characters between the same known points).

import { measure, quantile, timingDir, timingFiles } from './timing-lib.mjs';

const dir = timingDir();
if (!dir) {
  console.log('bench:timing: no ../shared/timing folder (or TIMING_DIR) with timed captions; skipped');
  process.exit(0);
}
const files = timingFiles(dir);
const CONFIGS = [
  { name: 'anchor every 60 s', every: 60, goal: { median: 0.7, p90: 2.0 } },
  { name: 'anchor every 180 s', every: 180 },
  { name: 'duration only', every: Infinity, goal: { median: 3.5 } },
  { name: 'duration and speech start (--offset) known', every: Infinity, offset: true },
];

const fmt = (x) => x.toFixed(2).padStart(6);
console.log(`timing: ${files.length} files from ${dir}; |estimated − true| cue start, seconds`);
console.log(`${'configuration / file'.padEnd(58)} ${'cues'.padStart(5)}  model median    p90   naive median    p90`);
let missed = 0;
for (const config of CONFIGS) {
  const all = { model: [], naive: [] };
  for (const file of files) {
    const r = measure(file.text, config.every, undefined, config.offset);
    all.model.push(...r.model);
    all.naive.push(...r.naive);
    const note = r.mismatches ? `  (${r.mismatches} cues not matched word for word)` : '';
    console.log(`  ${file.name.slice(0, 56).padEnd(56)} ${String(r.model.length).padStart(5)}  ${fmt(quantile(r.model, 0.5))} ${fmt(quantile(r.model, 0.9))}   ${fmt(quantile(r.naive, 0.5))} ${fmt(quantile(r.naive, 0.9))}${note}`);
  }
  const median = quantile(all.model, 0.5);
  const p90 = quantile(all.model, 0.9);
  const goals = [];
  if (config.goal?.median !== undefined) goals.push(`median ≤ ${config.goal.median}: ${median <= config.goal.median ? 'ok' : 'MISSED'}`);
  if (config.goal?.p90 !== undefined) goals.push(`p90 ≤ ${config.goal.p90}: ${p90 <= config.goal.p90 ? 'ok' : 'MISSED'}`);
  missed += goals.filter((g) => g.endsWith('MISSED')).length;
  console.log(`${config.name.padEnd(58)} ${String(all.model.length).padStart(5)}  ${fmt(median)} ${fmt(p90)}   ${fmt(quantile(all.naive, 0.5))} ${fmt(quantile(all.naive, 0.9))}  ${goals.join(', ')}`);
}
process.exitCode = missed ? 1 : 0;
