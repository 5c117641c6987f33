// Term and name fixes against the term gold written by reading (test/fixtures/corpus-terms-gold):
// recall, fixes made and false fixes per 5,000 words, for each half of the gold and in all.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { evalTerms, totals } from '../../scripts/eval/terms.mjs';
import { ROOT, corpusDir } from '../corpus.mjs';

export const title = 'term fixes (every false fix: npm run eval:terms)';

export async function run() {
  const dir = corpusDir();
  if (!dir) return ['skipped: no ../shared/corpus'];
  const { buildFromText } = await import(pathToFileURL(join(ROOT, 'dist/pipeline.js')).href);
  const rows = evalTerms({ corpusDir: dir, goldDir: join(ROOT, 'test/fixtures/corpus-terms-gold'), build: buildFromText });
  const lines = ['| gold | files | words | occurrences | fixed | recall | fixes made | false fixes | per 5,000 words |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'];
  for (const half of ['development', 'held-out', undefined]) {
    const t = totals(rows, half);
    if (!t.files) continue;
    const recall = t.gold ? `${((100 * t.fixed) / t.gold).toFixed(1)}%` : '–';
    lines.push(`| ${half ?? 'all'} | ${t.files} | ${t.words} | ${t.gold} | ${t.fixed} | ${recall} | ${t.fixesMade} | ${t.falseFixes} | ${t.per5000.toFixed(2)} |`);
  }
  return lines;
}
