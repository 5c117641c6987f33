// Checks that this build writes the same bytes as another checkout's build (given as its root,
// built already): every output of the shipped example, with the built-in dictionary, with a
// generated 10,000-entry dictionary over it, and with the example's roster. Exits 1 on a difference.
//   node scripts/compare-outputs.mjs <other checkout>

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDictionary } from '../bench/generated-dictionary.mjs';

const here = fileURLToPath(new URL('..', import.meta.url));
const other = process.argv[2] && resolve(process.argv[2]);
if (!other) {
  console.error('usage: node scripts/compare-outputs.mjs <other checkout>');
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'captions-compare-'));
const example = join(here, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const dictionary = join(work, 'generated.json');
writeFileSync(dictionary, JSON.stringify(generatedDictionary(10_000)));
const roster = join(here, 'test/fixtures/example-roster.yaml');

const cases = {
  default: [],
  generated: ['-d', dictionary],
  roster: ['--speakers', roster],
};

/** Every file one build writes, with what it printed, by name. */
function outputs(root, name, extra) {
  const dir = join(work, `${name}-${root === here ? 'this' : 'other'}`);
  const args = [join(root, 'bin/captions.js'), 'build', example, '-o', dir, '-f', 'vtt,srt,json,txt', '--json', '--report', join(dir, 'report.html'), ...extra];
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const log = spawnSync(process.execPath, [...args.slice(0, -extra.length - 2), '--report', join(dir, 'changes.log'), ...extra], { encoding: 'utf8' });
  const files = { status: String(run.status), stdout: run.stdout.replaceAll(dir, '<out>'), stderr: run.stderr.replaceAll(dir, '<out>'), logStatus: String(log.status) };
  for (const file of readdirSync(dir).sort()) files[file] = readFileSync(join(dir, file), 'latin1');
  return files;
}

let differences = 0;
for (const [name, extra] of Object.entries(cases)) {
  const mine = outputs(here, name, extra);
  const theirs = outputs(other, name, extra);
  const names = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].sort();
  const differing = names.filter((file) => mine[file] !== theirs[file]);
  differences += differing.length;
  const files = names.filter((n) => !['status', 'stdout', 'stderr', 'logStatus'].includes(n));
  console.log(`${name}: ${differing.length ? `DIFFERENT ${differing.join(', ')}` : 'identical'} (${files.join(', ')}; exit status, stdout, stderr)`);
}
process.exitCode = differences ? 1 : 0;
