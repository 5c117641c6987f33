// The text rules measured on the annotated corpus: each repair's evidence must be right at least 90%
// of the time, and the figures must not fall below those recorded in docs/text-eval.md.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module without types
import { corpusDir, evaluateText } from '../scripts/eval/text.mjs';
import { cleanText } from '../src/clean-text.js';
import { parseTranscript } from '../src/read/transcript.js';

const corpus: string | null = corpusDir();

describe.skipIf(!corpus)('text rules on the annotated corpus', () => {
  it('every piece of evidence that drops a stop or a comma is right at least 90% of the time', async () => {
    const { totals } = await evaluateText(corpus, join(__dirname, 'fixtures/corpus-text-gold'), { clean: cleanText, parse: parseTranscript });
    const byRule = Object.fromEntries(totals.all.map((r: { rule: string }) => [r.rule, r]));
    for (const r of totals.all.filter((x: { rule: string }) => /dropped:/.test(x.rule))) expect(r.precision, r.rule).toBeGreaterThanOrEqual(0.9);
    expect(byRule['comma (precision/recall of drop)'].accuracy).toBeGreaterThanOrEqual(0.9);
    expect(byRule['line-final stop (precision/recall of drop)'].precision).toBeGreaterThanOrEqual(0.95);
    expect(byRule['line-final stop (precision/recall of drop)'].accuracy).toBeGreaterThanOrEqual(0.95);
    expect(byRule['split-token rebuilt exactly'].correct).toBeGreaterThanOrEqual(95);
  }, 60_000);
});

if (!corpus) console.log('text-eval: no ../shared/corpus (or CAPTIONS_SHARED); skipped');
