// The term-correction stage: mis-heard terms and names replaced by their canonical form, each change
// recorded as a Correction. It runs on the normalized token stream, before speakers and sentences.

import { byPosition } from '../diagnostic.js';
import type { Correction, Token, TokenStream, WordToken } from '../types.js';
import { sizeOf, wordKey, WORD_SIGIL, type Dictionary, type DictionaryEntry } from './dictionary.js';
import { bestFuzzyMatch } from './fuzzy.js';
import { correctPlainCase } from './casing.js';
import { correctByEvidence, joinedWords } from './evidence.js';
import { readHeading } from './heading.js';
import { correctNumbers } from './numbers.js';
import { loadLexicon, type Lexicon } from './lexicon.js';
import { correctSpokenPython } from './spoken-python.js';
import { correctByTalkPeople } from './talk-people.js';
import { correctByTalkTerms } from './talk-terms.js';
import { blockedBySlot, firstNamesOf } from './slots.js';
import { soundsLike } from './sound.js';
import { partsOf, replaceSpan } from './span.js';
import { buildIndex, fuzzyTargets, isFuzzyCandidate, vocabularyOf, type Pattern, type TermIndex } from './matcher.js';

export { entriesForNames, type Dictionary, type DictionaryEntry } from './dictionary.js';
export { mergeDictionaries } from './merge.js';
export { loadDefaultDictionary, loadDictionaryFile, parseDictionary } from './load.js';

/** Fuzzy fixes below this confidence are not made; chosen so the shipped example gets no false fix. */
export const DEFAULT_MIN_CONFIDENCE = 0.8;

/** Least confidence of a fuzzy fix reached through a listed variant rather than the term. */
const VARIANT_FUZZY_CONFIDENCE = 0.9;

export interface CorrectOptions {
  minConfidence?: number;
  /** Evidence beyond the dictionary (split words, the heading, the lexicon, the talk's own fixes); default on. */
  evidence?: boolean;
  /** The lexicon the evidence pass draws on; the compiled one by default. */
  lexicon?: Lexicon;
  /** The whole talk's heading and earlier fixes, when the stream is a later section of it (BuildOptions.talk). */
  talk?: { title: string | null; corrections: readonly Correction[] };
}


