// The chapters track written beside a VTT file (`<name>.chapters.vtt`): one cue per talk, titled
// "Name — Title", "Name", or the title alone; the host's parts between talks are no chapter.

import { stringifyCues, type CueListNode } from './cue-list.js';
import type { CaptionDocument } from '../types.js';
import { escapeVttText } from './vtt.js';

export function chapterTitle(speaker: string | null, title: string | null, index: number): string {
  if (speaker && title) return `${speaker} — ${title}`;
  return speaker ?? title ?? `Talk ${index}`;
}

/** The chapters track, or null when the document has no handoff (one lecturer needs no chapters). */
export function writeChapters(doc: CaptionDocument): string | null {
  const talks = doc.segments.filter((s) => s.role === 'speaker');
  if (talks.length === 0 || doc.segments.length < 2) return null;
  const nodes: CueListNode[] = [{ type: 'header', data: 'WEBVTT' }];
  let previousEnd = 0;
  talks.forEach((talk, i) => {
    const start = Math.max(Math.round(talk.start * 1000), previousEnd);
    const end = Math.max(Math.round(talk.end * 1000), start + 1);
    previousEnd = end;
    nodes.push({ type: 'cue', data: { start, end, text: escapeVttText(chapterTitle(talk.speaker, talk.title, i + 1)) } });
  });
  return stringifyCues(nodes, 'WebVTT').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}
