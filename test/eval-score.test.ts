// The evaluation's scoring rules (eval/speaker-score.mjs), on small cases: which shown names count
// as right, how boundaries pair up, and that turns inside a collapsed group are not counted.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain module of the evaluation
import { goldSegments, goldUnits, nameMatches, scoreBoundaries, scoreFile, utteranceLines } from '../eval/speaker-score.mjs';
import { EXAMPLE_TEXT } from './helpers/example.js';

const person = (name: string | null, heard: string[] = []) => ({ name, heard });

describe('a shown name', () => {
  it('is right when it is the correct spelling, a heard one, or their first words', () => {
    const ewa = person('Ewa Jodlowska', ['Eva']);
    for (const shown of ['Ewa Jodlowska', 'ewa jodlowska', 'Ewa', 'Eva', 'Ewa  Jodlowska.']) expect(nameMatches(shown, ewa), shown).toBe(true);
    for (const shown of ['Jodlowska', 'Eve', 'Ewa Smith', 'Brent']) expect(nameMatches(shown, ewa), shown).toBe(false);
    expect(nameMatches('Ernest Durbin', person('Ernest W. Durbin III'))).toBe(true);
    expect(nameMatches('Anyone', person(null))).toBe(false);
  });
});

describe('boundaries', () => {
  const text = ['# t', ...Array.from({ length: 40 }, (_, i) => (i % 2 ? '' : ` words ${i}`))].join('\n');
  const spoken = utteranceLines(text);
  const units = goldUnits(goldSegments({ segments: [
    { role: 'host', firstLine: 2, lastLine: 8, heard: [] },
    { role: 'speaker', firstLine: 10, lastLine: 20, heard: [], group: 'panel' },
    { role: 'host', firstLine: 22, lastLine: 24, heard: [], group: 'panel' },
    { role: 'speaker', firstLine: 26, lastLine: 40, heard: [] },
  ] }));

  it('pair one to one within two speech lines; turns inside a collapsed group are neither hits nor misses', () => {
    expect(units).toHaveLength(3);
    expect(scoreBoundaries(spoken, units, [12, 22, 26], 2)).toMatchObject({ matched: 2, found: 2, gold: 2, precision: 1, recall: 1 });
    expect(scoreBoundaries(spoken, units, [12, 22, 26], 0)).toMatchObject({ matched: 1, found: 1 });
    expect(scoreBoundaries(spoken, units, [4, 34], 2)).toMatchObject({ matched: 0, found: 2, recall: 0 });
  });

  it('read the example\'s older gold format, where all twenty handoffs are found', () => {
    const gold = JSON.parse(readFileSync(new URL('./fixtures/example-segments.json', import.meta.url), 'utf8'));
    const perfect = goldSegments(gold).map((s: { firstLine: number; lastLine: number; heard: string[] }) => ({ startLine: s.firstLine, endLine: s.lastLine, speaker: s.heard[0] ?? null }));
    const scores = scoreFile(EXAMPLE_TEXT, gold, perfect);
    expect(scores.exact).toMatchObject({ matched: 20, gold: 20, f1: 1 });
    expect(scores.names).toMatchObject({ named: 10, right: 10, wrong: [] });
  });
});
