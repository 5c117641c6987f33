// Long transcripts built in sections: the result is one document, as if built whole — the same
// words in the same order, cues in time order and numbered through, markers all there.

import { describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
import { parseTranscript } from '../src/read/transcript.js';
import { splitSections } from '../src/sections.js';
import { EXAMPLE_TEXT } from './helpers/example.js';
import { exampleDocument } from './helpers/example-build.js';

const wordsOf = (paragraphs: string[]) => paragraphs.join(' ').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, '').split(/\s+/).filter(Boolean);

describe('sections of a long transcript', () => {
  it('are cut at blank lines after a sentence end, and together hold every line once', () => {
    const parsed = parseTranscript(EXAMPLE_TEXT);
    const sections = splitSections(parsed, 1500);
    expect(sections.length).toBeGreaterThan(4);
    expect(sections.flatMap((s) => s.lines)).toEqual(parsed.lines);
    expect(sections[0].title).toBe(parsed.title);
    for (const section of sections.slice(1)) {
      expect(section.title).toBeNull();
      expect(section.lines[0].pieces).toEqual([]); // starts at the blank line it was cut at
    }
  });

  it('build into one document like the whole: same words, cues in order and numbered through', () => {
    const whole = exampleDocument();
    const cut = buildFromText(EXAMPLE_TEXT, 'example.md', { sectionWords: 1500 });
    expect(wordsOf(cut.paragraphs)).toEqual(wordsOf(whole.paragraphs));
    expect(cut.markers.map((m) => m.image)).toEqual(whole.markers.map((m) => m.image));
    expect(cut.cues.map((c) => c.id)).toEqual(cut.cues.map((_, i) => i + 1));
    cut.cues.forEach((cue, i) => {
      expect(cue.end).toBeGreaterThan(cue.start);
      if (i > 0) expect(cue.start).toBeGreaterThan(cut.cues[i - 1].end);
      expect(cue.segment).toBeLessThan(cut.segments.length);
    });
    expect(cut.segments.map((s) => s.id)).toEqual(cut.segments.map((_, i) => i + 1));
    // Timing goes on across sections: the total stays within a few seconds a section of the whole.
    expect(Math.abs(cut.cues.at(-1)!.end - whole.cues.at(-1)!.end)).toBeLessThan(60);
    expect(cut.corrections.length).toBeGreaterThan(whole.corrections.length * 0.95);
  });

  it('are not used when times are pinned, which tie the whole timeline together', () => {
    const pinned = buildFromText(EXAMPLE_TEXT, 'example.md', { sectionWords: 1500, duration: 3300 });
    expect(pinned.cues.at(-1)!.end).toBeLessThanOrEqual(3300);
    expect(pinned).toEqual(buildFromText(EXAMPLE_TEXT, 'example.md', { duration: 3300 }));
  });
});
