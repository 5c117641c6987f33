// npm run eval:terms: prints the terms section of the evaluation (scripts/eval/terms.mjs) over the
// corpus in ../shared/corpus. `-- --fixes` also lists every fix made in files without gold, and
// `-- --missed` the gold occurrences left unfixed. Skips with a message when the corpus is absent.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFromText } from '../dist/pipeline.js';
import { evalTerms, sharedDir, totals } from './eval/terms.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = sharedDir();
if (!shared) {
  console.log('eval:terms: no ../shared/corpus (or CAPTIONS_SHARED) found; skipped');
  process.exit(0);
}
const args = new Set(process.argv.slice(2));
/** @type {any[]} rows of files with gold and without (see scripts/eval/terms.mjs) */
const rows = evalTerms({ corpusDir: join(shared, 'corpus'), goldDir: join(root, 'test/fixtures/corpus-terms-gold'), build: buildFromText });

const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
console.log(`${'file'.padEnd(58)} ${'half'.padEnd(11)} ${'words'.padStart(6)} ${'gold'.padStart(5)} ${'fixed'.padStart(5)} ${'recall'.padStart(7)} ${'fixes'.padStart(5)} ${'false'.padStart(5)} ${'/5k'.padStart(5)}`);
for (const r of rows.filter((r) => r.gold !== null)) {
  console.log(`${r.file.padEnd(58)} ${r.half.padEnd(11)} ${String(r.words).padStart(6)} ${String(r.gold).padStart(5)} ${String(r.fixed).padStart(5)} ${pct(r.fixed, r.gold).padStart(7)} ${String(r.fixesMade).padStart(5)} ${String(r.falseFixes.length).padStart(5)} ${((r.falseFixes.length * 5000) / r.words).toFixed(2).padStart(5)}`);
}
for (const half of ['development', 'held-out', undefined]) {
  const t = totals(rows, half);
  if (!t.files) continue;
  console.log(`${`total ${half ?? 'all gold'} (${t.files} files)`.padEnd(70)} ${String(t.words).padStart(6)} ${String(t.gold).padStart(5)} ${String(t.fixed).padStart(5)} ${pct(t.fixed, t.gold).padStart(7)} ${String(t.fixesMade).padStart(5)} ${String(t.falseFixes).padStart(5)} ${t.per5000.toFixed(2).padStart(5)}`);
}
const byRule = {};
for (const r of rows.filter((r) => r.gold !== null)) for (const [how, n] of Object.entries(r.byRule)) byRule[how] = (byRule[how] ?? 0) + n;
console.log(`gold fixes by rule: ${Object.entries(byRule).sort((a, b) => b[1] - a[1]).map(([how, n]) => `${how} ${n}`).join(', ')}`);
const other = rows.filter((r) => r.gold === null);
const otherWords = other.reduce((n, r) => n + r.words, 0);
const otherFixes = other.reduce((n, r) => n + r.fixes.length, 0);
console.log(`files without gold: ${other.length}, ${otherWords} words, ${otherFixes} fixes (${((otherFixes * 5000) / otherWords).toFixed(2)} per 5,000 words; judged by reading: -- --fixes)`);
console.log('\nfalse fixes (gold files):');
for (const r of rows.filter((r) => r.gold !== null)) for (const f of r.falseFixes) console.log(`  ${r.file}:${f.line}  ${f.from} → ${f.to}  (${f.rule}; ${f.why})`);
if (args.has('--missed')) {
  console.log('\nmissed (gold files):');
  for (const r of rows.filter((r) => r.gold !== null)) for (const m of r.missed) console.log(`  ${r.file}:${m.line}  ${m.heard} → ${m.correct}`);
}
if (args.has('--fixes')) {
  console.log('\nfixes in files without gold:');
  for (const r of other) for (const f of r.fixes) console.log(`  ${r.file}:${f.line}  ${f.from} → ${f.to}  (${f.rule})`);
}
