// Is a comma the transcription put where the speaker paused one that written English keeps? Decided
// from the words on either side; the rules were measured on the annotated corpus (docs/text-eval.md).

import { bare } from './english.js';

/** What the decision looks at around one comma. */
export interface CommaContext {
  /** The words before the comma on its line, the last one without the comma. */
  before: string[];
  /** The words after it on its line (may be empty at a line end). */
  after: string[];
  /** Whether capitals in this transcript carry information (see sentence-ends.ts). */
  caseInformative: boolean;
  isName: (word: string) => boolean;
}

// Words that bind to what follows: a comma right after one splits a phrase ("the， standard library").
// Articles, possessives and "of" always do; a preposition may also end a clause ("material to, I should").
const ALWAYS_BINDS = new Set(`a an the my your our their his her its of than every very`.split(/\s+/));
const BINDS_FORWARD = new Set(`to for with from at by into onto about in on over under through some any each`.split(/\s+/));

// Words that open a clause or an aside: a comma before one is at home.
const OPENS_CLAUSE = new Set(
  `i i'm i've i'll i'd you you're you've we we're we've they they're he she it it's that's there there's this
  and but so or because which who what how when where if though although while well oh okay like um uh
  maybe please thanks yes yeah no not right actually basically just really again anyway then now`.split(/\s+/),
);

const opensClause = (word: string) => OPENS_CLAUSE.has(bare(word));

// Words that a comma after cannot end: a conjunction, a relative, a subject pronoun, a linking verb.
// Only an aside may follow them: "and, you know, ...".
const WANTS_MORE = new Set(`and or which who then`.split(/\s+/));
// A subject or a linking verb wants its clause finished, unless a new clause begins: "what the problems are, which".
const WANTS_COMPLEMENT = new Set(`i am i'm we we're you're they're he she be is are was were`.split(/\s+/));

// Asides that may stand between commas anywhere.
const ASIDE = /^(?:you know|i mean|like|well|oh|um|uh|of course|again|actually|basically|say|for example|for instance|in fact|please)\b/i;

// Words after which a comma is an introduction's: "So, it", "Well, them".
const DISCOURSE = new Set(`so well now okay ok oh yes yeah no right see know mean like first then also anyway actually`.split(/\s+/));

/**
 * True when the words after the comma are a verb's object: a pronoun that is never a subject
 * ("help, them"), or "it" that ends the clause or runs into a modifier ("explain, it.", "make, it a little").
 */
function objectOfVerb(after: string[]): boolean {
  const first = bare(after[0] ?? '');
  if (OBJECT_PRONOUNS.has(first)) return true;
  if (first !== 'it') return false;
  return /[.?!]["'”’)]*$/.test(after[0]) || after.length === 1 || AFTER_OBJECT.has(bare(after[1]));
}

const OBJECT_PRONOUNS = new Set(['them', 'him', 'us', 'me']);
const AFTER_OBJECT = new Set(`a an the to in on up out down back over into for with again now`.split(/\s+/));

/** Why the comma is a pause inside a phrase that clean English writes without one, or null. */
export function pauseComma(ctx: CommaContext): string | null {
  const prev = bare(ctx.before[ctx.before.length - 1] ?? '');
  const first = ctx.after[0];
  if (!prev || !first || !/^[\p{L}\d]/u.test(first)) return null;
  const rest = ctx.after.join(' ').replace(/[,.;:?!"”]/g, '');
  const objectNext = objectOfVerb(ctx.after);
  if (ASIDE.test(rest)) return null;
  if (WANTS_MORE.has(prev)) return 'wants-more';
  if (ALWAYS_BINDS.has(prev) && bare(first) !== prev) return 'binds-forward';
  if (objectNext && !DISCOURSE.has(prev)) return 'object-next';
  if (opensClause(first)) return null;
  if (WANTS_COMPLEMENT.has(prev)) return 'wants-complement';
  if (bare(first) === prev) return null; // "a very, very interactive": a repetition keeps its comma
  if (BINDS_FORWARD.has(prev)) return 'binds-forward';
  // "which is really, great", "with a purely, live setup": an adverb inside a clause leans on the next word.
  if (/^\p{Ll}{3,}ly$/u.test(prev) && ctx.before.length >= 2 && !/[,.;:?!]$/.test(ctx.before[ctx.before.length - 2]) && /^\p{Ll}/u.test(first)) return 'adverb-before-word';
  // Where the transcription capitalised after every comma, a capital there marks only a pause.
  return !ctx.caseInformative && /^\p{Lu}/u.test(first) && !ctx.isName(first) ? 'capital-after-pause' : null;
}
