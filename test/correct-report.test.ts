// The human corrections log (src/report/text.ts) and its colours on the command line.

import { describe, expect, it } from 'vitest';
import { formatReport, PLAIN } from '../src/report/text.js';
import { reportStyleForStderr } from '../src/cli/commands/report.js';
import type { Correction } from '../src/types.js';

const corrections: Correction[] = [
  { line: 455, column: 19, from: 'guild', to: 'GIL', kind: 'term', rule: 'GIL, variant', confidence: 1 },
  { line: 3, column: 14, from: '，', to: ',', kind: 'punctuation', rule: 'fullwidth-comma', confidence: 1 },
  { line: 419, column: 22, from: 'gill', to: 'GIL', kind: 'term', rule: 'GIL, variant', confidence: 1 },
  { line: 1099, column: 25, from: 'Neuigabauer', to: 'Neugebauer', kind: 'name', rule: 'Christopher Neugebauer, fuzzy', confidence: 0.91 },
  { line: 9, column: 2, from: 'The', to: 'the', kind: 'case', rule: 'continuation-case', confidence: 0.9 },
];

describe('the corrections log', () => {
  it('lists changed words in source order, with the confidence of fuzzy fixes, then counts the rest', () => {
    expect(formatReport('talk.md', corrections)).toEqual([
      'talk.md:9:2  The → the  (continuation-case)',
      'talk.md:419:22  gill → GIL  (GIL, variant)',
      'talk.md:455:19  guild → GIL  (GIL, variant)',
      'talk.md:1099:25  Neuigabauer → Neugebauer  (Christopher Neugebauer, fuzzy, 0.91)',
      "talk.md: 1 punctuation repair not listed (see the JSON output's corrections)",
    ]);
  });

  it('applies a style to each part', () => {
    const style = { where: (t: string) => `<${t}>`, from: (t: string) => `-${t}`, to: (t: string) => `+${t}`, rule: (t: string) => `[${t}]` };
    expect(formatReport('t.md', corrections.slice(2, 3), style)).toEqual(['<t.md:419:22>  -gill → +GIL  [(GIL, variant)]']);
  });

  it('is plain when NO_COLOR is set or stderr is not a terminal', () => {
    const saved = process.env.NO_COLOR;
    process.env.NO_COLOR = '1';
    try {
      expect(reportStyleForStderr()).toBe(PLAIN);
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
    if (!process.stderr.isTTY) expect(reportStyleForStderr()).toBe(PLAIN);
  });
});
