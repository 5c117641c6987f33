// Capitals for the speakers' names the segment stage found: a recognizer writes "we have jeff" and
// "I'm diamond", and the talk finder has just read those words as a person's name. Each change is
// reported like the dictionary's, so a captioner sees it in the log.

import { isEnglish } from '../correct/english.js';
import type { Correction, Token } from '../types.js';

export interface NamedTalk {
  /** The speaker's name as the captions give it ("Jeff", "Manabu Terada"). */
  name: string | null;
  /** Token indices of the words the name was read from. */
  nameTokens: number[];
}

/**
 * A word's letters without the quotes, brackets and punctuation around it ("“jeff.”" → "jeff");
 * none for a word with anything else attached ("@priya", "priya2", "priya_dev" are handles).
 */
function core(text: string): { lead: string; letters: string; tail: string } {
  const m = /^([\p{Ps}\p{Pi}"']*)(\p{L}[\p{L}'’-]*?)((?:['’]s)?[.,;:!?…\p{Pe}\p{Pf}"']*)$/u.exec(text);
  return m ? { lead: m[1], letters: m[2], tail: m[3] } : { lead: '', letters: '', tail: text };
}

const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * Capitalizes the speakers' names where they were heard in lower case. A word read as the name is
 * fixed there; a name word that is no English word ("priya", not "diamond" or "jeff") is a name
 * wherever it stands, so its other lower-case occurrences are fixed as well.
 */
export function capitalizeSpeakerNames(tokens: Token[], talks: NamedTalk[]): { tokens: Token[]; corrections: Correction[] } {
  const spelling = new Map<number, string>();
  const everywhere = new Map<string, string>();
  for (const talk of talks) {
    if (!talk.name) continue;
    const nameWords = new Map(talk.name.split(/\s+/).map((w) => [w.toLowerCase(), w]));
    for (const index of talk.nameTokens) {
      const token = tokens[index];
      if (token?.type !== 'word') continue;
      const heard = core(token.text).letters;
      // the final name's spelling of the word, or the heard word capitalized (the host's "jeff"
      // for a speaker who gives their name as "Jeffrey Smith")
      if (heard) spelling.set(index, nameWords.get(heard.toLowerCase()) ?? capitalized(heard));
    }
    for (const [lower, word] of nameWords) if (lower.length >= 3 && !isEnglish(lower)) everywhere.set(lower, word);
  }

  const corrections: Correction[] = [];
  if (spelling.size === 0 && everywhere.size === 0) return { tokens, corrections };
  const out = tokens.map((token, index) => {
    if (token.type !== 'word' || (everywhere.size === 0 && !spelling.has(index))) return token;
    const { lead, letters, tail } = core(token.text);
    if (!/^\p{Ll}/u.test(letters)) return token;
    const word = spelling.get(index) ?? everywhere.get(letters);
    if (!word || word.toLowerCase() !== letters.toLowerCase() || word === letters) return token;
    corrections.push({ line: token.line, column: token.column + lead.length, from: letters, to: word, kind: 'name', rule: `${word}, speaker`, confidence: 1 });
    return { ...token, text: lead + word + tail };
  });
  return { tokens: corrections.length ? out : tokens, corrections };
}
