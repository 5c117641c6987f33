// The text stages shared by the raw-transcript path (pipeline.ts) and the caption-draft path
// (draft.ts).

import { correctTerms } from './correct/index.js';
import { loadDefaultDictionary } from './correct/load.js';
import { normalize } from './normalize/index.js';
import type { BuildOptions } from './options.js';
import type { ParsedTranscript } from './read/transcript.js';
import type { TokenStream } from './types.js';

/**
 * The text stages every input goes through, raw transcript and caption draft alike: punctuation
 * repair, then term correction. One place, so both paths fix text the same way.
 */
export function cleanText(parsed: ParsedTranscript, options: BuildOptions = {}): TokenStream {
  const stream = normalize(parsed);
  const dictionary = options.dictionary ?? loadDefaultDictionary();
  return dictionary === false ? stream : correctTerms(stream, dictionary, { minConfidence: options.minConfidence, talk: options.talk });
}
