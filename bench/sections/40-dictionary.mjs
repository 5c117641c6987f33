// npm run bench: term correction must scale with an index, not with comparisons. The example is
// built with a generated 10,000-entry dictionary (merged over the default) and with the default alone.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const out = mkdtempSync(join(tmpdir(), 'captions-bench-dict-'));
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const ENTRIES = 10_000;

// Made-up terms from syllables, deterministic: a third with a two-word variant, a fifth with context
// words, all open to fuzzy matching, so that every index of the matcher is filled.
const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 'ter', 'van', 'pol', 'rix', 'sen', 'dor', 'bre', 'quo', 'tal', 'ny', 'fex', 'gru', 'hep', 'jin', 'wol', 'syd'];
function word(n, parts) {
  let w = '';
  for (let i = 0; i < parts; i++) {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return w;
}
const entries = [];
for (let i = 0; i < ENTRIES; i++) {
  const stem = word(i + 8000, 4);
  const term = stem[0].toUpperCase() + stem.slice(1) + 'ix';
  const variants = [stem + 'ex', `${stem.slice(0, 4)} ${stem.slice(4)}ix`];
  const entry = { term, variants };
  if (i % 3 === 0) variants.push(`${stem} ix module`);
  if (i % 5 === 0) entry.context = ['python', 'package', 'library'];
  entries.push(entry);
}
const dictionary = join(out, 'generated.json');
writeFileSync(dictionary, JSON.stringify({ entries }));

const build = (extra) => [process.execPath, [join(root, 'bin/captions.js'), 'build', example, '-o', out, '-f', 'vtt,srt,json,txt', '--quiet', ...extra]];
const [withDefault, withGenerated] = medians([build([]), build(['-d', dictionary])], RUNS);
console.log(`the example with the default dictionary vs. ${ENTRIES.toLocaleString('en')} more entries; medians of ${RUNS} cold runs`);
report('build, default dictionary', withDefault, undefined, ' s');
report(`build, default + ${ENTRIES} generated entries`, withGenerated, undefined, ' s');
const ok = report('ratio generated / default', withGenerated / withDefault, 1.3, '×');
process.exitCode = ok ? 0 : 1;
