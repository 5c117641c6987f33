import { createRequire } from 'node:module';
import { parseSync } from 'subtitle';

const require = createRequire(import.meta.url);
const { WebVTTParser } = require('webvtt-parser') as {
  WebVTTParser: new () => { parse(input: string, mode?: string): { errors: Array<{ message: string; line: number }>; cues: Array<{ id: string; startTime: number; endTime: number; text: string }> } };
};

/** Parses with the spec-following webvtt-parser package (the same algorithm as browsers). */
export function parseVttStrict(text: string) {
  return new WebVTTParser().parse(text, 'metadata');
}

/** Parses SRT or VTT with the `subtitle` package and returns its cues. */
export function parseWithSubtitle(text: string) {
  return parseSync(text).flatMap((node) => (node.type === 'cue' ? [node.data] : []));
}
