// The normalize stage: full-width punctuation to English, tokens the transcription split across a
// line break joined again, stops that do not end a sentence removed, stray capitals lowered.

import { byPosition, type Diagnostic } from '../diagnostic.js';
import type { ParsedTranscript } from '../read/transcript.js';
import type { Correction, Token, TokenStream, WordToken } from '../types.js';
import { FUNCTION_WORDS, bare } from './english.js';
import { convertAndSplit, type DraftWord } from './punctuation.js';
import { pauseComma } from './commas.js';
import { cleanSoundTags, collapseLoops } from './garbage.js';
import { linesWrappedAtWidth } from './line-width.js';
import { sentenceContinues } from './sentence-ends.js';
import { asClockTime, consonantAcronym, detachDottedName, initialsAsAcronym, isSpokenSetupFile, joinAcrossBreak, joinedTerm, lowerDomain, nearPort, placedInDay } from './tokens.js';

type DraftToken = DraftWord | Exclude<Token, WordToken>;

const ENDS_SENTENCE = /[.?!]["'”’)\]]*$/;

function convertTitle(title: string): string {
  return title
    .replace(/[，、]\s*/g, ', ')
    .replace(/[：]\s*/g, ': ')
    .replace(/[；]\s*/g, '; ')
    .replace(/[。]\s*/g, '. ')
    .replace(/[？]\s*/g, '? ')
    .replace(/[！]\s*/g, '! ')
    .replace(/\s+/g, ' ')
    .trim();
}

function draftTokens(parsed: ParsedTranscript, corrections: Correction[]): DraftToken[] {
  const tokens: DraftToken[] = [];
  for (const { line, pieces } of parsed.lines) {
    for (let index = 0; index < pieces.length; index++) {
      const piece = pieces[index];
      if (piece.kind === 'text') {
        const columns = piece.columns;
        const column = piece.column;
        const columnOf = columns ? (i: number) => columns[i] ?? column + i : (i: number) => column + i;
        let endsLine = true;
        for (let k = index + 1; k < pieces.length && endsLine; k++) endsLine = pieces[k].kind === 'marker';
        for (const w of convertAndSplit(piece.text, line, columnOf, endsLine, corrections)) tokens.push(w);
      } else if (piece.kind === 'marker') {
        tokens.push({ type: 'marker', image: piece.image, line, column: piece.column });
      } else if (piece.kind === 'event') {
        tokens.push({ type: 'event', text: piece.text, line, column: piece.column });
      } else {
        tokens.push({ type: 'turn', line, column: piece.column });
      }
    }
  }
  return tokens;
}

function record(corrections: Correction[], w: { line: number; column: number }, from: string, to: string, rule: string, kind: Correction['kind'] = 'punctuation', confidence = 1, evidence?: string) {
  corrections.push({ line: w.line, column: w.column, from, to, kind, rule, confidence, ...(evidence ? { evidence } : {}) });
}

// Cheap tests on one character before the patterns: most words pass neither (the stage runs once, cold).
const STRAY_FIRST = new Set([',', '.', ';', ':', '!', '?']);
const CLAUSE_MARK = new Set([',', ';', ':']);

/** Punctuation left standing alone (after a sound event, or doubled at a sentence end) is removed. */
function dropStrayPunctuation(tokens: DraftToken[], corrections: Correction[]): DraftToken[] {
  const out: DraftToken[] = [];
  for (const t of tokens) {
    if (t.type !== 'word') {
      out.push(t);
      continue;
    }
    const prev = out[out.length - 1];
    if (STRAY_FIRST.has(t.text[0]) && /^[,.;:!?]+$/.test(t.text)) {
      if (prev?.type === 'word' && prev.line === t.line && !/[,.;:!?]$/.test(prev.text)) {
        record(corrections, t, t.text, '', 'stray-punctuation');
        prev.text += t.text;
        prev.lineFinalStop = t.lineFinalStop;
      } else {
        record(corrections, t, t.text, '', 'stray-punctuation');
      }
      continue;
    }
    const doubled = CLAUSE_MARK.has(t.text[t.text.length - 1]) ? /([.?!]["'”’)]*)[,;:]+$/.exec(t.text) : null;
    if (doubled) {
      const fixed = t.text.slice(0, doubled.index) + doubled[1];
      record(corrections, t, t.text, fixed, 'double-punctuation');
      t.text = fixed;
    }
    out.push(t);
  }
  return out;
}

interface CaseEvidence {
  lower: number;
  capitalizedMidSentence: number;
}

/** How each word is written where the transcription had no reason to capitalise it. */
function gatherCaseEvidence(tokens: DraftToken[]): Map<string, CaseEvidence> {
  const evidence = new Map<string, CaseEvidence>();
  let prev: DraftToken | undefined;
  for (const t of tokens) {
    if (t.type === 'word') {
      const key = bare(t.text);
      const first = t.text.replace(/^[^\p{L}]+/u, '')[0];
      if (key && first) {
        const e = evidence.get(key) ?? { lower: 0, capitalizedMidSentence: 0 };
        if (first !== first.toUpperCase()) e.lower++;
        else if (prev?.type === 'word' && prev.line === t.line && !/[.?!,;:"]$/.test(prev.text)) e.capitalizedMidSentence++;
        evidence.set(key, e);
      }
    }
    prev = t;
  }
  return evidence;
}

/** True when a capital at this word is an artefact of the transcription rather than a name. */
function shouldLower(word: string, next: DraftToken | undefined, evidence: Map<string, CaseEvidence>): boolean {
  if (!/^\p{Lu}\p{Ll}*(?:['’]\p{Ll}+)?[,.;:!?]*$/u.test(word)) return false; // "I", acronyms, CamelCase stay
  const key = bare(word);
  if (key === 'i' || key.startsWith("i'") || key.startsWith('i’')) return false;
  if (/^[\p{L}'’]+$/u.test(word) && next?.type === 'word' && /^\p{Lu}/u.test(next.text) && !/^I(?:['’]\p{L}+)?\b/u.test(next.text)) return false; // part of a longer name: "Hill District"
  if (FUNCTION_WORDS.has(key)) return true;
  const e = evidence.get(key);
  return !!e && e.lower > 0 && e.capitalizedMidSentence === 0;
}

function lowerFirst(text: string): string {
  return text.replace(/\p{Lu}/u, (c) => c.toLowerCase());
}

/** True when the word is written with a capital wherever it stands: a name or a term. */
function isNameIn(evidence: Map<string, CaseEvidence>) {
  return (word: string): boolean => {
    if (!/^[^\p{L}]*\p{Lu}/u.test(word)) return false;
    const e = evidence.get(bare(word));
    return !e || e.lower === 0 || e.capitalizedMidSentence >= e.lower;
  };
}

/**
 * Whether this transcript's capitals carry information. Some transcriptions capitalise the word after
 * every comma as after a stop; there a capital at a line start says nothing about a sentence start.
 */
function capitalsInformative(tokens: DraftToken[], evidence: Map<string, CaseEvidence>): boolean {
  let capital = 0;
  let all = 0;
  for (const t of tokens) {
    if (t.type !== 'word' || !t.afterFullwidthComma || !/^\p{L}/u.test(t.text)) continue;
    const key = bare(t.text);
    if (key === 'i' || /^i['’]/.test(key)) continue;
    all++;
    if (/^\p{Lu}/u.test(t.text) && !isNameIn(evidence)(t.text)) capital++;
  }
  return all < 20 || capital / all < 0.4;
}

/** The words of w's line since its last sentence end inside the line, and the next line's opening words. */
function stopSurroundings(tokens: DraftToken[], i: number, j: number): { before: string[]; after: string[] } {
  const before: string[] = [];
  for (let k = i; k >= 0; k--) {
    const t = tokens[k];
    if (t.type !== 'word' || t.line !== tokens[i].line) break;
    const text = k === i ? t.text.slice(0, -1) : t.text;
    if (k !== i && /[.?!]["'”’)]*$/.test(text)) break;
    before.unshift(text);
  }
  const after: string[] = [];
  for (let k = j; k < tokens.length && after.length < 6; k++) {
    const t = tokens[k];
    if (t.type !== 'word' || t.line !== tokens[j].line) break;
    after.push(t.text);
    if (/[,.;:?!]["'”’)]*$/.test(t.text)) break;
  }
  return { before, after };
}

/** A quotation mark left alone at the start of a line, maybe with a comma: the quotation closes there. */
const CLOSING_QUOTE = /^["”][,;:]?$/;

/**
 * Moves a closing quotation mark that opens the next line back onto the quotation's last word: before
 * a lower-case word the sentence goes on (`Handbook", the second edition`), otherwise it ends inside
 * the quotation (`today." So`). Returns false when the word is no line-final stop.
 */
function closeQuote(w: DraftWord, quote: DraftWord, after: DraftToken | undefined, corrections: Correction[]): boolean {
  if (!w.lineFinalStop || !w.text.endsWith('.')) return false;
  const stem = w.text.slice(0, -1);
  // "dog。 / "， And his parents say": a capital after the quote starts a new sentence, comma or not
  const goesOn = after?.type === 'word' && after.line === quote.line && /^\p{Ll}/u.test(after.text);
  const joined = goesOn ? `${stem}"${quote.text.slice(1)}` : `${stem}."`;
  record(corrections, w, `${w.text} ⏎ ${quote.text}`, joined, 'closing-quote', 'punctuation', 0.9, goesOn ? 'quote-closes' : undefined);
  w.text = joined;
  w.lineFinalStop = false;
  return true;
}

/**
 * Whether a line that opens with no space continues the last word of the line before. Most
 * transcriptions start every speech line with a space and drop it only where the line break fell
 * inside a token ("accumulator。 / concat"); where lines commonly open without one, it says nothing.
 */
function spaceOpensLines(parsed: ParsedTranscript): boolean {
  let spaced = 0;
  let all = 0;
  for (const { pieces } of parsed.lines) {
    const first = pieces[0];
    if (first?.kind !== 'text') continue;
    all++;
    if (/^\s/.test(first.text)) spaced++;
  }
  return all >= 10 && spaced / all >= 0.9;
}

/** "accumulator. ⏎ concat" where the next line opens with no space: one token split by the break. */
function joinGlued(word: DraftWord, next: DraftWord): { text: string; rule: string } | null {
  if (next.column !== 1 || !/[\p{L}\d_]\.$/u.test(word.text) || !/^[\p{L}\d]/u.test(next.text)) return null;
  return { text: word.text + next.text, rule: 'split-glued' };
}

/**
 * How often the talk says two words one after the other inside a line with nothing between them
 * (lower case, bare), less how often it ends a sentence inside a line on the first of them: a pair
 * such as "steering council" scores high, "that if" does not ("…fix that. If you…"). Counted on first use.
 */
function pairCounter(tokens: DraftToken[]): (first: string, second: string) => number {
  let pairs: Map<string, number> | undefined;
  let endings: Map<string, number> | undefined;
  return (first, second) => {
    if (!pairs || !endings) {
      pairs = new Map();
      endings = new Map();
      let prev: DraftWord | undefined;
      let prevKey = '';
      for (const t of tokens) {
        if (t.type !== 'word') {
          prev = undefined;
          continue;
        }
        const key = bare(t.text);
        if (prev && prev.line === t.line) {
          const last = prev.text.charCodeAt(prev.text.length - 1);
          // 46 '.', 63 '?', 33 '!': a sentence ends on the word before
          if (last === 46 || last === 63 || last === 33) endings.set(prevKey, (endings.get(prevKey) ?? 0) + 1);
          else if (!/[^\p{L}\p{N}'’]$/u.test(prev.text)) pairs.set(`${prevKey} ${key}`, (pairs.get(`${prevKey} ${key}`) ?? 0) + 1);
        }
        prev = t;
        prevKey = key;
      }
    }
    return (pairs.get(`${first} ${second}`) ?? 0) - (endings.get(first) ?? 0);
  };
}

/** Repairs at line ends: tokens split by the line break, and stops that do not end the sentence. */
function repairLineEnds(tokens: DraftToken[], corrections: Correction[], caseEvidence: Map<string, CaseEvidence>, caseInformative: boolean, gluedLines: boolean, wrapped: ReadonlySet<number>): DraftToken[] {
  const isName = isNameIn(caseEvidence);
  const saidTogether = pairCounter(tokens);
  const removed = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i];
    if (w.type !== 'word' || !w.lineFinalStop || removed.has(i)) continue;
    let j = i + 1;
    while (j < tokens.length && tokens[j].type === 'marker') j++;
    const next = tokens[j];
    if (next?.type !== 'word') continue;
    const adjacent = j === i + 1;
    const before = tokens[i - 1]?.type === 'word' ? (tokens[i - 1] as DraftWord).text : undefined;
    const after = tokens[j + 1]?.type === 'word' ? (tokens[j + 1] as DraftWord).text : undefined;
    const joined = adjacent ? (joinAcrossBreak(w.text, next.text, before, after) ?? (gluedLines ? joinGlued(w, next) : null)) : null;
    if (joined) {
      record(corrections, w, `${w.text} ⏎ ${next.text}`, joined.text, joined.rule, 'punctuation', 0.95);
      w.text = joined.text;
      w.lineFinalStop = next.lineFinalStop;
      removed.add(j);
      i--; // the joined word may itself end its line with a stop
      continue;
    }
    if (adjacent && CLOSING_QUOTE.test(next.text) && closeQuote(w, next, tokens[j + 1], corrections)) {
      removed.add(j);
      continue;
    }
    const stem = w.text.slice(0, -1);
    const evidence = sentenceContinues({ ...stopSurroundings(tokens, i, j), caseInformative, isName, saidTogether, wrapped: wrapped.has(w.line) });
    if (!evidence) continue;
    if (!/(?:^|[^\p{L}])(?:\p{L}\.){2,}$/u.test(w.text)) {
      // keep abbreviations such as "p.m." whole; drop the stop of an ordinary word, a domain or a file name
      record(corrections, { line: w.line, column: w.column + stem.length }, '。', '', 'line-end-stop', 'punctuation', 0.9, evidence);
      w.text = stem;
    }
    w.lineFinalStop = false;
    if (shouldLower(next.text, tokens[j + 1], caseEvidence)) {
      const lowered = lowerFirst(next.text);
      record(corrections, next, next.text, lowered, 'continuation-case', 'case', 0.9);
      next.text = lowered;
    }
  }
  return removed.size ? tokens.filter((_, k) => !removed.has(k)) : tokens;
}

/**
 * The transcription put full-width commas where the speaker paused, even after "the" or "of", and
 * capitalised the word after each; drop such commas and lower the capital where it is no name.
 */
function repairCommas(tokens: DraftToken[], corrections: Correction[], caseEvidence: Map<string, CaseEvidence>, caseInformative: boolean) {
  const isName = isNameIn(caseEvidence);
  tokens.forEach((t, i) => {
    if (t.type !== 'word' || !t.afterFullwidthComma) return;
    const prev = tokens[i - 1];
    if (prev?.type !== 'word' || !/,$/.test(prev.text) || ENDS_SENTENCE.test(prev.text.slice(0, -1))) return;
    const stem = prev.text.slice(0, -1);
    const before = lineWords(tokens, i - 1, -1).map((w, k) => (k === 0 ? stem : w)).reverse();
    const after = lineWords(tokens, i, 1);
    const evidence = prev.line === t.line ? pauseComma({ before, after, caseInformative, isName }) : null;
    if (evidence) {
      record(corrections, { line: prev.line, column: prev.column + stem.length }, ',', '', 'pause-comma', 'punctuation', 0.9, evidence);
      prev.text = stem;
    }
    if (shouldLower(t.text, tokens[i + 1], caseEvidence)) {
      const lowered = lowerFirst(t.text);
      record(corrections, t, t.text, lowered, 'comma-case', 'case', 0.85);
      t.text = lowered;
    }
  });
}

/** Up to six words of token k's line, from k on in the given direction. */
function lineWords(tokens: DraftToken[], k: number, step: 1 | -1): string[] {
  const words: string[] = [];
  for (let m = k; m >= 0 && m < tokens.length && words.length < 6; m += step) {
    const t = tokens[m];
    if (t.type !== 'word' || t.line !== tokens[k].line) break;
    words.push(t.text);
  }
  return words;
}

/**
 * Tokens inside a line: "8.30am" → "8:30am", "Python.org" → "python.org", "async.io" → "asyncio"
 * (a known term), "or.push" → "or .push", "cnr.i" → "CNRI", a port "5,000" → "5000".
 */
function repairInnerTokens(tokens: DraftToken[], corrections: Correction[], termFor: ((key: string) => string | undefined) | undefined) {
  const words = tokens.map((t) => (t.type === 'word' ? t.text : ''));
  tokens.forEach((t, i) => {
    // every repair here mends a stop or a comma inside the word
    if (t.type !== 'word' || !/[.,]./.test(t.text)) return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    const clock = /^(\d{1,2})\.(\d{2}\S*)$/.exec(t.text);
    const twoBefore = tokens[i - 2];
    const time = clock && asClockTime(clock[1], clock[2], prev?.type === 'word' ? prev.text : undefined, next?.type === 'word' ? next.text : undefined, twoBefore?.type === 'word' ? twoBefore.text : undefined, placedInDay(words, i));
    const repair: [string | null, string][] = [
      [time, 'clock-time'],
      [/^\d{1,2},000\b/.test(t.text) && nearPort(words, i) ? t.text.replace(',', '') : null, 'port-number'],
      [termFor ? joinedTerm(t.text, termFor) : null, 'known-term-join'],
      [detachDottedName(t.text), 'dotted-name'],
      [consonantAcronym(t.text), 'letters-acronym'],
    ];
    const [fixed, rule] = repair.find(([text]) => text) ?? [lowerDomain(t.text), 'domain-case'];
    if (fixed && fixed !== t.text) {
      record(corrections, t, t.text, fixed, rule, rule === 'domain-case' ? 'case' : 'punctuation', 0.9);
      t.text = fixed;
    }
  });
}

/** Letters said one by one with a stop after each ("B。D。F。L。") as the acronym they spell. */
function repairInitials(tokens: DraftToken[], corrections: Correction[]) {
  tokens.forEach((t, i) => {
    // (initials hold two stops at least: most words have none, and are spared the patterns)
    if (t.type !== 'word' || t.text.indexOf('.') === t.text.lastIndexOf('.')) return;
    const prev = tokens[i - 1];
    const next = tokens[i + 1];
    // the last stop ends a sentence at the line's end or before a capital; not before a lower-case word
    const keepStop = t.lineFinalStop || !(next?.type === 'word' && next.line === t.line && /^\p{Ll}/u.test(next.text));
    const acronym = initialsAsAcronym(t.text, prev?.type === 'word' ? prev.text : undefined, keepStop);
    if (acronym && acronym !== t.text) {
      record(corrections, t, t.text, acronym, 'initials', 'punctuation', 0.9);
      t.text = acronym;
    }
  });
}

/** "set up.py" (the stop already joined across a line break) is the file `setup.py`. */
function joinSetupFiles(tokens: DraftToken[], corrections: Correction[]): DraftToken[] {
  const removed = new Set<number>();
  tokens.forEach((t, i) => {
    const prev = tokens[i - 1];
    if (t.type !== 'word' || prev?.type !== 'word' || !isSpokenSetupFile(t.text, prev.text)) return;
    const joined = `${prev.text.toLowerCase()}${t.text}`;
    record(corrections, prev, `${prev.text} ${t.text}`, joined, 'setup-file', 'punctuation', 0.9);
    prev.text = joined;
    prev.lineFinalStop = t.lineFinalStop;
    removed.add(i);
  });
  return removed.size ? tokens.filter((_, k) => !removed.has(k)) : tokens;
}

export interface NormalizeOptions {
  /**
   * The display form of a known single-word term by its key (letters and digits, lower case), from
   * the dictionary and lexicon: lets "async.io" become "asyncio". Without it no such join is made.
   */
  termFor?: (key: string) => string | undefined;
}

/** The whole normalize stage. */
export function normalize(parsed: ParsedTranscript, options: NormalizeOptions = {}): TokenStream {
  const corrections: Correction[] = [];
  const warnings: Diagnostic[] = [];
  let tokens = dropStrayPunctuation(draftTokens(parsed, corrections), corrections);
  const evidence = gatherCaseEvidence(tokens);
  const caseInformative = capitalsInformative(tokens, evidence);
  repairInitials(tokens, corrections);
  tokens = joinSetupFiles(repairLineEnds(tokens, corrections, evidence, caseInformative, spaceOpensLines(parsed), caseInformative ? new Set() : linesWrappedAtWidth(parsed)), corrections);
  repairInnerTokens(tokens, corrections, options.termFor);
  repairCommas(tokens, corrections, evidence, caseInformative);
  tokens = cleanSoundTags(collapseLoops(tokens, warnings), warnings);

  const finished: Token[] = tokens.map((t) =>
    t.type === 'word' ? { type: 'word', text: t.text, line: t.line, column: t.column, sentenceEnd: false } : t,
  );
  corrections.sort(byPosition);
  return { title: parsed.title === null ? null : convertTitle(parsed.title), tokens: finished, corrections, warnings };
}
