// How long a line of caption text is, as a viewer counts it: in user-perceived characters (grapheme
// clusters), so that an accented letter written with a combining mark, or an emoji of several code
// points, counts once, not by its UTF-16 units.

// Made on first use: building the segmenter costs a cold start about 30 ms, and most caption text is ASCII.
let segmenter: Intl.Segmenter | undefined;
const ASCII = /^[\x00-\x7f]*$/;

export function textWidth(text: string): number {
  if (ASCII.test(text)) return text.length; // the common case: one unit, one character
  let count = 0;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  for (const _ of segmenter.segment(text)) count++;
  return count;
}
