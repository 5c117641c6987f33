// Writers for documents built from a caption draft: every cue keeps its timing, identifier, settings
// and order, and a VTT draft's header, NOTE, STYLE and REGION blocks stay where they were. Cue text is
// in the draft's own markup; converting SRT ↔ WebVTT keeps what both formats share (<i>, <b>, <u>).

import type { CaptionDocument, Cue } from '../types.js';
import { decodeEntities } from '../read/entities.js';
import { formatTimestamp } from './timestamp.js';

export { formatTimestamp };

type Markup = 'srt' | 'vtt';

const TAG = /<\/?([A-Za-z]+)[^<>]*>|<\d[\d:.]*>|\{\\[^{}]*\}/g;
const SHARED_TAGS = new Set(['i', 'b', 'u']);

/** Cuts cue text into markup and text, with a function for each. */
function mapMarkup(text: string, onTag: (tag: string, name: string | undefined) => string, onText: (text: string) => string): string {
  // every tag opens with "<" or "{": most cue lines have neither (and matchAll copies the pattern)
  if (!text.includes('<') && !text.includes('{')) return onText(text);
  let out = '';
  let at = 0;
  for (const m of text.matchAll(TAG)) {
    out += onText(text.slice(at, m.index)) + onTag(m[0], m[1]?.toLowerCase());
    at = m.index + m[0].length;
  }
  return out + onText(text.slice(at));
}

/** The tags both formats know, without classes or attributes: `<i.loud>` → `<i>`. */
function sharedTag(tag: string, name: string | undefined): string {
  return name && SHARED_TAGS.has(name) ? (tag.startsWith('</') ? `</${name}>` : `<${name}>`) : '';
}

const escapeVtt = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Ruby annotations (`<rt>kan</rt>`) have no place outside WebVTT. */
const withoutRubyText = (line: string) => line.replace(/<rt(?:[.\s][^>]*)?>[^<]*(?:<\/rt>|$)/g, '');

/** A line of cue text, written in the markup of `to`. */
export function cueTextIn(line: string, from: Markup, to: Markup): string {
  if (from === to) return to === 'srt' ? line.replace(/-->/g, '->') : line;
  if (to === 'vtt') return mapMarkup(line, sharedTag, escapeVtt);
  return mapMarkup(withoutRubyText(line), sharedTag, decodeEntities).replace(/-->/g, '->');
}

/** What a viewer reads: the text without markup, entities decoded. */
export function plainCueText(line: string, from: Markup): string {
  return from === 'vtt' ? mapMarkup(withoutRubyText(line), () => '', decodeEntities) : mapMarkup(line, () => '', (t) => t);
}

function cueBody(cue: Cue, from: Markup, to: Markup): string[] {
  return cue.lines.map((l) => cueTextIn(l, from, to)).filter((l) => l.trim() !== '');
}

export function writeDraftVtt(doc: CaptionDocument): string {
  const draft = doc.draft!;
  // the blocks before each cue, gathered in one pass (a draft may hold a NOTE before every cue)
  const before = new Map<number, string[]>();
  for (const b of draft.blocks) if (b.kind !== 'header') before.set(b.beforeCue, [...(before.get(b.beforeCue) ?? []), b.text]);
  const blocksBefore = (index: number) => before.get(index) ?? [];
  const header = draft.blocks.find((b) => b.kind === 'header')?.text ?? 'WEBVTT';
  const parts: string[] = [header];
  doc.cues.forEach((cue, index) => {
    parts.push(...blocksBefore(index));
    const timing = `${formatTimestamp(cue.start, '.')} --> ${formatTimestamp(cue.end, '.')}${cue.settings ? ` ${cue.settings}` : ''}`;
    // a VTT identifier may not contain "-->" nor be empty; an SRT counter is a fine identifier
    const id = cue.identifier && !cue.identifier.includes('-->') ? [cue.identifier] : [];
    parts.push([...id, timing, ...cueBody(cue, draft.format, 'vtt')].join('\n'));
  });
  parts.push(...blocksBefore(doc.cues.length));
  return parts.join('\n\n') + '\n';
}

export function writeDraftSrt(doc: CaptionDocument): string {
  const draft = doc.draft!;
  const used = new Set<string>();
  return doc.cues
    .map((cue, index) => {
      // SRT counters are numbers: keep the draft's own when it has one, else count
      const own = cue.identifier && /^\d+$/.test(cue.identifier.trim()) && !used.has(cue.identifier.trim()) ? cue.identifier.trim() : String(index + 1);
      used.add(own);
      const timing = `${formatTimestamp(cue.start, ',')} --> ${formatTimestamp(cue.end, ',')}`;
      return [own, timing, ...cueBody(cue, draft.format, 'srt')].join('\n') + '\n';
    })
    .join('\n');
}