/** Ways the last word of a match may end: whole, possessive ("PSA's"), or as a domain ("piup.io"). */
function lastWordForms(body: string): Array<{ key: string; rest: string }> {
  const forms = [{ key: body.toLowerCase(), rest: '' }];
  const possessive = /^(.+?)(['’]s)$/i.exec(body);
  if (possessive) forms.push({ key: possessive[1].toLowerCase(), rest: possessive[2] });
  // (with a path after it: "picon.us/psf")
  const domain = /^([^.]+)(\.[\p{L}.]+(?:\/[\p{L}\p{N}._/-]*)?)$/u.exec(body);
  if (domain) forms.push({ key: domain[1].toLowerCase(), rest: domain[2] });
  return forms;
}

const SENTENCE_STOP = /[.?!]["'”’)\]]*$/;

function matchesContext(word: string, wanted: string[]): boolean {
  return wanted.some((w) => (w.endsWith('*') ? word.startsWith(w.slice(0, -1)) : word === w));
}

interface Match {
  pattern: Pattern;
  length: number;
  rest: string;
  /** Characters of the first word's leading punctuation that are the term's own (the `.` of `.NET`). */
  sigil: string;
}

/** The words around a span: `window` words before it (already corrected) and after it. */
function neighbourhood(out: Token[], tokens: Token[], end: number, window: number): string[] {
  const words: string[] = [];
  for (let k = out.length - 1; k >= 0 && words.length < window; k--) {
    const t = out[k];
    if (t.type === 'word') words.push(wordKey(t.text));
  }
  let after = 0;
  for (let k = end; k < tokens.length && after < window; k++) {
    const t = tokens[k];
    if (t.type === 'word') {
      words.push(wordKey(t.text));
      after++;
    }
  }
  return words;
}

function conditionsHold(pattern: { context: string[]; unless: string[]; window: number }, out: Token[], tokens: Token[], end: number): boolean {
  if (!pattern.context.length && !pattern.unless.length) return true;
  const around = neighbourhood(out, tokens, end, pattern.window);
  if (pattern.unless.length && around.some((w) => matchesContext(w, pattern.unless))) return false;
  return !pattern.context.length || around.some((w) => matchesContext(w, pattern.context));
}

function followsRight(pattern: Pattern, after: Token | undefined): boolean {
  if (!pattern.next.length && !pattern.notNext.length) return true;
  const next = after?.type === 'word' ? wordKey(after.text) : '';
  if (pattern.next.length && !pattern.next.includes(next)) return false;
  return !pattern.notNext.includes(next);
}

const PLAIN_TOKEN = /^([A-Za-z0-9]+)[,.;:!?"')\]]*$/;

/**
 * The patterns that share a first word, as a tree of their middle words: a text is walked once
 * along it, however many long variants start alike (50 variants of 100 words on a common first
 * word cost 50 × 100 comparisons at every occurrence of that word when each was tried in turn).
 */
interface PatternTree {
  /** Patterns whose last word is at this depth, by that word. */
  ends: Map<string, Pattern[]>;
  next: Map<string, PatternTree>;
}

const trees = new WeakMap<Pattern[], PatternTree>();

function treeOf(patterns: Pattern[]): PatternTree {
  let tree = trees.get(patterns);
  if (tree) return tree;
  tree = { ends: new Map(), next: new Map() };
  for (const pattern of patterns) {
    let node = tree;
    for (let j = 1; j < pattern.words.length - 1; j++) {
      let child = node.next.get(pattern.words[j]);
      if (!child) node.next.set(pattern.words[j], (child = { ends: new Map(), next: new Map() }));
      node = child;
    }
    if (pattern.words.length > 1) {
      const last = pattern.words[pattern.words.length - 1];
      node.ends.set(last, [...(node.ends.get(last) ?? []), pattern]);
    }
  }
  trees.set(patterns, tree);
  return tree;
}

interface Candidate {
  pattern: Pattern;
  length: number;
  rest: string;
}

/** Patterns of the index that the words from `i` on spell, with `lead` (a sigil) before the first. */
function candidatesAt(tokens: Token[], i: number, index: TermIndex, lead: string, body: string, firstForms: Array<{ key: string; rest: string }>): Candidate[] {
  const found: Candidate[] = [];
  // one word: the first word whole, possessive or as a domain
  for (const form of firstForms) for (const pattern of index.byFirstWord.get(lead + form.key) ?? []) if (pattern.words.length === 1) found.push({ pattern, length: 1, rest: form.rest });
  // more words: the first word exactly, then along the tree
  const list = index.byFirstWord.get(lead + body.toLowerCase());
  if (list?.some((p) => p.words.length > 1)) {
    let node: PatternTree | undefined = treeOf(list);
    for (let j = 1; node; j++) {
      const t = tokens[i + j];
      if (t?.type !== 'word') break;
      const parts = partsOf(t.text);
      if (parts.prefix || SENTENCE_STOP.test((tokens[i + j - 1] as WordToken).text)) break;
      if (node.ends.size) {
        for (const form of lastWordForms(parts.body)) for (const pattern of node.ends.get(form.key) ?? []) found.push({ pattern, length: j + 1, rest: form.rest });
      }
      node = node.next.get(parts.body.toLowerCase());
    }
  }
  // longest first; among equals, in the index's order
  const order = (c: Candidate) => (index.byFirstWord.get(lead + c.pattern.words[0]) ?? []).indexOf(c.pattern);
  return found.length > 1 ? found.sort((a, b) => b.length - a.length || order(a) - order(b)) : found;
}

function matchAt(tokens: Token[], i: number, index: TermIndex, out: Token[]): Match | null {
  const first = tokens[i] as WordToken;
  // most words are plain and start no pattern at all: decide that with one regex and one lookup
  const plain = PLAIN_TOKEN.exec(first.text);
  if (plain && !index.byFirstWord.has(plain[1].toLowerCase())) return null;
  const { prefix, body } = partsOf(first.text);
  // a term spelt with its sigil (`.NET`) is matched with the sigil the text puts before the word
  const sigil = WORD_SIGIL.exec(prefix)?.[1] ?? '';
  const sigilled = sigil !== '' && index.byFirstWord.has(sigil + body.toLowerCase());
  if (!sigilled && !index.byFirstWord.has(body.toLowerCase()) && !/['’.]/.test(body)) return null;
  const firstForms = lastWordForms(body);
  for (const lead of sigil ? [sigil, ''] : ['']) {
    for (const { pattern, length, rest } of candidatesAt(tokens, i, index, lead, body, firstForms)) {
      if (followsRight(pattern, tokens[i + length]) && conditionsHold(pattern, out, tokens, i + length)) return { pattern, length, rest, sigil: lead };
    }
  }
  return null;
}

function heardText(span: WordToken[], rest: string, sigil = ''): string {
  const text = span.map((t) => t.text).join(' ');
  const { prefix } = partsOf(span[0].text);
  const { trail } = partsOf(span[span.length - 1].text);
  return text.slice(prefix.length - sigil.length, text.length - trail.length - rest.length);
}

/** The word after a name that makes it a web address ("pycon. org", "pycon. us/psf"). */
const DOMAIN_AFTER = /^(?:org|com|net|io|us|dev)(?:[/,.;:!?)]|$)/;

/** Replaces listed variants (and wrong casings of terms); returns the new tokens and what changed. */
function correctListed(tokens: Token[], index: TermIndex, corrections: Correction[]): { tokens: Token[]; touched: Set<WordToken> } {
  const out: Token[] = [];
  const touched = new Set<WordToken>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const match = t.type === 'word' ? matchAt(tokens, i, index, out) : null;
    if (!match) {
      out.push(t);
      continue;
    }
    const span = tokens.slice(i, i + match.length) as WordToken[];
    const from = heardText(span, match.rest, match.sigil);
    const { entry } = match.pattern;
    // A domain is written in lower case ("python.org"): a change of case alone is no fix there.
    const domainCaseOnly = match.rest.startsWith('.') && from.toLowerCase() === entry.term.toLowerCase();
    // so is a command-line flag ("-html", "--html"): written as the program spells it
    const flag = /-$/.test(partsOf(span[0].text).prefix) && from.toLowerCase() === entry.term.toLowerCase();
    if (from === entry.term || domainCaseOnly || flag) {
      out.push(...span);
    } else {
      // a name heard before a domain's ending ("pikon. org") is the domain's, written in lower case
      const domain = /^[A-Za-z]+$/.test(entry.term) && (match.rest.startsWith('.') || (/\.$/.test(span[span.length - 1].text) && DOMAIN_AFTER.test((tokens[i + match.length] as WordToken | undefined)?.text ?? '')));
      const term = domain ? entry.term.toLowerCase() : entry.term;
      if (domain && from === term) {
        out.push(...span);
        i += match.length - 1;
        continue;
      }
      const replaced = replaceSpan(span, term, match.rest, match.sigil);
      for (const r of replaced) touched.add(r);
      out.push(...replaced);
      corrections.push({ line: span[0].line, column: span[0].column, from, to: term, kind: entry.kind, rule: `${entry.term}, ${match.pattern.how}`, confidence: 1 });
    }
    i += match.length - 1;
  }
  return { tokens: out, touched };
}

const PLAIN_WORD = /^([A-Za-z]{4,})[,.;:!?"')\]]*$/;

/** Words nobody listed, matched by sound and spelling; only words that are not English. */
function correctFuzzy(tokens: Token[], index: TermIndex, touched: Set<WordToken>, minConfidence: number, corrections: Correction[], firstNames: { has(name: string): boolean }): Token[] {
  type Found = { entry: DictionaryEntry; replacement: string; confidence: number };
  const decided = new Map<string, Found | null>();
  const best = (key: string) => {
    if (decided.has(key)) return decided.get(key)!;
    const targets = fuzzyTargets(index, key);
    let match = bestFuzzyMatch(key, targets, minConfidence);
    // a listed variant is a mishearing itself: a word reaches a term through one only when very
    // close to it ("Pieday" is not "PiDye", so not Pyodide); else the terms alone are compared
    if (match?.target.variant && match.confidence < Math.max(minConfidence, VARIANT_FUZZY_CONFIDENCE)) {
      match = bestFuzzyMatch(key, targets.filter((t) => !t.variant), minConfidence);
    }
    const found = match && { entry: match.target.entry, replacement: match.target.replacement, confidence: match.confidence };
    decided.set(key, found);
    return found;
  };
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    out.push(t);
    if (t.type !== 'word' || touched.has(t)) continue;
    // cheap first look: a bare word of 4+ letters (with at most plain punctuation after it)
    const plain = PLAIN_WORD.exec(t.text);
    if (!plain) continue;
    const key = plain[1].toLowerCase();
    if (!isFuzzyCandidate(key, index)) continue;
    const parts = partsOf(t.text);
    const found = best(key);
    if (!found || !conditionsHold(found.entry, out.slice(0, -1), tokens, i + 1)) continue;
    if (blockedBySlot(out.slice(0, -1), tokens, i, found.entry.kind === 'name', firstNames)) continue;
    // a capitalised word is often a place or a name: made a term only when it also sounds like it
    // ("SecutLearn" is scikit-learn, "Scotland" is not)
    if (found.entry.kind !== 'name' && /^[A-Z]/.test(t.text) && !soundsLike(key, found.entry.key)) continue;
    const { entry, replacement, confidence } = found;
    out.pop();
    const replaced = replaceSpan([t], replacement, '');
    for (const r of replaced) touched.add(r);
    out.push(...replaced);
    corrections.push({ line: t.line, column: t.column, from: parts.body, to: replacement, kind: entry.kind, rule: `${entry.term}, fuzzy`, confidence });
  }
  return out;
}

/** The texts of the words (a loop: flatMap made an array per token). */
function wordTexts(tokens: Token[]): string[] {
  const texts: string[] = [];
  for (const t of tokens) if (t.type === 'word') texts.push(t.text);
  return texts;
}

/** The stage: listed variants first, then fuzzy matches of what is left. */
export function correctTerms(stream: TokenStream, dictionary: Dictionary, options: CorrectOptions = {}): TokenStream {
  if (!sizeOf(dictionary)) return stream;
  const evidence = options.evidence !== false;
  const vocabulary = vocabularyOf(wordTexts(stream.tokens));
  // words heard apart reach the entry they join into ("C Python" → CPython); by word, not by sound
  // (in twos: a dictionary term heard in three pieces is a listed variant, "type var tuple")
  if (evidence) for (const joined of joinedWords(stream.tokens, false)) (vocabulary.words as Set<string>).add(joined);
  const lexicon = evidence ? (options.lexicon ?? loadLexicon()) : undefined;
  const heading = lexicon ? readHeading(options.talk ? options.talk.title : stream.title, lexicon) : { people: [], terms: [], englishTerms: [] };
  // the heading's terms reach their entries, so that a term the dictionary knows is left to it
  for (const term of [...heading.terms, ...heading.englishTerms]) (vocabulary.words as Set<string>).add(term.toLowerCase());
  const index = buildIndex(dictionary, vocabulary);
  const corrections: Correction[] = [];
  // Python's own names said as words first: the dictionary would case "python" of "python dev"
  const spoken = new Set<WordToken>();
  const listed = correctListed(lexicon ? correctSpokenPython(stream.tokens, spoken, corrections, lexicon, vocabulary.words) : stream.tokens, index, corrections);
  for (const t of spoken) listed.touched.add(t);
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const firstNames = lexicon ? firstNamesOf(lexicon, heading) : new Set<string>();
  let tokens = minConfidence >= 1 ? listed.tokens : correctFuzzy(listed.tokens, index, listed.touched, minConfidence, corrections, firstNames);
  if (lexicon) tokens = correctNumbers(tokens, listed.touched, lexicon.peps, corrections);
  if (lexicon) tokens = correctByEvidence(tokens, { index, heading, lexicon, touched: listed.touched, minConfidence, corrections, earlier: options.talk?.corrections ?? [] });
  if (lexicon) tokens = correctByTalkTerms(tokens, { index, heading, lexicon, touched: listed.touched, minConfidence, corrections, earlier: options.talk?.corrections ?? [], words: vocabulary.words });
  if (lexicon) tokens = correctByTalkPeople(tokens, { heading, lexicon, touched: listed.touched, minConfidence, corrections, earlier: options.talk?.corrections ?? [], words: vocabulary.words });
  if (lexicon) tokens = correctPlainCase(tokens, { terms: index.plainCase, isTerm: (key) => index.terms.has(key) || lexicon.byKey.has(key), touched: listed.touched, corrections });
  const all = [...stream.corrections, ...corrections].sort(byPosition);
  return { ...stream, tokens, corrections: all };
}
