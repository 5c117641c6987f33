// Output formats. One format may write several files: WebVTT output carries companion tracks
// (chapters, markers) written beside the main file as `<name>.<suffix>.vtt`.

import type { CaptionDocument } from '../types.js';
import { writeDraftSrt, writeDraftVtt } from './draft.js';
import { writeChapters } from './chapters.js';
import { writeJson } from './json.js';
import { writeMarkersTrack } from './markers-track.js';
import { writeSrt } from './srt.js';
import { writeTxt } from './txt.js';
import { writeVtt } from './vtt.js';

export const FORMATS = ['vtt', 'srt', 'json', 'txt'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export const WRITERS: Record<OutputFormat, (doc: CaptionDocument) => string> = {
  vtt: writeVtt,
  srt: writeSrt,
  json: writeJson,
  txt: writeTxt,
};

/** A companion file of a format: its name suffix and its text, or null when the document has none. */
export interface Companion {
  suffix: string;
  render(doc: CaptionDocument): string | null;
}

/** Companion tracks written with every VTT output (e.g. `chapters` → `<name>.chapters.vtt`). */
export const VTT_COMPANIONS: Companion[] = [
  { suffix: 'chapters', render: writeChapters },
  { suffix: 'markers', render: writeMarkersTrack },
];

export interface RenderedFile {
  /** File extension without the leading dot: `vtt`, `chapters.vtt`, `json`… */
  extension: string;
  text: string;
}

/** Everything one format writes for a document, main file first. */
export function renderFormat(doc: CaptionDocument, format: OutputFormat): RenderedFile[] {
  // a caption draft keeps its own cue identifiers, settings and blocks
  const write = doc.draft && format === 'vtt' ? writeDraftVtt : doc.draft && format === 'srt' ? writeDraftSrt : WRITERS[format];
  const files: RenderedFile[] = [{ extension: format, text: write(doc) }];
  if (format === 'vtt') {
    for (const companion of VTT_COMPANIONS) {
      const text = companion.render(doc);
      if (text !== null) files.push({ extension: `${companion.suffix}.vtt`, text });
    }
  }
  return files;
}

export { writeChapters, writeJson, writeSrt, writeTxt, writeVtt };
