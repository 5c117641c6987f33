import { describe, expect, it } from 'vitest';
import { buildCues } from '../src/cues/build.js';
import { layoutLines, breakCosts } from '../src/cues/layout.js';
import { NETFLIX } from '../src/cues/profile.js';
import { segmentSpeakers } from '../src/segment/index.js';
import { splitSentences } from '../src/sentences/index.js';
import { estimateTiming } from '../src/timing/estimate.js';
import type { Cue } from '../src/types.js';
import { normalizeLines } from './helpers/pipeline.js';

function cuesOf(...lines: string[]): Cue[] {
  const stream = normalizeLines(...lines);
  const segments = segmentSpeakers(stream.tokens);
  return buildCues(estimateTiming(splitSentences(stream.tokens, segments)).units, segments, NETFLIX).cues;
}

function layout(text: string, maxChars = 42) {
  const words = text.split(' ');
  return layoutLines(words, breakCosts(words), 0, words.length, maxChars, 2)?.lines;
}

function expectWithinProfile(cues: Cue[]) {
  cues.forEach((cue, i) => {
    expect(cue.lines.length).toBeGreaterThan(0);
    expect(cue.lines.length).toBeLessThanOrEqual(NETFLIX.maxLines);
    for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(NETFLIX.maxCharsPerLine);
    const duration = cue.end - cue.start;
    expect(duration).toBeGreaterThanOrEqual(NETFLIX.minDuration - 0.0005);
    expect(duration).toBeLessThanOrEqual(NETFLIX.maxDuration + 0.0005);
    if (i > 0) expect(cue.start - cues[i - 1].end).toBeGreaterThanOrEqual(NETFLIX.minGap - 0.0005);
  });
}

describe('layoutLines', () => {
  it('keeps a short cue on one line', () => {
    expect(layout('Good morning, everybody.')).toEqual(['Good morning, everybody.']);
  });

  it('breaks after punctuation when it can', () => {
    expect(layout('We have two different libraries, two different features that we introduced')).toEqual([
      'We have two different libraries,',
      'two different features that we introduced',
    ]);
  });

  it('never breaks between an article and its noun, and prefers a break before a conjunction', () => {
    const lines = layout('I highlighted the university in red in this neighborhood and the city')!;
    expect(lines).toHaveLength(2);
    expect(lines[0]).not.toMatch(/\b(the|a|an)$/);
    expect(lines.every((l) => l.length <= 42)).toBe(true);
  });

  it('refuses words that cannot fit', () => {
    const words = ['x'.repeat(50)];
    expect(layoutLines(words, breakCosts(words), 0, 1, 42, 2)).toBeNull();
  });
});

describe('buildCues', () => {
  it('keeps every cue within the profile and each cue inside one sentence', () => {
    const cues = cuesOf(
      'So a little bit of background。 My previous job was at a consulting company where I spent most of my career there as a data developer in some way shape or form starting in the humble role of data warehouse developer in 2014。',
      'Thanks。 Yes。',
    );
    expectWithinProfile(cues);
    expect(cues.map((c) => c.lines.join(' ')).filter((t) => /[.?!]\s\S/.test(t))).toEqual([]);
    expect(cues.slice(-2).map((c) => c.lines)).toEqual([['Thanks.'], ['Yes.']]);
  });

  it('gives a sound event a cue of its own and records source lines', () => {
    const cues = cuesOf('Thank you。 [applause]', 'Next talk。');
    expect(cues.map((c) => [c.lines.join(' '), c.sourceLines])).toEqual([
      ['Thank you.', [1, 1]],
      ['[applause]', [1, 1]],
      ['Next talk.', [3, 3]],
    ]);
  });
});
