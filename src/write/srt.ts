// SRT output (src/write/cue-list.ts). Cues carry speaker labels where the cue stage put them
// (labelledLines, laid out within the profile). SRT has no escapes; it only must not hold an arrow
// that a player could take for a timing line, nor a blank line inside a cue.

import { stringifyCues, type CueListNode } from './cue-list.js';
import type { CaptionDocument } from '../types.js';

export function srtText(line: string): string {
  return line.replace(/-->/g, '->').trim();
}

export function writeSrt(doc: CaptionDocument): string {
  const nodes: CueListNode[] = doc.cues.map((cue) => ({
    type: 'cue',
    data: { start: Math.round(cue.start * 1000), end: Math.round(cue.end * 1000), text: (cue.labelledLines ?? cue.lines).map(srtText).filter(Boolean).join('\n') },
  }));
  return stringifyCues(nodes, 'SRT');
}
