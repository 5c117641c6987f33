// Every transcript of the corpus (../shared/corpus, see eval/corpus.mjs) builds without error, and
// its speaker gold is well formed. Skipped, with a message, where the corpus is absent.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
// @ts-expect-error: a plain module of the evaluation
import { corpusDir } from '../eval/corpus.mjs';
// @ts-expect-error: a plain module of the evaluation
import { goldFaults } from '../eval/check-gold.mjs';

const dir: string | null = corpusDir();
const files = dir ? readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').sort() : [];
const goldDir = new URL('./fixtures/corpus-gold/', import.meta.url);
if (!dir) console.log('corpus tests skipped: no ../shared/corpus (set CAPTIONS_SHARED to the folder that holds corpus/)');

describe.skipIf(!dir)('the corpus', () => {
  for (const file of files) {
    it(`${file} builds, with segments in order and a warning for every unnamed speaker`, () => {
      const text = readFileSync(join(dir!, file), 'utf8');
      const doc = buildFromText(text, file);
      expect(doc.segments.length).toBeGreaterThan(0);
      doc.segments.forEach((s, i) => {
        if (i > 0) expect(s.startLine).toBeGreaterThanOrEqual(doc.segments[i - 1].startLine);
        expect(s.confidence).toBeGreaterThanOrEqual(0);
        expect(s.confidence).toBeLessThanOrEqual(1);
      });
      // A `>>` turn is no caption and no chapter: every cue, and every talk, has a word of its own.
      const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text.replace(/>>/g, ''));
      expect(doc.cues.filter((c) => !hasWord(c.lines.join(' ')))).toEqual([]);
      doc.segments.forEach((s, i) => {
        if (s.role === 'speaker') expect(doc.cues.some((c) => c.segment === i && hasWord(c.lines.join(' '))), `talk ${s.id}`).toBe(true);
      });
      const unnamedTalks = doc.segments.filter((s, i) => s.role === 'speaker' && s.speaker === null && i > 0).length;
      expect(doc.warnings.filter((w) => w.code === 'speaker-unnamed').length).toBeGreaterThanOrEqual(unnamedTalks);
    });

    it(`${file} has well-formed speaker gold`, () => {
      const gold = JSON.parse(readFileSync(new URL(file.replace(/\.md$/, '.json'), goldDir), 'utf8'));
      const lines = readFileSync(join(dir!, file), 'utf8').split('\n').length;
      expect(gold.source).toBe(file);
      expect(goldFaults(gold, lines)).toEqual([]);
    });
  }
});
