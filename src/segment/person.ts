// Asks compromise whether a word in a sentence is a person's name. compromise's tagger costs about a
// quarter of a second to load, so it is loaded only when a candidate no other signal confirms
// (the host's introduction, the speaker's own, the roster) needs it, and only that sentence is tagged.

import { createRequire } from 'node:module';

interface Tagged {
  json(): Array<{ terms: Array<{ text: string; tags: string[] }> }>;
}
type Nlp = (text: string) => Tagged;

const require = createRequire(import.meta.url);
let nlp: Nlp | null = null;
let loads = 0;

function tagger(): Nlp {
  if (!nlp) {
    nlp = require('compromise/two') as Nlp;
    loads++;
  }
  return nlp;
}

/** True when compromise tags `word` in `sentence` as a person (first name, last name, person). */
export function taggedAsPerson(sentence: string, word: string): boolean {
  const wanted = word.toLowerCase();
  for (const doc of tagger()(sentence).json()) {
    for (const term of doc.terms) {
      if (term.text.toLowerCase().replace(/[^\p{L}'-]/gu, '') === wanted) return term.tags.includes('Person') || term.tags.includes('FirstName') || term.tags.includes('LastName');
    }
  }
  return false;
}

/** Whether compromise has been loaded in this process (the benchmark and tests check it stays unloaded when not needed). */
export function taggerLoaded(): boolean {
  return loads > 0;
}
