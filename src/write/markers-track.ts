// The `<name>.markers.vtt` companion: a WebVTT metadata track with one cue per image marker, from
// its time to the next marker's (or the end of the captions), its text the image path. A player
// loads it as <track kind="metadata"> to show the slide in step with the video.

import { stringifyCues, type CueListNode } from './cue-list.js';
import type { CaptionDocument } from '../types.js';

/** Text of a metadata cue: no blank line, no `-->`. */
function cueText(text: string): string {
  return text.replace(/-->/g, '->').replace(/\n\s*\n/g, '\n').trim();
}

export function writeMarkersTrack(doc: CaptionDocument): string | null {
  if (doc.markers.length === 0) return null;
  const ms = (s: number) => Math.round(s * 1000);
  const lastCueEnd = doc.cues.length ? ms(doc.cues[doc.cues.length - 1].end) : 0;
  const nodes: CueListNode[] = [{ type: 'header', data: 'WEBVTT' }];
  doc.markers.forEach((marker, i) => {
    const start = ms(marker.time);
    const next = i + 1 < doc.markers.length ? ms(doc.markers[i + 1].time) : Math.max(lastCueEnd, start + 1000);
    // markers at the same time still get a cue that can be seen
    nodes.push({ type: 'cue', data: { start, end: Math.max(next, start + 1), text: cueText(marker.image) } });
  });
  return stringifyCues(nodes, 'WebVTT').replace(/\n{3,}/g, '\n\n').replace(/^\n+/, '').replace(/\n*$/, '\n');
}
