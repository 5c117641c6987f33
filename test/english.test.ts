// The English word check bisects the word list on disk; it must agree with the list read whole.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEnglish } from '../src/correct/english.js';

const require = createRequire(import.meta.url);
const LINES = readFileSync(join(dirname(require.resolve('word-list')), 'words.txt'), 'latin1').split('\n').filter(Boolean);
const WORDS = new Set(LINES);

describe('isEnglish', () => {
  it('finds the first, the last and every 137th word of the list, in any casing', () => {
    const sample = [LINES[0], LINES[1], LINES[LINES.length - 2], LINES[LINES.length - 1], ...LINES.filter((_, i) => i % 137 === 0)];
    expect(sample.length).toBeGreaterThan(2000);
    for (const word of sample) expect(isEnglish(word), word).toBe(true);
    expect(isEnglish('Python')).toBe(true);
    expect(isEnglish('GILL')).toBe(true);
  });

  it('agrees with the whole list on words next to listed ones and on made-up ones', () => {
    const probes = LINES.filter((_, i) => i % 251 === 0).flatMap((w) => [w + 'q', w.slice(0, -1), 'a' + w, w + 's', w.replace(/[aeiou]/, 'x')]);
    probes.push('', 'zzzzzzzz', 'aaaaaa', 'samhgre', 'psycadep', 'neuigabauer', 'jeff', 'diamond', 'manabu', 'abalonť', 'abateų', 'café', 'naïve', 'a b', 'manlihood', 'sharrowed');
    expect(probes.length).toBeGreaterThan(5000);
    const disagreements = probes.filter((w) => isEnglish(w) !== (w !== '' && WORDS.has(w.toLowerCase())));
    expect(disagreements).toEqual([]);
  });
});
