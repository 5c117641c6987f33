import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseLoops } from '../src/normalize/garbage.js';
import { propertyRuns } from './helpers/runs.js';
import { buildFromText } from '../src/pipeline.js';
import { splitSections } from '../src/sections.js';
import { parseTranscript } from '../src/read/transcript.js';
import { normalizeLines, textOf } from './helpers/pipeline.js';

const loopLines = (n: number) => Array.from({ length: n }, () => "I'm going to talk about it。 I'm going to talk about it。");

describe('recognition loops', () => {
  it('collapse a sentence said three times or more in a row to one, with one warning giving the lines', () => {
    const stream = normalizeLines('Welcome to the summit。', ...loopLines(4), 'And now the real talk。');
    expect(textOf(stream)).toBe("Welcome to the summit. I'm going to talk about it. And now the real talk.");
    expect(stream.warnings).toEqual([{ line: 3, severity: 'warning', code: 'repetition-loop', message: `"I'm going to talk about it." repeated 8 times (lines 3–9); kept once` }]);
  });

  it('stay one loop when the recogniser falls back into it after a few real words', () => {
    const stream = normalizeLines(...loopLines(3), 'As educators we plan。', ...loopLines(3));
    expect(textOf(stream)).toBe("I'm going to talk about it. As educators we plan.");
    expect(stream.warnings.map((w) => w.code)).toEqual(['repetition-loop']);
  });

  it('leave speech alone: a phrase said twice, or a short word said three times', () => {
    const stream = normalizeLines('No, no, no。 We did it。 We did it again。 Thank you thank you。');
    expect(stream.warnings).toEqual([]);
    expect(textOf(stream)).toBe('No, no, no. We did it. We did it again. Thank you thank you.');
  });

  it('are never cut by a section boundary', () => {
    const parsed = parseTranscript(['# t', '', ' Some words before the loop。', '', ...loopLines(100).flatMap((l) => [` ${l}`, '']), ' After。', ''].join('\n'));
    const sections = splitSections(parsed, 500);
    const owner = sections.findIndex((s) => s.lines.some((l) => l.line === 5));
    expect(sections.findIndex((s) => s.lines.some((l) => l.line === 5 + 2 * 99))).toBe(owner);
  });
});

describe('sound tags', () => {
  it('merges a run of one tag into one cue with a warning, and drops tags for silence', () => {
    const doc = buildFromText('# t\n\n Thank you。 [Applause]， [APPLAUSE]， [ Applause ]\n\n [BLANK_AUDIO] So next。 [silence]\n', 't.md');
    expect(doc.cues.map((c) => c.lines.join(' '))).toEqual(['Thank you.', '[applause]', 'So next.']);
    expect(doc.warnings.map((w) => w.code).sort()).toEqual(['silence-tag', 'silence-tag', 'sound-tag-run']);
  });
});

describe('loop search', () => {
  type Word = { type: 'word'; text: string; line: number };
  /** Every period from 3 to 40 words tried at every word: the plain search the stage must agree with. */
  function everyPeriod(words: Word[]): string[] {
    const keys = words.map((w) => w.text.toLowerCase());
    const kept: string[] = [];
    let previous = null as { key: string; end: number } | null;
    let i = 0;
    while (i < keys.length) {
      let best: { period: number; repeats: number } | null = null;
      for (let period = 3; period <= 40 && i + period * 3 <= keys.length; period++) {
        let repeats = 1;
        const same = (b: number) => b + period <= keys.length && keys.slice(i, i + period).every((k, m) => k === keys[b + m]);
        while (same(i + repeats * period)) repeats++;
        if (repeats >= 3 && (!best || repeats * period > best.repeats * best.period)) best = { period, repeats };
      }
      if (!best) kept.push(words[i++].text);
      else {
        const key = keys.slice(i, i + best.period).join(' ');
        // a loop the recogniser falls back into within 200 words is removed whole
        if (!(previous?.key === key && i - previous.end <= 200)) kept.push(...words.slice(i, i + best.period).map((w) => w.text));
        i += best.period * best.repeats;
        previous = { key, end: i };
      }
    }
    return kept;
  }

  it('finds the loops a search of every period finds (words from a small vocabulary, so loops are common)', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'A');
    // stretches of loose words and of a phrase said 1 to 5 times, so loops of many periods are common
    const stretch = fc.oneof(fc.array(word, { maxLength: 8 }), fc.tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 5 })).map(([phrase, times]) => Array.from({ length: times }, () => phrase).flat()));
    const words = fc.array(stretch, { maxLength: 12 }).map((parts) => parts.flat().map((text, line): Word => ({ type: 'word', text, line: line + 1 })));
    fc.assert(
      fc.property(words, (stream) => {
        expect(collapseLoops(stream, []).map((w) => w.text)).toEqual(everyPeriod(stream));
      }),
      { numRuns: propertyRuns(200) },
    );
  });
});
