import type { CaptionDocument } from '../types.js';
import { writeJson } from './json.js';
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

export { writeJson, writeSrt, writeTxt, writeVtt };
