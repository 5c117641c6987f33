// The text stages shared by the raw-transcript path (pipeline.ts) and the caption-draft path
// (draft.ts).

import { correctTerms, type Dictionary } from './correct/index.js';
import { loadLexicon, termKey } from './correct/lexicon.js';
import { loadDefaultDictionary } from './correct/load.js';
import { normalize } from './normalize/index.js';
import type { BuildOptions } from './options.js';
import type { ParsedTranscript } from './read/transcript.js';
import type { TokenStream } from './types.js';

/**
 * Single-word terms of the dictionary, then of the lexicon, by key: what a word the transcription cut
 * with a stop ("async.io") may be. Built on the first look-up, as most texts need none.
 */
function termsByKey(dictionary: Dictionary): (key: string) => string | undefined {
  let terms: Map<string, string> | undefined;
  return (key) => {
    if (!terms) {
      terms = new Map();
      for (const entry of dictionary.entries) if (!/\s/.test(entry.term)) terms.set(termKey(entry.term), entry.term);
      for (const [k, term] of loadLexicon().byKey) if (!terms.has(k)) terms.set(k, term.display);
    }
    return terms.get(key);
  };
}

/**
 * The text stages every input goes through, raw transcript and caption draft alike: punctuation
 * repair, then term correction. One place, so both paths fix text the same way.
 */
export function cleanText(parsed: ParsedTranscript, options: BuildOptions = {}): TokenStream {
  const dictionary = options.dictionary ?? loadDefaultDictionary();
  const stream = normalize(parsed, dictionary === false ? {} : { termFor: termsByKey(dictionary) });
  return dictionary === false ? stream : correctTerms(stream, dictionary, { minConfidence: options.minConfidence, talk: options.talk });
}
