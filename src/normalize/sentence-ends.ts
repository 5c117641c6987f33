// Does a sentence end where the transcription put a full stop at the end of a line? The transcription
// ends nearly every line with one, so the stop itself says nothing; what precedes and follows does.
// The rules and their order were measured on the annotated corpus (docs/text-eval.md).

import { CANNOT_END_SENTENCE, bare } from './english.js';

/** What the decision looks at around one line-final stop. */
export interface StopContext {
  /** The line's words since its last sentence end inside the line; the last one without its stop. */
  before: string[];
  /** The first words of the next speech line, up to its first punctuation (at most a few). */
  after: string[];
  /**
   * Whether capitals in this transcript carry information: false when the transcription also
   * capitalised words after its commas, so a capital at a line start says nothing.
   */
  caseInformative: boolean;
  /** True when the word is a name or term written with a capital wherever it stands. */
  isName: (word: string) => boolean;
  /**
   * How often this transcript says the two words (lower case, bare) one after the other inside a
   * line, with no punctuation between: a pair said together often is one phrase ("steering council").
   */
  saidTogether?: (first: string, second: string) => number;
  /** The line is one of a transcript wrapped at a fixed width (line-width.ts): its stop marks the wrap. */
  wrapped?: boolean;
}

// Words that open a new clause: after a stop they mean a new sentence.
const CLAUSE_OPENERS = new Set(
  `so and but now then well okay ok alright anyway also it it's this there there's here we we're we've we'll
  they they're let's yes yeah thanks thank hi hello oh what how why`.split(/\s+/),
);

// Words that carry a sentence on: a relative, a preposition, a comparison ("Because of that。" is a lead-in).
const CONTINUERS = new Set(
  `which that whose whom where to of for in on at with by from into than as like or nor via per
  because since unless until whereas`.split(/\s+/),
);

// Words that cannot open a sentence of their own: "…the mazilla grant that the psf。 / Received" aside,
// a relative or a preposition of this kind attaches to what went before.
const BOUND_OPENERS = new Set(`which whose whom of than via per`.split(/\s+/));

// Verbs that introduce what someone says or thinks: "and he goes。 / I've never seen…".
const INTRODUCING = new Set(`says said say goes went mean asks asked hey gosh`.split(/\s+/));
// Of those, the ones that cannot close a sentence in the present tense of a story.
const QUOTING = new Set(`says goes asks hey gosh`.split(/\s+/));

