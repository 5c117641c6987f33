import { normalize } from '../../src/normalize/index.js';
import { parseTranscript } from '../../src/read/transcript.js';
import type { TokenStream, WordToken } from '../../src/types.js';

/** Normalizes a transcript given as its speech lines (each gets the leading space and a blank line after). */
export function normalizeLines(...lines: string[]): TokenStream {
  return normalize(parseTranscript(lines.map((l) => (l.startsWith('![') ? l : ` ${l}`)).join('\n\n') + '\n'));
}

export function textOf(stream: TokenStream): string {
  return stream.tokens
    .map((t) => (t.type === 'word' ? t.text : t.type === 'event' ? t.text : t.type === 'marker' ? `<${t.image}>` : '>>'))
    .join(' ');
}

export function words(stream: TokenStream): WordToken[] {
  return stream.tokens.filter((t): t is WordToken => t.type === 'word');
}
