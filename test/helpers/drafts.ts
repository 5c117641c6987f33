// Caption drafts for the tests: the crafted real-world fixtures, and drafts made from the example by
// building its captions and putting transcription artefacts back into their text.

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildFromText } from '../../src/pipeline.js';
import { writeSrt, writeVtt } from '../../src/write/index.js';
import { EXAMPLE_TEXT } from './example.js';

export const DRAFTS_DIR = fileURLToPath(new URL('../fixtures/drafts/', import.meta.url));
export const DRAFT_FIXTURES = readdirSync(DRAFTS_DIR).filter((f) => /\.(srt|vtt)$/.test(f)).sort();
export const readDraft = (name: string) => readFileSync(DRAFTS_DIR + name);

let exampleDocument: ReturnType<typeof buildFromText> | undefined;
export function exampleDocumentOnce() {
  exampleDocument ??= buildFromText(EXAMPLE_TEXT, 'example.md');
  return exampleDocument;
}

/** The example's own captions in a format, as a clean draft. */
export function exampleDraft(format: 'srt' | 'vtt'): string {
  const doc = exampleDocumentOnce();
  return format === 'srt' ? writeSrt(doc) : writeVtt(doc);
}

const isCueText = (line: string) => line !== '' && !line.includes('-->') && !/^\d+$/.test(line) && !/^(WEBVTT|NOTE)\b/.test(line);

/**
 * Puts the transcription's full-width punctuation back: a stop after a word becomes `。`, a comma
 * between words `，`, a question mark `？` (digits left alone: `30，30` would read as a thousands mark).
 */
export function withFullwidthPunctuation(draft: string): string {
  return draft
    .split('\n')
    .map((line) =>
      isCueText(line)
        ? line
            .replace(/(\p{Ll})\.(?=\s|$)/gu, '$1。')
            .replace(/(\p{L}), (?=\p{L})/gu, '$1，')
            .replace(/\?(?=\s|$)/g, '？')
        : line,
    )
    .join('\n');
}
