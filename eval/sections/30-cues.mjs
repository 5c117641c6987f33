// Cue and line breaking over the whole corpus: lines ending on an article, tight phrases split,
// fragment cues, sentences cut at a slide marker with no known time (no gold needed: counts).

import { corpusDir } from '../../scripts/eval/text.mjs';
import { evaluateCues } from '../../scripts/eval/cues.mjs';

export const title = 'cue breaking (whole corpus, Netflix profile)';

export async function run() {
  const dir = corpusDir();
  if (!dir) return ['skipped: no ../shared/corpus'];
  const { totals } = await evaluateCues(dir);
  const share = totals.cues ? ((totals.fragmentCues / totals.cues) * 100).toFixed(2) : '–';
  return [...Object.entries(totals).map(([k, v]) => `${k.padEnd(28)} ${v}`), `${'fragment share'.padEnd(28)} ${share}%`];
}
