// Tokens the transcription broke with its stops: numbers, times, domains, URLs and file names, split
// across a line break or written with a capital they do not have.

import { FUNCTION_WORDS } from './english.js';

const UNAMBIGUOUS_TLD = 'com|org|net|io|edu|gov|dev';
// Top-level domains that are also English words or common suffixes: joined only when a path follows.
const AMBIGUOUS_TLD = 'us|co|me|ai|app|py|de|uk|jp|info|tv|ly';
const FILE_EXTENSIONS = 'py|txt|cfg|toml|ini|html|htm|css|js|ts|json|yaml|yml|md|rst|csv|exe|so|dll|sh|c|h|cpp|pyc|pyx|whl|zip|ipynb';

const DOMAIN_AFTER_BREAK = new RegExp(`^(?:(?:${UNAMBIGUOUS_TLD})(?:/\\S*)?|(?:${AMBIGUOUS_TLD})/\\S*)[,.;:?!]*$`, 'i');
const EXTENSION_AFTER_BREAK = new RegExp(`^(?:${FILE_EXTENSIONS})[,.;:?!]*$`);
// Extensions that are no English word or letter: a line opening with one after a stop is a file name's end.
const PLAIN_EXTENSION_AFTER_BREAK = /^(?:py|txt|cfg|toml|ini|html|htm|css|js|json|yaml|yml|rst|csv|exe|dll|pyc|pyx|whl|ipynb)[,.;:?!]*$/;
const DOMAIN = new RegExp(`^([\\p{L}\\d][\\p{L}\\d-]*(?:\\.[\\p{L}\\d-]+)*\\.(?:${UNAMBIGUOUS_TLD}|${AMBIGUOUS_TLD}))(/\\S*?)?([,.;:?!"'”’)]*)$`, 'iu');

/** How a word ending `N.` at a line end joins the word that opens the next line, or null. */
export function joinAcrossBreak(word: string, next: string, before: string | undefined, after: string | undefined): { text: string; rule: string } | null {
  const number = /\d\.$/.test(word) && /^\d/.test(next);
  if (number) {
    const digits = /^\d+/.exec(next)![0];
    const head = word.slice(0, -1);
    // "$117。 / 000": three digits after a whole number are its thousands.
    if (digits.length === 3 && /^\$?\d{1,3}(?:,\d{3})*$/.test(head)) return { text: `${head},${next}`, rule: 'split-thousands' };
    const time = asClockTime(head, next, before, after);
    if (time) return { text: time, rule: 'split-time' };
    return { text: word + next, rule: 'split-number' };
  }
  if (!/[\p{L}\d]\.$/u.test(word)) return null;
  // "np。 / array": the usual alias of a Python library before the name used from it
  if (/^(?:np|pd|plt)\.$/.test(word) && /^[a-z_]\w*[,.;:?!]*$/.test(next)) return { text: word + next, rule: 'split-attribute' };
  if (DOMAIN_AFTER_BREAK.test(next)) return { text: word + next, rule: 'split-domain' };
  // "eval_frame。 / exe": a file name whose extension went to the next line (only for a word that is
  // plainly an identifier, since "the end。 / So" must not become one).
  if ((EXTENSION_AFTER_BREAK.test(next) && /[_\d]/.test(word)) || PLAIN_EXTENSION_AFTER_BREAK.test(next)) return { text: word + next, rule: 'split-file-name' };
  return null;
}

/**
 * "4.30" said of a time of day is "4:30": an hour and two-digit minutes, with "a.m."/"p.m." after or
 * "at"/"around"/"by"/"until"/"from" before.
 */
