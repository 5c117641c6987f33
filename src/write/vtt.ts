// WebVTT output (src/write/cue-list.ts): cue text escaped as the format requires, each cue of a
// named speaker in a `<v Name>` voice span, and each image marker placed as a NOTE block at its time.

import { stringifyCues, type CueListNode } from './cue-list.js';
import type { CaptionDocument } from '../types.js';

/** Escapes cue text: `&`, `<` and `>` are markup in WebVTT (and so `-->` cannot appear). */
export function escapeVttText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `<v Name>` opens a cue spoken by a known speaker; the name is escaped like text (`>` would end the tag). */
export function voiceSpan(speaker: string | null): string {
  const name = speaker?.replace(/\s+/g, ' ').trim();
  return name ? `<v ${escapeVttText(name)}>` : '';
}

/** A cue that is a sound event alone (`[applause]`, `[laughter]`): the audience's, no speaker's voice. */
function isSoundEvent(lines: string[]): boolean {
  return lines.length === 1 && /^\[[^\]]*\]$/.test(lines[0].trim());
}

/** NOTE text may not contain `-->` nor a blank line. */
function noteText(text: string): string {
  return text.replace(/-->/g, '->').replace(/\n\s*\n/g, '\n');
}

export function writeVtt(doc: CaptionDocument): string {
  const nodes: CueListNode[] = [{ type: 'header', data: 'WEBVTT' }];
  let next = 0;
  const markers = doc.markers;
  // header nodes are written verbatim; a leading newline keeps the NOTE a block of its own
  const note = (m: (typeof markers)[number]) => ({ type: 'header' as const, data: `\nNOTE ${noteText(m.image)} at ${(Math.round(m.time * 1000) / 1000).toFixed(3)}s` });
  for (const cue of doc.cues) {
    while (next < markers.length && Math.round(markers[next].time * 1000) <= Math.round(cue.start * 1000)) nodes.push(note(markers[next++]));
    nodes.push({
      type: 'cue',
      data: { start: Math.round(cue.start * 1000), end: Math.round(cue.end * 1000), text: voiceSpan(isSoundEvent(cue.lines) ? null : cue.speaker) + cue.lines.map((l) => escapeVttText(l.trim())).filter(Boolean).join('\n') },
    });
  }
  while (next < markers.length) nodes.push(note(markers[next++]));
  return stringifyCues(nodes, 'WebVTT').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n');
}
