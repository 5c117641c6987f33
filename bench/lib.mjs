// Small helpers for the benchmarks: wall-clock medians of whole commands, run cold each time.

import { spawnSync } from 'node:child_process';

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

export function report(name, value, budget, unit = '') {
  const ok = budget === undefined ? '' : value <= budget ? `  ok (budget ≤ ${budget}${unit})` : `  OVER BUDGET (≤ ${budget}${unit})`;
  console.log(`${name.padEnd(52)} ${typeof value === 'number' ? value.toFixed(3) : value}${unit}${ok}`);
  return budget === undefined || value <= budget;
}
