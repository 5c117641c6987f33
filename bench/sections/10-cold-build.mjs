// npm run bench: the cold-start budget of `captions build` on the shipped example.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, mediansWithCpu, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// BENCH_BASE=<another checkout, built>: its build is timed in the same runs, alternating, to compare
const base = process.env.BENCH_BASE;
const buildWith = (checkout) => [process.execPath, [join(checkout, 'bin/captions.js'), 'build', example, '-o', mkdtempSync(join(tmpdir(), 'captions-bench-')), '-f', 'vtt,srt,json,txt', '--quiet']];
const [baseline, build, previous] = medians([[process.execPath, ['-e', '']], buildWith(root), ...(base ? [buildWith(base)] : [])], RUNS);
console.log(`cold build of the example, all formats; medians of ${RUNS} runs`);
report("node -e '' (baseline)", baseline, undefined, ' s');
report('captions build example -f vtt,srt,json,txt', build, undefined, ' s');
if (base) {
  report(`the same, built by ${base}`, previous, undefined, ' s');
  report('ratio this build / that build', build / previous, undefined, '×');
  // CPU time, which the machine's other load disturbs less, in runs of their own
  const [mine, theirs] = mediansWithCpu([buildWith(root), buildWith(base)], RUNS);
  report('CPU time, this build / that build', `${mine.cpu.toFixed(3)} s / ${theirs.cpu.toFixed(3)} s = ${(mine.cpu / theirs.cpu).toFixed(3)}`, undefined, '×');
}
const ok = report('ratio build / baseline', build / baseline, 7, '×');
process.exitCode = ok ? 0 : 1;
