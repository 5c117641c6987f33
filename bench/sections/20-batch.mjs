// Batch speed: 200 copies of the example built with --jobs 2 (budget ≤ 15 s) and with --jobs 1
// (--jobs 2 must be at least 1.6× faster). Medians of BENCH_RUNS runs (default 5), the two alternating.

import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const COPIES = 200;

const work = mkdtempSync(join(tmpdir(), 'captions-bench-batch-'));
const input = join(work, 'talks');
mkdirSync(input);
for (let i = 0; i < COPIES; i++) copyFileSync(example, join(input, `talk-${String(i).padStart(3, '0')}.md`));
const build = (jobs) => [process.execPath, [join(root, 'bin/captions.js'), 'build', input, '-o', join(work, `out-${jobs}`), '--jobs', String(jobs), '-q']];

const [two, one] = medians([build(2), build(1)], RUNS);
console.log(`${COPIES} copies of the example, vtt and srt; medians of ${RUNS} runs`);
const fast = report('--jobs 2', two, 15, ' s');
report('--jobs 1', one, undefined, ' s');
const speedup = one / two;
const scales = speedup >= 1.6;
console.log(`${'speed-up of --jobs 2 over --jobs 1'.padEnd(52)} ${speedup.toFixed(2)}×  ${scales ? 'ok' : 'BELOW BUDGET'} (budget ≥ 1.6×)`);
rmSync(work, { recursive: true, force: true });
process.exitCode = fast && scales ? 0 : 1;
