// npm run bench: term correction must scale with an index, not with comparisons. The example is
// built with a generated 10,000-entry dictionary (merged over the default) and with the default alone.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDictionary } from '../generated-dictionary.mjs';
import { mediansWithCpu, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const out = mkdtempSync(join(tmpdir(), 'captions-bench-dict-'));
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const ENTRIES = 10_000;

const dictionary = join(out, 'generated.json');
writeFileSync(dictionary, JSON.stringify(generatedDictionary(ENTRIES)));

const build = (extra, checkout = root) => [process.execPath, [join(checkout, 'bin/captions.js'), 'build', example, '-o', out, '-f', 'vtt,srt,json,txt', '--quiet', ...extra]];
// BENCH_BASE=<another checkout, built>: its two builds are timed in the same runs, alternating
const base = process.env.BENCH_BASE;
const others = base ? [build([], base), build(['-d', dictionary], base)] : [];
const [withDefault, withGenerated, baseDefault, baseGenerated] = mediansWithCpu([build([]), build(['-d', dictionary]), ...others], RUNS);
console.log(`the example with the default dictionary vs. ${ENTRIES.toLocaleString('en')} more entries; medians of ${RUNS} cold runs (wall time; CPU time, all threads)`);
const both = (m) => `${m.wall.toFixed(3)} s; CPU ${m.cpu.toFixed(3)}`;
report('build, default dictionary', both(withDefault), undefined, ' s');
report(`build, default + ${ENTRIES} generated entries`, both(withGenerated), undefined, ' s');
report('CPU ratio generated / default', withGenerated.cpu / withDefault.cpu, undefined, '×');
if (base) {
  report(`${base}: build, default dictionary`, both(baseDefault), undefined, ' s');
  report(`${base}: build, default + generated`, both(baseGenerated), undefined, ' s');
  report(`${base}: ratio generated / default`, baseGenerated.wall / baseDefault.wall, undefined, '×');
  report(`${base}: CPU ratio generated / default`, baseGenerated.cpu / baseDefault.cpu, undefined, '×');
  report('CPU ratio this default / that default', withDefault.cpu / baseDefault.cpu, undefined, '×');
}
const ok = report('ratio generated / default', withGenerated.wall / withDefault.wall, 1.5, '×');
process.exitCode = ok ? 0 : 1;
