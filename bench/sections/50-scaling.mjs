// Growth with input size: the example 1×, 10× and 100× over as one file. Time may grow at most
// linearly (10× the input in at most 10.5× the time), and the 100× file must peak under 300 MB.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, medians, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = readFileSync(join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md'), 'utf8');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const work = mkdtempSync(join(tmpdir(), 'captions-bench-scale-'));
const [title, ...body] = example.split('\n');
const sizes = [1, 10, 100];
const files = sizes.map((n) => {
  const file = join(work, `x${n}.md`);
  writeFileSync(file, [title, ...Array.from({ length: n }, () => body.join('\n'))].join('\n'));
  return file;
});
/** @type {(file: string) => [string, string[]]} */
const build = (file) => [process.execPath, [join(root, 'bin/captions.js'), 'build', file, '-o', join(work, 'out'), '-q']];

const [baseline, ...times] = medians([[process.execPath, ['-e', '']], ...files.map(build)], RUNS);
console.log(`the example as one file, 1×, 10× and 100×, vtt and srt; medians of ${RUNS} runs`);
report("node -e '' (baseline)", baseline, undefined, ' s');
sizes.forEach((n, i) => report(`${n}× (${(readFileSync(files[i]).length / 1e6).toFixed(1)} MB)`, times[i], undefined, ' s'));
const linear10 = report('time 10× / 1×', times[1] / times[0], 10.5, '×');
const linear100 = report('time 100× / 10×', times[2] / times[1], 10.5, '×');

const peaks = Array.from({ length: Math.min(RUNS, 3) }, () => {
  const [cmd, args] = build(files[2]);
  const run = spawnSync(cmd, ['--require', join(root, 'bench/peak-rss.cjs'), ...args], { encoding: 'utf8' });
  return Number(/peak-rss-kb (\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
});
const memory = report('peak memory, 100× file', median(peaks), 300, ' MB');
rmSync(work, { recursive: true, force: true });
process.exitCode = linear10 && linear100 && memory ? 0 : 1;
