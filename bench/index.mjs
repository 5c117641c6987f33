// npm run bench: runs every section in bench/sections in name order, each in its own process so that
// one section's memory and warm caches do not colour the next. Exits 1 if any budget is missed.
// `npm run bench -- <word>` runs only the sections whose file name contains that word. The figures
// are printed and also written to docs/bench-latest.md (BENCH_OUT=<file> elsewhere, BENCH_OUT=- not
// at all), so that no one copies them into the README by hand.

import { spawnSync } from 'node:child_process';
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sections = fileURLToPath(new URL('./sections', import.meta.url));
const filter = process.argv[2];
const out = process.env.BENCH_OUT ?? fileURLToPath(new URL('../docs/bench-latest.md', import.meta.url));
const report = [];
let failed = 0;
for (const file of readdirSync(sections).filter((f) => f.endsWith('.mjs')).sort()) {
  if (filter && !file.includes(filter)) continue;
  const title = `\n## ${file.replace(/^\d+-/, '').replace(/\.mjs$/, '')}`;
  console.log(title);
  const run = spawnSync(process.execPath, [join(sections, file)], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(run.stdout);
  report.push(title, '', '```', run.stdout.trimEnd(), '```');
  if (run.status !== 0) failed++;
}
if (out !== '-') {
  const header = [
    '# Latest benchmark figures',
    '',
    `Written by \`npm run bench${filter ? ` -- ${filter}` : ''}\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: Node ${process.version},`,
    `${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} when it ended. Budgets and what the figures mean: docs/benchmarks.md.`,
  ];
  writeFileSync(`${out}.tmp`, `${[...header, ...report].join('\n')}\n`);
  renameSync(`${out}.tmp`, out);
  console.log(`\nfigures written to ${out}`);
}
process.exitCode = failed ? 1 : 0;
