// A list of numbered cues as SRT or WebVTT text: the layout the `subtitle` package writes (a header
// block, then `index`, timing and text per cue, blank-line separated), with timestamps of our own so
// that times past 24 hours stay right.

import { formatMilliseconds } from './timestamp.js';

export type CueListNode = { type: 'header'; data: string } | { type: 'cue'; data: { start: number; end: number; text: string } };

/** Cue times are whole milliseconds. Header nodes are written as given (WebVTT only). */
export function stringifyCues(nodes: CueListNode[], format: 'SRT' | 'WebVTT'): string {
  const separator = format === 'WebVTT' ? '.' : ',';
  const parts: string[] = [];
  let index = 1;
  let headerWritten = false;
  for (const node of nodes) {
    if (node.type === 'header') {
      if (format !== 'WebVTT') continue;
      headerWritten = true;
      parts.push(node.data + '\n\n');
      continue;
    }
    if (format === 'WebVTT' && !headerWritten) {
      headerWritten = true;
      parts.push('WEBVTT\n\n');
    }
    const { start, end, text } = node.data;
    parts.push(`${index > 1 ? '\n' : ''}${index}\n${formatMilliseconds(start, separator)} --> ${formatMilliseconds(end, separator)}\n${text}\n`);
    index++;
  }
  return parts.join('');
}
