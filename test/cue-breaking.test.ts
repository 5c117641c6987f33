import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCues } from '../src/cues/build.js';
import { breakCosts, layoutLines } from '../src/cues/layout.js';
import { BBC, NETFLIX } from '../src/cues/profile.js';
import { splitsTightPhrase, TIGHT_PHRASES } from '../src/cues/tight-phrases.js';
import { segmentSpeakers } from '../src/segment/index.js';
import { splitSentences } from '../src/sentences/index.js';
import { estimateTiming } from '../src/timing/estimate.js';
import type { Cue, StyleProfile } from '../src/types.js';
import { normalizeLines } from './helpers/pipeline.js';

function cuesOf(profile: StyleProfile, ...lines: string[]): Cue[] {
  const stream = normalizeLines(...lines);
  return buildCues(estimateTiming(splitSentences(stream.tokens, segmentSpeakers(stream.tokens))).units, [], profile).cues;
}

function lay(text: string, maxChars = 42) {
  const words = text.split(' ');
  return layoutLines(words, breakCosts(words), 0, words.length, maxChars, 2)!.lines;
}

describe('tight phrases', () => {
  it('knows a break inside a listed phrase or a name, and not around it', () => {
    const words = 'we are going to see a lot of what Peter Wang said'.split(' ');
    const inside = words.map((_, i) => splitsTightPhrase(words, i));
    expect(words.filter((_, i) => inside[i])).toEqual(['going', 'a', 'lot', 'Peter']);
    expect(splitsTightPhrase('It is done. So Python'.split(' '), 3)).toBe(false); // a sentence start is no name
  });

  it('are never split across lines when another break fits', () => {
    for (const text of [
      'Every time the other threads want to increment the count on it,',
      'and I guessed it was probably not going to be sophisticated enough for us',
      'So a full recompile would get you using all of the new technologies underneath.',
      'I was talking about this with my good friend Peter Wang after the keynote',
    ]) {
      const lines = lay(text);
      expect(lines).toHaveLength(2);
      expect(splitsTightPhrase(text.split(' '), lines[0].split(' ').length - 1), lines.join(' / ')).toBe(false);
    }
  });

  it('property: no two-line layout breaks inside a listed phrase where a break outside it fits', () => {
    const filler = fc.constantFrom('we', 'really', 'think', 'that', 'people', 'can', 'build', 'things', 'here', 'today');
    const phrase = fc.constantFrom(...TIGHT_PHRASES.filter((p) => p.includes(' ')));
    fc.assert(
      fc.property(fc.array(fc.oneof(filler, phrase), { minLength: 6, maxLength: 16 }), (pieces) => {
        const words = pieces.join(' ').split(' ');
        const laid = layoutLines(words, breakCosts(words), 0, words.length, 42, 2);
        if (!laid || laid.lines.length < 2) return;
        const at = laid.lines[0].split(' ').length - 1;
        if (!splitsTightPhrase(words, at)) return;
        // the layout may split one only when no other break fits both lines
        let length = -1;
        const total = words.join(' ').length;
        for (let k = 0; k < words.length - 1; k++) {
          length += words[k].length + 1;
          if (length <= 42 && total - length - 1 <= 42) expect(splitsTightPhrase(words, k), `break after ${words[k]} fits: ${words.join(' ')}`).toBe(true);
        }
      }),
    );
  });
});

describe('cue breaks', () => {
  it('never end a line on an article, even one with a pause comma after it', () => {
    expect(lay('we had two weeks and what we did was the, the whole thing twice')).toEqual(['we had two weeks and what we did', 'was the, the whole thing twice']);
  });

  it('merge a short tail of a sentence into the cue before it where the limits allow', () => {
    for (const profile of [NETFLIX, BBC]) {
      const cues = cuesOf(profile, 'It happens to me at every conference。 So I am going to do it for all of you at once and now you do not have to ask me that question。');
      for (const cue of cues) expect(cue.lines.join(' ').split(' ').length, cue.lines.join(' / ')).toBeGreaterThan(3);
    }
  });

  it('cut a sentence into two cues rather than split a name across lines when no line break outside it fits', () => {
    for (const text of ['But to their credit the New York Yacht Club adopted the 12-metre rule in 1958。', 'And to be fair the Royal Perth Yacht Club accepted the challenge rules in 1983。']) {
      for (const cue of cuesOf(NETFLIX, 'So that is the story。', text)) {
        if (cue.lines.length === 2) expect(splitsTightPhrase(cue.lines.join(' ').split(' '), cue.lines[0].split(' ').length - 1), cue.lines.join(' / ')).toBe(false);
      }
    }
  });

  it('keep a sentence whole across a slide marker with no known time', () => {
    const cues = cuesOf(NETFLIX, 'And then the next thing is who', '![](img/a_1.png)', "is going to do it。 Who's next？");
    expect(cues.map((c) => c.lines.join(' ')).join(' ')).toContain('who is going to do it.');
    expect(cues.some((c) => c.lines.join(' ').endsWith('who'))).toBe(false);
  });
});
