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

  it('correct terms in every section with the talk\'s heading and the fixes of the sections before', () => {
    // A talk on Pyjion: "Pigeon" is fixed from the heading, and "PIAIDIDE" because the talk fixed
    // "Pyadide" to Pyodide before, in whichever section they fall.
    const paragraph = (k: number) => `This is paragraph ${k} of the talk, and we go on about compilers and the runtime in general.`;
    const lines = ['# Restarting Pyjion - Anthony Shaw', ''];
    for (let k = 0; k < 40; k++) lines.push(paragraph(k), '');
    lines.push('So Pigeon compiles Python code to machine code, and Pyadide runs Python in the browser.', '');
    for (let k = 40; k < 80; k++) lines.push(paragraph(k), '');
    lines.push('In the end Pigeon is fast and PIAIDIDE loads the wheel.', '');
    const text = lines.join('\n');
    const whole = buildFromText(text, 'talk.md');
    const cut = buildFromText(text, 'talk.md', { sectionWords: 300 });
    expect(splitSections(parseTranscript(text), 300).length).toBeGreaterThan(2);
    const fixes = (doc: typeof whole) => doc.corrections.filter((c) => c.kind === 'term' || c.kind === 'name').map((c) => `${c.line} ${c.from} → ${c.to}`);
    expect(fixes(whole)).toEqual(['83 Pigeon → Pyjion', '83 Pyadide → Pyodide', '165 Pigeon → Pyjion', '165 PIAIDIDE → Pyodide']);
    expect(fixes(cut)).toEqual(fixes(whole));
  });
});
