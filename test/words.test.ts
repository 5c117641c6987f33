// The JSON `words` list of every build: each spoken word once, in transcript order, with its times
// and source line, the same words the cues show.

import { describe, expect, it } from 'vitest';
import { buildFromBytes } from '../src/pipeline.js';
import { toJsonObject } from '../src/write/json.js';
import { EXAMPLE_TEXT } from './helpers/example.js';
import { exampleDocument } from './helpers/example-build.js';

describe('JSON words', () => {
  const json = toJsonObject(exampleDocument());

  it('lists the words the cues show, in order, each with its line', () => {
    const cueWords = json.cues.filter((c) => !/^\[[^\]]*\]$/.test(c.lines.join(' '))).flatMap((c) => c.lines.join(' ').split(/\s+/));
    expect(json.words.map((w) => w.text)).toEqual(cueWords);
    const lineCount = EXAMPLE_TEXT.split('\n').length;
    json.words.forEach((word, i) => {
      expect(word.line).toBeGreaterThanOrEqual(i > 0 ? json.words[i - 1].line : 1);
      expect(word.line).toBeLessThanOrEqual(lineCount);
    });
  });

  it('times the words in order, each within its cue', () => {
    let previous = 0;
    for (const word of json.words) {
      expect(word.start).toBeGreaterThanOrEqual(previous);
      expect(word.end).toBeGreaterThanOrEqual(word.start);
      previous = word.start;
    }
    // no cue carries a confidence without a recording
    expect(json.cues.some((c) => 'confidence' in c)).toBe(false);
  });

  it('gives a caption draft its words, spread over each cue', () => {
    const draft = toJsonObject(buildFromBytes(new TextEncoder().encode('WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nHello there, world.\n\n00:00:04.000 --> 00:00:05.000\nBye.\n'), 'draft.vtt'));
    expect(draft.words.map((w) => w.text)).toEqual(['Hello', 'there,', 'world.', 'Bye.']);
    expect(draft.words[0]).toMatchObject({ start: 1, line: 3 });
    expect(draft.words[2].end).toBe(3);
    expect(draft.words[3]).toMatchObject({ start: 4, end: 5, line: 6 });
  });
});