export function asClockTime(hour: string, rest: string, before: string | undefined, after: string | undefined, twoBefore?: string, timeOfDayNear = false): string | null {
  const m = /^(\d{2})((?:[ap]\.?m\.?)?)([,.;:?!]*)$/i.exec(rest);
  if (!/^\d{1,2}$/.test(hour) || !m || Number(hour) > 12 || Number(m[1]) > 59) return null;
  const meridiem = m[2] !== '' || /^[ap]\.?m\.?[,.;:?!]*$/i.test(after ?? '') || /^o'clock/i.test(after ?? '');
  const isTimeWord = (w: string | undefined) => /^(?:at|around|by|until|till|til|from|about)$/i.test(w ?? '');
  // "at like 8.15", "by about 4.30": a hedge between the time word and the time
  const timeWord = isTimeWord(before) || (/^(?:like|about|around|roughly|maybe)$/i.test(before ?? '') && isTimeWord(twoBefore));
  // "tomorrow morning. there are 8.30": a time of day nearby, and no name or "version" before ("Python 3.10")
  const placed = timeOfDayNear && Number(hour) > 0 && !/^(?:version|release|v)$/i.test(before ?? '') && !/^\p{Lu}/u.test(before ?? '');
  return meridiem || timeWord || placed ? `${hour}:${m[1]}${m[2]}${m[3]}` : null;
}

/** A domain or URL written with capitals ("Python.org", "Brazil.COM") in the lower case it has. */
export function lowerDomain(word: string): string | null {
  const m = DOMAIN.exec(word);
  if (!m || !/\p{Lu}/u.test(m[1])) return null;
  // Two-letter pieces before the dot are initials ("U.S.", "p.m."), not domains.
  if (m[1].split('.').slice(0, -1).some((part) => part.length < 2)) return null;
  // A capital inside a name ("Scikit-HEP.org") is the project's own spelling, kept as written;
  // only a sentence capital or shouting ("Python.org", "BRAZIL.COM") is the transcription's.
  const labels = m[1].split('.');
  if (labels.some((part) => /\p{Ll}.*\p{Lu}/u.test(part))) return null;
  // An acronym before a lower-case ending ("HEP.org") is a name too; "BRAZIL.COM" is shouting.
  const shouted = /^\p{Lu}+$/u.test(labels[labels.length - 1]);
  if (!shouted && labels.slice(0, -1).some((part) => /^\p{Lu}{2,}$/u.test(part))) return null;
  return m[1].toLowerCase() + (m[2] ?? '') + m[3];
}

/** "set up.py": the spoken "set up" before a file extension is the file `setup.py` (`setup.cfg`…). */
export function isSpokenSetupFile(word: string, before: string | undefined): boolean {
  return /^set$/i.test(before ?? '') && new RegExp(`^up\\.(?:${FILE_EXTENSIONS})\\b`).test(word);
}

