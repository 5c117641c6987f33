// The normalizer's decisions against the text gold written by reading (test/fixtures/corpus-text-gold):
// line-final stops, commas, case and split tokens, each piece of evidence on its own row.

import { join } from 'node:path';
import { corpusDir, evaluateText, formatRows } from '../../scripts/eval/text.mjs';
import { ROOT } from '../corpus.mjs';

export const title = 'text rules (sentence ends, commas, split tokens)';

export async function run() {
  const dir = corpusDir();
  if (!dir) return ['skipped: no ../shared/corpus'];
  const { totals } = await evaluateText(dir, join(ROOT, 'test/fixtures/corpus-text-gold'));
  return ['Development half', formatRows(totals.dev), '', 'Held-out half', formatRows(totals.heldOut), '', 'All annotated files', formatRows(totals.all)];
}
