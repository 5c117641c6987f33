// npm run bench: runs every section in bench/sections in name order, each in its own process so that
// one section's memory and warm caches do not colour the next. Exits 1 if any budget is missed.
// `npm run bench -- <word>` runs only the sections whose file name contains that word.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sections = fileURLToPath(new URL('./sections', import.meta.url));
const filter = process.argv[2];
let failed = 0;
for (const file of readdirSync(sections).filter((f) => f.endsWith('.mjs')).sort()) {
  if (filter && !file.includes(filter)) continue;
  console.log(`\n## ${file.replace(/^\d+-/, '').replace(/\.mjs$/, '')}`);
  const run = spawnSync(process.execPath, [join(sections, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
