// Batch speed: 200 copies of the example built with --jobs 2 (budget ≤ 15 s) and with --jobs 1
// (--jobs 2 must be at least 1.6× faster). Medians of BENCH_RUNS runs (default 5), alternating.
// For reference, the most any --jobs 2 could gain on this machine: two separate processes, each
// building half the copies with --jobs 1 at the same time (nothing shared, nothing to hand over).

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
const halves = [join(work, 'half-a'), join(work, 'half-b')];
for (const half of halves) mkdirSync(half);
for (let i = 0; i < COPIES; i++) {
  const name = `talk-${String(i).padStart(3, '0')}.md`;
  copyFileSync(example, join(input, name));
  copyFileSync(example, join(halves[i % 2], name));
}
const bin = join(root, 'bin/captions.js');
const build = (jobs) => [process.execPath, [bin, 'build', input, '-o', join(work, `out-${jobs}`), '--jobs', String(jobs), '-q']];
const quote = (s) => `'${s.replace(/'/g, `'\\''`)}'`;
const halfRun = (half, k) => `${quote(process.execPath)} ${quote(bin)} build ${quote(half)} -o ${quote(join(work, `out-half-${k}`))} --jobs 1 -q`;
// (each half's status is waited for, so a failing half fails the benchmark)
const twoProcesses = ['sh', ['-c', `${halfRun(halves[0], 0)} & a=$!; ${halfRun(halves[1], 1)} & b=$!; wait $a && wait $b`]];

const [two, one, separate] = medians([build(2), build(1), twoProcesses], RUNS);
console.log(`${COPIES} copies of the example, vtt and srt; medians of ${RUNS} runs`);
const fast = report('--jobs 2', two, 15, ' s');
report('--jobs 1', one, undefined, ' s');
const speedup = one / two;
const scales = speedup >= 1.6;
console.log(`${'speed-up of --jobs 2 over --jobs 1'.padEnd(52)} ${speedup.toFixed(2)}×  ${scales ? 'ok' : 'BELOW BUDGET'} (budget ≥ 1.6×)`);
report('two processes, half the copies each (reference)', separate, undefined, ' s');
console.log(`${'  the most two jobs can gain here'.padEnd(52)} ${(one / separate).toFixed(2)}×`);
rmSync(work, { recursive: true, force: true });
process.exitCode = fast && scales ? 0 : 1;
