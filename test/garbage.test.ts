import { describe, expect, it } from 'vitest';
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
