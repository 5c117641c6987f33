// Small closed classes of English words. They are grammar, not vocabulary: the lists are complete
// enough to decide how a sentence may continue, which is all the normalizer and cue builder ask.

function set(words: string): ReadonlySet<string> {
  return new Set(words.trim().split(/\s+/));
}

export const ARTICLES = set('a an the');

/** Words after which a sentence cannot end: articles, prepositions, conjunctions, possessives, linking verbs. */
export const CANNOT_END_SENTENCE = set(`
  a an the and or nor but of to in on at by with from into onto about as than because although though
  whether if your my our their his her its is are was were be been being am called named through
  between among across over under via per like such very
`);

/** Function words: always written in lower case inside a sentence. */
export const FUNCTION_WORDS = set(`
  a an the and or but nor so yet for of to in on at by with from into onto about as than that this these
  those which who whom whose what when where why how if then because while although though some any all
  each every no not my your our their his her its you we they he she it me us them him is are was were be
  been being am do does did have has had can could will would shall should may might must just also very
  there here like called named out up down off over under again
`);

/** Conjunctions and prepositions: a line break reads best just before one of them. */
export const BREAK_BEFORE = set(`
  and or but nor so yet because although though while whereas if unless until when where which who that
  of to in on at by with from into onto about for as than through between among across over under
  without within after before during since
`);

/** Words that bind to the next one: a line or cue break must not fall right after them. */
export const BIND_TO_NEXT = set(`
  a an the my your our their his her its this that these those some any each every no to of
  mr mrs ms dr
`);

/** Abbreviations whose final period does not end a sentence. */
export const ABBREVIATIONS = set(`
  p.m. a.m. u.s. u.k. e.g. i.e. vs. mr. mrs. ms. dr. st. jr. sr. prof. approx. fig. u.s.a.
`);

const isAsciiLetterOrDigit = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
/** An ASCII character that is no letter or digit (punctuation, space): `bare` strips it from the ends. */
const isAsciiOther = (code: number) => code < 128 && !isAsciiLetterOrDigit(code);

/** The word without the punctuation around it, in lower case. */
export function bare(word: string): string {
  // most words are ASCII with at most ASCII punctuation around them: no Unicode pattern needed
  let from = 0;
  let to = word.length;
  while (from < to && isAsciiOther(word.charCodeAt(from))) from++;
  while (to > from && isAsciiOther(word.charCodeAt(to - 1))) to--;
  if (from === to) return '';
  if (isAsciiLetterOrDigit(word.charCodeAt(from)) && isAsciiLetterOrDigit(word.charCodeAt(to - 1))) return word.slice(from, to).toLowerCase();
  return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
}
