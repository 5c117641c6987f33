// Names: capitalized, read after an introduction phrase, and matched across spellings.

import { describe, expect, it } from 'vitest';
import { capitalizeName, nameScore, readName, reconcile, samePerson } from '../src/segment/names.js';
import type { WordToken } from '../src/types.js';

function wordsOf(text: string): WordToken[] {
  return text.split(' ').map((t, i) => ({ type: 'word', text: t, line: 1, column: 1 + i, sentenceEnd: false }));
}

function nameAfter(text: string, from: number): string | null {
  const words = wordsOf(text);
  return readName(words, words.map((_, i) => i), from)?.words.join(' ') ?? null;
}

describe('names', () => {
  it('are capitalized word by word, inner capitals kept', () => {
    expect(capitalizeName('jeff')).toBe('Jeff');
    expect(capitalizeName('manabu terada')).toBe('Manabu Terada');
    expect(capitalizeName('deShawn McKay')).toBe('DeShawn McKay');
  });

  it('are read up to a word that no name continues into', () => {
    expect(nameAfter('we have Gajinder Deshpande working as a professor', 2)).toBe('Gajinder Deshpande');
    expect(nameAfter('we have Manabu, who is going to.', 2)).toBe('Manabu');
    expect(nameAfter('is Roy I\'m a security engineer', 1)).toBe('Roy');
    expect(nameAfter('we have jessica and I am intrigued', 2)).toBe('jessica');
    expect(nameAfter('welcome them up to the stage', 1)).toBeNull();
    expect(nameAfter('we have a great talk', 2)).toBeNull();
  });

  it('are no particle that ends a phrase ("my name is out there")', () => {
    for (const particle of ['out', 'up', 'down', 'off', 'over', 'away']) expect(nameAfter(`so my name is ${particle} there first`, 4)).toBeNull();
    expect(nameAfter('so my name is Ola there', 4)).toBe('Ola');
  });

  it('match across spellings of one person, and not across different people', () => {
    expect(samePerson('Gajandra', 'Gajinder Deshpande')).toBe(true);
    expect(samePerson('Chris', 'Christopher Neuigabauer')).toBe(true);
    expect(samePerson('diamond', 'Diamond')).toBe(true);
    expect(samePerson('Lorena', 'Lorraine')).toBe(false); // 0.83, below the 0.85 threshold
    expect(samePerson('Jay', 'Jack')).toBe(false);
    expect(samePerson('Henry', 'Jenny')).toBe(false);
    expect(samePerson('Ann Lee', 'Bo Lee')).toBe(false);
    expect(samePerson('Ann Deshpande', 'Gajendra Deshpande')).toBe(true);
  });

  it('score against a roster entry by its closest spelling', () => {
    expect(nameScore('Gajinder Deshpande', ['Gajendra Deshpande', 'Gajandra'])).toBe(1);
    expect(nameScore('Gajandra', ['Gajendra Deshpande'])).toBeGreaterThan(0.85);
    expect(nameScore('Jay', ['Jack'])).toBe(0);
  });

  it('reconcile the host\'s and the speaker\'s spellings: the fuller one, capitalized', () => {
    expect(reconcile('Gajandra', 'Gajinder Deshpande')).toBe('Gajinder Deshpande');
    expect(reconcile('Manabu', 'Manabu Terada')).toBe('Manabu Terada');
    expect(reconcile('jeff', null)).toBe('Jeff');
    expect(reconcile(null, 'diamond')).toBe('Diamond');
    expect(reconcile(null, null)).toBeNull();
  });
});