// A subject pronoun, or a pronoun with its verb contracted onto it, cannot close a sentence ("because we。").
const SUBJECTS = new Set(`i we they he she`.split(/\s+/));
const CONTRACTED_VERB = /^(?:it|that|there|here|what|who|where|he|she)['’]s$|^(?:we|they|you)['’]re$|^i['’]m$/;

const RELATIVES = new Set(`which whose whom`.split(/\s+/));

// Quantifiers that stand before a noun; at a line end, the noun opens the next line.
const QUANTIFIERS = new Set(`some many several various certain`.split(/\s+/));

// Besides clause openers, words that open a phrase of their own after a stop: "…a dog。 / The dog…".
const PHRASE_OPENERS = new Set(`the a an that these those my our your you he she i'm i've`.split(/\s+/));

// A subject with its verb contracted onto it: a clause, wherever it stands.
const SUBJECT_CONTRACTION = /^(?:you|we|they|i|it|that|there|what|he|she)['’](?:re|ve|m|s|ll|d)$/;
// Sentence adverbs that open a clause ("Basically the status of it is…").
const SENTENCE_ADVERBS = new Set(`basically actually honestly obviously finally clearly hopefully unfortunately fortunately anyway`.split(/\s+/));

/**
 * A next line that opens a clause at once or after a first word of address or comment: "Carol you're also…",
 * "Basically the status…", "Tell us how…" (a verb with "us"/"me" after it asks something of the listener).
 */
function opensClauseLater(after: string[]): boolean {
  const [first, second] = after.map(bare);
  // a subject ("You know, we…", "That's what…") or a request ("Please come…") opens one at once
  if (SENTENCE_ADVERBS.has(first) || SUBJECT_CONTRACTION.test(first) || /^(?:you|he|she|please)$/.test(first)) return true;
  return second !== undefined && (SUBJECT_CONTRACTION.test(second) || /^(?:us|me)$/.test(second));
}

// One-word replies and thanks that do make a sentence of their own.
const STANDALONE = new Set(`okay ok right yes yeah no yep nope thanks thank you hi hello bye sure great cool awesome wow`.split(/\s+/));

/**
 * A short lead-in left at the end of a line — "Because of that", "By default", "I mean", "and he
 * goes" — introduces what the next line says; it is no sentence of its own.
 */
function isLeadIn(before: string[]): boolean {
  const words = before.map(bare);
  const last = words[words.length - 1];
  // "thread zero comes along and says。 / L got clear": what is said follows, however long the lead.
  if (QUOTING.has(last)) return true;
  if (before.length === 0 || before.length > 4) return false;
  if (words.every((w) => STANDALONE.has(w))) return false;
  if (INTRODUCING.has(last)) return true;
  // A preposition-led phrase or a lone adverb of sequence: "By default", "Because of that", "Finally".
  if (before.length <= 3 && CONTINUERS.has(words[0]) && words[0] !== 'that') return true;
  return before.length === 1 && /ly$/.test(last) && last.length > 4;
}

/**
 * Why the sentence goes on into the next line (so the line-final stop must go), or null when it ends
 * there. The reason names the evidence, so each rule's precision can be measured on its own.
 */
export function sentenceContinues(ctx: StopContext): string | null {
  const last = bare(ctx.before[ctx.before.length - 1] ?? '');
  // A quotation opening the next line is read by its first word ("I was like。 / "Nobody invents…").
  const first = (ctx.after[0] ?? '').replace(/^["“]/, '');
  const firstKey = bare(first);
  if (!firstKey) return null;
  if (/^\p{Ll}/u.test(first)) return 'lower-case-next';
  if (!/^\p{Lu}/u.test(first)) return null;
  if (isLeadIn(ctx.before)) return 'lead-in';
  const opensClause = CLAUSE_OPENERS.has(firstKey) || firstKey === 'i' || /^i['’]/.test(firstKey);
  // "…except for one, which。 / I'll mention in a second": a relative pronoun never ends a sentence,
  // whatever opens the next line.
  if (RELATIVES.has(last)) return 'relative-last';
  // "there it is。 / Now", "as it comes in。 / Now": a capitalised clause opener outweighs a particle.
  if (CANNOT_END_SENTENCE.has(last)) return ctx.caseInformative && opensClause && firstKey !== 'i' ? null : 'cannot-end';
  if (!opensClause && !ctx.caseInformative && BOUND_OPENERS.has(firstKey)) return 'bound-next';
  // "we took some。 / Feedback", "in many。 / Cases": a quantifier waits for its noun.
  if (QUANTIFIERS.has(last) && !opensClause) return 'quantifier-last';
  // …unless the next line starts over with "I" ("And while I'm。 / I work really hard"): a restart.
  const restart = firstKey === 'i' || /^i['’]/.test(firstKey);
  if (SUBJECTS.has(last) && !restart) return 'subject-last';
  if (CONTRACTED_VERB.test(last) && !restart) return 'contraction-last';
  // "the steering。 / Council", "the data。 / Science community": a pair the talk says together
  // elsewhere (at least twice), cut by the break, unless the next line opens a clause, a noun phrase
  // or an introductory phrase closed by a comma ("In our situation, we…").
  const introductory = ctx.after.length <= 4 && /,$/.test(ctx.after[ctx.after.length - 1] ?? '');
  if (!opensClause && !introductory && !PHRASE_OPENERS.has(firstKey) && (ctx.saidTogether?.(last, firstKey) ?? 0) >= 2) return 'said-together';
  // A transcript wrapped at a width whose capitals say nothing: a line of the usual width ends at
  // the wrap unless the next line opens a clause.
  if (ctx.wrapped && !ctx.caseInformative && !opensClause && !opensClauseLater(ctx.after)) return 'wrapped-line';
  // In other transcripts where capitals say nothing, what the next line opens with was measured too:
  // a looser continuing word ("With", "Because"), a verb with no subject ("Gets to report") or a noun
  // phrase ("The steering council") each carried the sentence on less than 90% of the time
  // (docs/text-eval.md), so the stop stays.
  return null;
}
