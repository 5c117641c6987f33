// npm run bench: term correction must scale with an index, not with comparisons. The example is
// built with a generated 10,000-entry dictionary (merged over the default) and with the default alone.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedDictionary } from '../generated-dictionary.mjs';
import { medians, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const out = mkdtempSync(join(tmpdir(), 'captions-bench-dict-'));
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const ENTRIES = 10_000;

const dictionary = join(out, 'generated.json');
writeFileSync(dictionary, JSON.stringify(generatedDictionary(ENTRIES)));

const build = (extra) => [process.execPath, [join(root, 'bin/captions.js'), 'build', example, '-o', out, '-f', 'vtt,srt,json,txt', '--quiet', ...extra]];
const [withDefault, withGenerated] = medians([build([]), build(['-d', dictionary])], RUNS);
console.log(`the example with the default dictionary vs. ${ENTRIES.toLocaleString('en')} more entries; medians of ${RUNS} cold runs`);
report('build, default dictionary', withDefault, undefined, ' s');
report(`build, default + ${ENTRIES} generated entries`, withGenerated, undefined, ' s');
const ok = report('ratio generated / default', withGenerated / withDefault, 1.5, '×');
process.exitCode = ok ? 0 : 1;
