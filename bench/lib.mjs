// Small helpers for the benchmarks: wall-clock medians of whole commands, run cold each time.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CPU_HOOK = fileURLToPath(new URL('./cpu-time.cjs', import.meta.url));

export function timeCommand(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], ...options });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0 && !options.allowFailure) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  return seconds;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Alternates the commands run after run, so that drift in machine load hits them alike. */
export function medians(commands, runs = 5) {
  const samples = commands.map(() => []);
  for (let r = 0; r < runs; r++) commands.forEach(([cmd, args, opts], i) => samples[i].push(timeCommand(cmd, args, opts)));
  return samples.map(median);
}

/**
 * Like `medians`, for node commands: each command's median wall time and median CPU time (user and
 * system, all threads, in seconds), alternating the commands run after run.
 */
export function mediansWithCpu(commands, runs = 5) {
  const wall = commands.map(() => []);
  const cpu = commands.map(() => []);
  for (let r = 0; r < runs; r++) {
    commands.forEach(([cmd, args], i) => {
      const start = process.hrtime.bigint();
      const run = spawnSync(cmd, ['--require', CPU_HOOK, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      wall[i].push(Number(process.hrtime.bigint() - start) / 1e9);
      if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${run.stderr}`);
      cpu[i].push(Number(/cpu-us (\d+)/.exec(run.stderr)?.[1]) / 1e6);
    });
  }
  return commands.map((_, i) => ({ wall: median(wall[i]), cpu: median(cpu[i]) }));
}

export function report(name, value, budget, unit = '') {
  const ok = budget === undefined ? '' : value <= budget ? `  ok (budget ≤ ${budget}${unit})` : `  OVER BUDGET (≤ ${budget}${unit})`;
  console.log(`${name.padEnd(52)} ${typeof value === 'number' ? value.toFixed(3) : value}${unit}${ok}`);
  return budget === undefined || value <= budget;
}
