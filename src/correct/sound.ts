// How a word sounds, written plainly: the spelling a recognizer would produce for it, with spelling
// differences that do not change the sound removed ("Pyjion", "Pigeon" and "PIGIN" all become
// "pajan"; "Galectomy" and "Gilectomy" "galaktama"). Vowels are one letter, since recognizers swap
// them freely; consonants are kept, since they do not. Two spellings with the same sound spelling
// are strong evidence of one word misheard, much stronger than a close Jaro-Winkler score.

const RULES: Array<[RegExp, string]> = [
  [/ph/g, 'f'],
  // a silent gh ("sight", "night"), and the t a speaker slips between n and s ("quants", "prints")
  [/gh(?=t|$)/g, ''],
  [/nts/g, 'ns'],
  // a silent final e after a long a or i ("site" sounds as "sight", "ware" as "wear")
  [/(?<=[^aeiouy][aiy][^aeiouy])e$/, ''],
  [/ck/g, 'k'],
  [/qu/g, 'kw'],
  [/x/g, 'ks'],
  [/wh/g, 'w'],
  [/sz|sch|sh/g, 's'],
  [/tch|ch/g, 'c'],
  [/dg/g, 'j'],
  [/c(?=[eiy])/g, 's'],
  [/c/g, 'k'],
  [/g(?=[eiy][aeiouy]*n)/g, 'j'],
  [/gu(?=[aeiouy])/g, 'g'],
  [/z/g, 's'],
  [/ł/g, 'l'],
  [/(?<=.)h/g, ''],
  [/(?<=.)w(?=[^aeiouy]|$)/g, ''],
  [/(.)\1+/g, '$1'],
  [/[aeiouy]+/g, 'a'],
];

/** The sound spelling of a word or joined words: lower case, letters only, rules above. */
export function soundSpelling(text: string): string {
  let s = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-zł]/g, '');
  for (const [pattern, replacement] of RULES) s = s.replace(pattern, replacement);
  return s;
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * Whether a heard spelling sounds like a known one: the same sound spelling, or (for sound
 * spellings of six letters or more) one letter apart.
 */
export function soundsLike(heard: string, known: string): boolean {
  const a = soundSpelling(heard);
  const b = soundSpelling(known);
  if (a.length < 3 || b.length < 3) return false;
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 6 && editDistance(a, b, 1) <= 1;
}
