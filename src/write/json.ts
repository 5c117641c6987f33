// JSON output: everything the pipeline knows, in the documented, stable schema.

import { wordsOfCues } from '../timing/words.js';
import type { CaptionDocument } from '../types.js';
import { plainCueText } from './draft.js';

const ms = (seconds: number) => Math.round(seconds * 1000) / 1000;

function wordList(doc: CaptionDocument) {
  // a caption draft's words are spread over its cues here, only when they are written
  const draft = doc.draft;
  const words = doc.words ?? (draft && wordsOfCues(doc.cues, (cue) => plainCueText(cue.lines.join(' '), draft.format)));
  if (!words) return [];
  return words.texts.map((text, i) => ({ text, start: ms(words.starts[i]), end: ms(words.ends[i]), line: words.lines[i] }));
}

export function toJsonObject(doc: CaptionDocument) {
  return {
    source: doc.source,
    ...(doc.encoding !== undefined ? { encoding: doc.encoding } : {}),
    title: doc.title,
    segments: doc.segments.map((s) => ({
      id: s.id,
      speaker: s.speaker,
      role: s.role,
      title: s.title,
      startLine: s.startLine,
      endLine: s.endLine,
      start: ms(s.start),
      end: ms(s.end),
      confidence: s.confidence ?? null,
      evidence: { start: s.evidence?.start ?? [], name: s.evidence?.name ?? [] },
    })),
    cues: doc.cues.map((c) => ({
      id: c.id,
      start: ms(c.start),
      end: ms(c.end),
      speaker: c.speaker,
      lines: c.lines,
      sourceLines: c.sourceLines,
      // caption drafts only: the identifier and settings the draft gave the cue
      ...(c.identifier !== undefined ? { identifier: c.identifier, settings: c.settings ?? '' } : {}),
      // timed from a recording only: how sure the alignment is of the cue's times
      ...(c.confidence !== undefined ? { confidence: c.confidence } : {}),
    })),
    markers: doc.markers.map((m) => ({ image: m.image, line: m.line, time: ms(m.time), pinned: m.pinned })),
    corrections: doc.corrections.map((c) => ({ line: c.line, column: c.column, from: c.from, to: c.to, kind: c.kind, rule: c.rule, confidence: c.confidence })),
    warnings: doc.warnings.map((w) => ({ line: w.line, code: w.code, message: w.message })),
    words: wordList(doc),
  };
}

/** The document as JSON, two-space indented; each word on one line (a talk has thousands). */
export function writeJson(doc: CaptionDocument): string {
  const { words, ...rest } = toJsonObject(doc);
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const list = words.length ? `[\n${words.map((w) => '    ' + JSON.stringify(w)).join(',\n')}\n  ]` : '[]';
  return `${head},\n  "words": ${list}\n}\n`;
}