const NUMBER_WORDS = /^(?:\d+(?:[-.:]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$/i;

/**
 * Letters each followed by a stop ("B.D.F.L.", "i.G.", "a p.m.") are an acronym said letter by
 * letter ("BDFL", "IG", "PM"), except "i.e."/"e.g.", a time's "a.m."/"p.m." after a number, and
 * initials.
 * `keepStop` keeps the last stop where it ends a sentence. Null when the word is no such run.
 */
export function initialsAsAcronym(word: string, before: string | undefined, keepStop: boolean): string | null {
  const m = /^((?:\p{L}\.){2,})([,;:?!"'”’)]*)$/u.exec(word);
  if (!m) return null;
  const letters = m[1].replace(/\./g, '');
  if (/^(?:ie|eg)$/i.test(letters)) return null;
  if (/^[ap]m$/i.test(letters) && NUMBER_WORDS.test(before ?? '')) return null;
  // Two or three capitals with stops are how a person's initials are written ("C.Y. O'Connor").
  if (/^\p{Lu}{2,3}$/u.test(letters)) return null;
  return letters.toUpperCase() + (keepStop ? '.' : '') + m[2];
}

/**
 * "async.io" inside a word, when the pieces joined spell a known single-word term ("asyncio"): the
 * transcription put a stop inside the name. `termFor` looks a joined key (letters and digits, lower
 * case) up in the dictionary and lexicon. Terms written with a dot of their own ("Node.js") are not
 * joins and are left alone.
 */
export function joinedTerm(word: string, termFor: (key: string) => string | undefined): string | null {
  const m = /^([\p{L}][\p{L}\d_]*)\.([\p{L}\d_]+)([,.;:?!"'”’)]*)$/u.exec(word);
  if (!m) return null;
  const term = termFor(`${m[1]}${m[2]}`.toLowerCase());
  if (!term || term.includes('.') || /\s/.test(term)) return null;
  return term + m[3];
}

// Words that cannot be the object a method or extension belongs to: "or.push" is "or .push".
const NOT_AN_OWNER = new Set(`a an the and or but nor of to for with from by than as`.split(/\s+/));
const ALL_TLD = new RegExp(`^(?:${UNAMBIGUOUS_TLD}|${AMBIGUOUS_TLD})$`, 'i');
const EXTENSION = new RegExp(`^(?:${FILE_EXTENSIONS})$`, 'i');

/**
 * A stop between a function word and a name ("or.push", "the.so"): the dot belongs to the name, said
 * as a method or an extension, and the function word stands apart.
 */
export function detachDottedName(word: string): string | null {
  const m = /^(\p{Ll}+)\.(\p{Ll}[\p{Ll}\d_]+)([,.;:?!"'”’)]*)$/u.exec(word);
  if (!m || !NOT_AN_OWNER.has(m[1]) || ALL_TLD.test(m[2])) return null;
  return `${m[1]} .${m[2]}${m[3]}`;
}

/**
 * Letters said one by one and written as runs without a vowel ("cnr.i"): an acronym ("CNRI"). Each
 * piece is one letter or two to four consonants; a library's usual alias ("np.x") is no such run.
 */
export function consonantAcronym(word: string): string | null {
  const m = /^(\p{L}+(?:\.\p{L}+)+)([,.;:?!"'”’)]*)$/u.exec(word);
  if (!m) return null;
  const pieces = m[1].split('.');
  if (!pieces.some((p) => p.length > 1) || /^(?:np|pd|plt)$/i.test(pieces[0])) return null;
  if (!pieces.every((p) => p.length === 1 || /^[b-df-hj-np-tv-xz]{2,4}$/i.test(p))) return null;
  if (pieces.some((p) => ALL_TLD.test(p) || EXTENSION.test(p))) return null;
  return m[1].replace(/\./g, '').toUpperCase() + m[2];
}

// Words that place a clock time in the day: a number near one of them is a time ("tomorrow morning.
// there are 8.30").
const TIME_OF_DAY = /^(?:morning|mornings|afternoon|evening|tonight|tomorrow|night|noon|midnight|breakfast|lunch|dinner|o'clock)$/i;

/**
 * Whether the number at position i reads as a time of day: a word within `reach` (both ways) places
 * it in the day, and the number closes its phrase (punctuation, or a function word or time word
 * after it, not a unit it counts: "4.30 times").
 */
export function placedInDay(words: readonly string[], i: number, reach = 12): boolean {
  const after = (words[i + 1] ?? '').toLowerCase().replace(/[^\p{L}']+/gu, '');
  const closes = /[,.;:?!]$/.test(words[i]) || after === '' || FUNCTION_WORDS.has(after) || /^(?:last|next)$/.test(after) || TIME_OF_DAY.test(after);
  if (!closes) return false;
  for (let k = Math.max(0, i - reach); k <= Math.min(words.length - 1, i + reach); k++) {
    if (k !== i && TIME_OF_DAY.test(words[k].replace(/[^\p{L}']+/gu, ''))) return true;
  }
  return false;
}

/** Whether the word "port" (a network port) is within `reach` words of position i: its number has no separator. */
export function nearPort(words: readonly string[], i: number, reach = 12): boolean {
  for (let k = Math.max(0, i - reach); k <= Math.min(words.length - 1, i + reach); k++) {
    if (/^ports?$/i.test(words[k].replace(/[^\p{L}]+/gu, ''))) return true;
  }
  return false;
}
