// The segment stage: splits the token stream at every speaker handoff into talks (role `speaker`)
// and the host's parts between them (role `host`), each a token range, so a handoff in the middle
// of a source line splits that line.

import { byPosition, type Diagnostic } from '../diagnostic.js';
import type { Correction, Roster, Segment, Token } from '../types.js';
import { clauseFrom, clauseView, breakEndingAt, type ClauseView } from './clauses.js';
import { capitalizeName, nameScore } from './names.js';
import { capitalizeSpeakerNames } from './name-case.js';
import { closeSentencesAtHandoffs } from './handoff-stop.js';
import { chooseParts, HANDOFF_COST, type Part } from './choose.js';
import { readEvidence, type ClauseEvidence } from './evidence.js';
import { headingNames, nameTalk, ownName } from './naming.js';
import { isEnglish } from '../correct/english.js';

export interface SegmentOptions {
  /** The session's roster: fixes names and spellings, gives titles. */
  roster?: Roster;
  /** False keeps the whole transcript one segment (a single lecturer; also the benchmark's baseline). */
  detect?: boolean;
  /** The transcript's `#` title: names in it spell the speakers, and "lightning" marks short talks. */
  title?: string | null;
  /** The line of that title. */
  titleLine?: number | null;
}

export interface SegmentResult {
  segments: Segment[];
  warnings: Diagnostic[];
  /** The tokens with the speakers' names capitalized where they were heard in lower case. */
  tokens: Token[];
  /** Those capitalizations. */
  corrections: Correction[];
}

type Draft = Omit<Segment, 'id' | 'startLine' | 'endLine' | 'evidence'> & { evidence: { start: number[]; name: number[] } };

interface Talk {
  name: string | null;
  title: string | null;
  nameTokens: number[];
  /** Said once the roster has had its say (it settles a spelling read two ways, and names an unnamed talk). */
  warnings: Diagnostic[];
  fromRoster?: boolean;
}

function hasWords(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens[i].type === 'word') return true;
  return false;
}

/** Splits a range at `>>` turns that have speech on both sides (two co-hosts, a panel). */
function splitAtTurns(tokens: Token[], draft: Draft): Draft[] {
  const parts: Draft[] = [];
  let from = draft.firstToken;
  for (let i = draft.firstToken + 1; i < draft.endToken; i++) {
    if (tokens[i].type === 'turn' && hasWords(tokens, from, i) && hasWords(tokens, i, draft.endToken)) {
      parts.push({ ...draft, firstToken: from, endToken: i });
      from = i;
    }
  }
  parts.push({ ...draft, firstToken: from, endToken: draft.endToken });
  return parts;
}

/** The roster's spelling for a name, or the roster host when there is only one. */
function rosterHost(roster: Roster | undefined, name: string | null): string | null {
  if (!roster || roster.hosts.length === 0) return name && capitalizeName(name);
  if (name) {
    const match = roster.hosts.find((h) => nameScore(name, [h.name, ...h.aliases]) >= 0.85);
    return match ? match.name : capitalizeName(name);
  }
  return roster.hosts.length === 1 ? roster.hosts[0].name : null;
}

/** Gives each talk the roster's name and title: by name where it matches, else by order. */
function applyRoster(talks: Talk[], roster: Roster | undefined): void {
  if (!roster || roster.speakers.length === 0) return;
  const taken = new Set<number>();
  const assigned = new Map<Talk, number>();
  for (const talk of talks) {
    if (!talk.name) continue;
    let best = -1;
    let bestScore = 0.85;
    roster.speakers.forEach((person, k) => {
      const score = taken.has(k) ? 0 : nameScore(talk.name!, [person.name, ...person.aliases]);
      if (score >= bestScore) [best, bestScore] = [k, score];
    });
    if (best >= 0) {
      taken.add(best);
      assigned.set(talk, best);
    }
  }
  // A talk without a matching name takes the roster entry between its neighbours' entries, when that leaves exactly one.
  talks.forEach((talk, i) => {
    if (assigned.has(talk)) return;
    const before = talks.slice(0, i).reverse().find((t) => assigned.has(t));
    const after = talks.slice(i + 1).find((t) => assigned.has(t));
    const lo = before ? assigned.get(before)! + 1 : 0;
    const hi = after ? assigned.get(after)! : roster.speakers.length;
    const unassignedBetween = talks.slice(before ? talks.indexOf(before) + 1 : 0, after ? talks.indexOf(after) : talks.length).filter((t) => !assigned.has(t));
    if (hi - lo === unassignedBetween.length && hi > lo) assigned.set(talk, lo + unassignedBetween.indexOf(talk));
  });
  for (const [talk, k] of assigned) {
    const person = roster.speakers[k];
    talk.name = person.name;
    talk.title = person.title ?? talk.title;
    talk.fromRoster = true;
  }
}

/** Lines of the segment's first and last speech or sound event (slide markers carry no speech). */
function lineRange(tokens: Token[], draft: Draft): { startLine: number; endLine: number } {
  const spoken = (t: Token) => t.type === 'word' || t.type === 'event';
  let first = tokens[draft.firstToken];
  for (let i = draft.firstToken; i < draft.endToken; i++) {
    if (spoken(tokens[i])) {
      first = tokens[i];
      break;
    }
  }
  let last = tokens[draft.endToken - 1];
  for (let i = draft.endToken - 1; i >= draft.firstToken; i--) {
    if (spoken(tokens[i])) {
      last = tokens[i];
      break;
    }
  }
  return { startLine: first?.line ?? 1, endLine: last?.line ?? 1 };
}

/** A host who names themself does so within this many words of taking over. */
const HOST_NAME_WORDS = 20;
/** A turn inside a host part shorter than this, on the line of the turn before it (a sound check, "Wait. Give a big hand."), stays with it. */
const HOST_TURN_MIN_WORDS = 20;
/** A host's own turn after a `>>` is at most this long when it ends a host part. */
const HOST_TURN_WORDS = 60;

/** A lightning talk runs five minutes; one over fifteen (at about 150 words a minute) is likely two talks. */
const LONG_LIGHTNING_WORDS = 15 * 150;

/** Confidence of a handoff from its score: one handoff's cost gives about 0.6, twice that about 0.9. */
function confidenceOf(part: Part, first: boolean): number {
  if (first) return 1;
  return Math.round((1 - Math.exp(-part.score.value / HANDOFF_COST)) * 100) / 100;
}

function wordsIn(tokens: Token[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (tokens[i].type === 'word') n++;
  return n;
}

/** Token where a part begins: a talk at its first words, the host's part at the applause or turn before its first words. */
function partStart(view: ClauseView, part: Part): number {
  if (part.clause === 0) return 0;
  const clause = view.clauses[part.clause];
  if (part.role === 'speaker' || !clause.afterBreak) return clause.first;
  return breakEndingAt(view, clause.first)?.first ?? clause.first;
}

/** The segment stage, with the warnings it raises (unnamed speakers, names read two ways, long lightning talks). */
export function detectSpeakers(tokens: Token[], options: SegmentOptions = {}): SegmentResult {
  const warnings: Diagnostic[] = [];
  const noEvidence = () => ({ start: [] as number[], name: [] as number[] });
  const whole: Draft = { speaker: null, role: null, title: null, firstToken: 0, endToken: tokens.length, confidence: 1, evidence: noEvidence() };
  if (options.detect === false || tokens.length === 0) return { segments: finish(tokens, [whole]), warnings, tokens, corrections: [] };

  const view = clauseView(tokens);
  const evidence = readEvidence(view);
  const heading = headingNames(options.title ?? null);
  // a recording titled with one person's name is their talk: it may open in it at no cost
  const parts = chooseParts(view, evidence, heading.filter((h) => !isEnglish(h.split(' ')[0])).length === 1);
  const rosterNames = options.roster?.speakers.flatMap((p) => [p.name, ...p.aliases]) ?? [];
  const hostNames = options.roster?.hosts.flatMap((h) => [h.name, ...h.aliases]) ?? [];
  const known = [...(options.roster?.speakers.map((p) => p.name) ?? []), ...heading];
  const lineOfClause = (c: number) => view.clauses[c].words[0].line;
  const linesOf = (indices: number[]) => [...new Set(indices.map((i) => tokens[i].line))].sort((x, y) => x - y);

  if (!parts.some((p) => p.role === 'speaker')) {
    // no handoff: one lecturer, named only if they name themself (or the heading names one person); `>>` turns still split it
    const drafts: Draft[] = [];
    for (const part of splitAtTurns(tokens, { ...whole, role: 'speaker' })) {
      const from = clauseFrom(view, part.firstToken);
      const to = clauseFrom(view, part.endToken);
      const name = from === -1 ? null : ownName(view, evidence, from, to === -1 ? view.clauses.length : to, [...rosterNames, ...heading]);
      drafts.push({ ...part, speaker: name, evidence: noEvidence() });
    }
    const lone = heading.filter((h) => !isEnglish(h.split(' ')[0]));
    if (drafts.length === 1 && !drafts[0].speaker && lone.length === 1) {
      drafts[0].speaker = lone[0];
      drafts[0].evidence.name = [options.titleLine ?? 1];
    }
    return { segments: finish(tokens, drafts), warnings, tokens, corrections: [] };
  }

  const drafts: Draft[] = [];
  const talks: Talk[] = [];
  const draftOfTalk = new Map<Talk, Draft>();
  parts.forEach((part, k) => {
    const next = parts[k + 1];
    const firstToken = partStart(view, part);
    const endToken = next ? partStart(view, next) : tokens.length;
    if (endToken <= firstToken) return;
    const toClause = next ? next.clause : view.clauses.length;
    const startEvidence = linesOf(part.score.clauses.map((c) => view.clauses[c].first).filter((i) => tokens[i].type === 'word'));
    const draft: Draft = { speaker: null, role: part.role, title: null, firstToken, endToken, confidence: confidenceOf(part, k === 0), evidence: { start: k === 0 ? [] : startEvidence, name: [] } };
    if (part.role === 'speaker') {
      // the host's part before this talk (for a talk following a talk: the end of that one)
      const previous = parts[k - 1];
      const named = nameTalk(view, evidence, { fromClause: part.clause, toClause }, previous ? previous.clause : 0, { known });
      const talk: Talk = { name: named.name, title: named.title, nameTokens: named.nameTokens, warnings: named.warnings };
      talks.push(talk);
      draftOfTalk.set(talk, draft);
      draft.evidence.name = linesOf(named.nameTokens);
      const words = wordsIn(tokens, firstToken, endToken);
      if (words > LONG_LIGHTNING_WORDS && isLightning(options.title ?? null, parts, view)) {
        warnings.push({ line: lineOfClause(part.clause), severity: 'warning', code: 'speaker-long-talk', message: `a lightning talk of about ${Math.round(words / 150)} minutes: two talks taken as one?` });
      }
      const turns = talkTurns(view, evidence, draft, named.nameTokens, rosterNames, warnings);
      draftOfTalk.set(talk, turns.named);
      drafts.push(...turns.pieces);
    } else {
      // a short turn inside a line ("Here he goes. >> Wait. Give a big hand. >> Hey, I'm David.") is an
      // interjection; a host who names themself, or speaks a line of their own, is a co-host
      const namesItself = (piece: Draft) => {
        const from = clauseFrom(view, piece.firstToken);
        const to = clauseFrom(view, piece.endToken);
        return from !== -1 && ownName(view, evidence, from, to === -1 ? view.clauses.length : to, hostNames) !== null;
      };
      const sameLine = (before: Draft, after: Draft) => wordLine(tokens, before, 'last') === wordLine(tokens, after, 'first');
      const pieces = joinShortTurns(tokens, splitAtTurns(tokens, draft), HOST_TURN_MIN_WORDS, (before, after) => sameLine(before, after) && !namesItself(before) && !namesItself(after));
      for (const [k, piece] of pieces.entries()) {
        // the last of several pieces runs on to the next talk: when it is long, someone who named
        // themself after the turn may have stopped long before (the host's return missed), so their
        // name is not shown on it; a co-host's turn is short
        if (k > 0 && k === pieces.length - 1 && wordsIn(tokens, piece.firstToken, piece.endToken) > HOST_TURN_WORDS) {
          drafts.push({ ...piece, speaker: rosterHost(options.roster, null), confidence: 0.5, evidence: { start: [tokens[piece.firstToken].line], name: [] } });
          continue;
        }
        const from = clauseFrom(view, piece.firstToken);
        const to = clauseFrom(view, piece.endToken);
        // a host names themself as they begin ("I'm Ann, your host"); a name further in is a speaker the handoffs missed
        let opening = -1;
        if (from !== -1) for (let c = from + 1; c < view.clauses.length && opening === -1; c++) if (view.clauses[c].wordsBefore - view.clauses[from].wordsBefore > HOST_NAME_WORDS) opening = c;
        const own = from === -1 ? null : ownName(view, evidence, from, Math.min(to === -1 ? view.clauses.length : to, opening === -1 ? view.clauses.length : opening), hostNames);
        drafts.push({ ...piece, speaker: rosterHost(options.roster, own), ...(piece.firstToken === draft.firstToken ? {} : { confidence: 0.5, evidence: { start: [tokens[piece.firstToken].line], name: [] } }) });
      }
    }
  });
  applyRoster(talks, options.roster);
  // a recording of one talk titled with one person's name: the talk is theirs
  const headingPerson = heading.filter((h) => !isEnglish(h.split(' ')[0]));
  if (talks.length === 1 && !talks[0].name && headingPerson.length === 1) {
    talks[0].name = headingPerson[0];
    talks[0].warnings = talks[0].warnings.filter((w) => w.code !== 'speaker-unnamed');
    draftOfTalk.get(talks[0])!.evidence.name = [options.titleLine ?? 1];
  }
  for (const talk of talks) {
    const draft = draftOfTalk.get(talk)!;
    draft.speaker = talk.name;
    draft.title = talk.title;
  }
  for (const talk of talks) warnings.push(...(talk.fromRoster ? talk.warnings.filter((w) => w.code !== 'speaker-name' && w.code !== 'speaker-unnamed') : talk.warnings));
  const cased = capitalizeSpeakerNames(tokens, talks);
  const closed = closeSentencesAtHandoffs(cased.tokens, drafts);
  return { segments: finish(tokens, drafts), warnings: warnings.sort(byPosition), tokens: closed.tokens, corrections: [...cased.corrections, ...closed.corrections].sort(byPosition) };
}

/** A co-speaker's share of a talk is at least this many words; a shorter turn (a word from the room, a stray `>>`) stays in the talk. */
const CO_SPEAKER_WORDS = 40;

/**
 * Joins each turn shorter than `minWords` to the one before it (the first to the one after), where
 * `mayJoin` allows it for the two turns.
 */
function joinShortTurns(tokens: Token[], pieces: Draft[], minWords = CO_SPEAKER_WORDS, mayJoin: (before: Draft, after: Draft) => boolean = () => true): Draft[] {
  const joined: Draft[] = [];
  let lastWords = 0;
  for (const piece of pieces) {
    const last = joined[joined.length - 1];
    const words = wordsIn(tokens, piece.firstToken, piece.endToken);
    if (last && (words < minWords || lastWords < minWords) && mayJoin(last, piece)) {
      last.endToken = piece.endToken;
      lastWords += words;
    } else {
      joined.push({ ...piece });
      lastWords = words;
    }
  }
  return joined;
}

/** The line of the first or last word of a token range. */
function wordLine(tokens: Token[], draft: Draft, which: 'first' | 'last'): number {
  const step = which === 'first' ? 1 : -1;
  for (let i = which === 'first' ? draft.firstToken : draft.endToken - 1; i >= draft.firstToken && i < draft.endToken; i += step) {
    if (tokens[i].type === 'word') return tokens[i].line;
  }
  return -1;
}

/**
 * A talk cut at its `>>` turns (a co-speaker taking over, a question from the room): the talk's name
 * stays on the turn its evidence lies in (the first when the host gave it), and another turn is named
 * only by its own speaker's self-introduction; a voice told apart by nothing but `>>` stays unnamed.
 */
function talkTurns(view: ClauseView, evidence: ClauseEvidence[], draft: Draft, nameTokens: number[], known: string[], warnings: Diagnostic[]): { pieces: Draft[]; named: Draft } {
  const pieces = joinShortTurns(view.tokens, splitAtTurns(view.tokens, draft));
  if (pieces.length === 1) return { pieces, named: pieces[0] };
  const inside = (piece: Draft, token: number) => token >= piece.firstToken && token < piece.endToken;
  const selfNamed = nameTokens.find((t) => t >= draft.firstToken && t < draft.endToken);
  const named = selfNamed === undefined ? pieces[0] : pieces.find((p) => inside(p, selfNamed));
  const namedAt = named ? pieces.indexOf(named) : 0;
  const turns = pieces.map((piece, k) => {
    if (piece === named) return piece;
    const from = clauseFrom(view, piece.firstToken);
    const to = clauseFrom(view, piece.endToken);
    const own = from === -1 ? null : ownName(view, evidence, from, to === -1 ? view.clauses.length : to, known);
    const line = view.tokens[piece.firstToken].line;
    // after a co-speaker's turn, the voice may be the talk's own speaker coming back: a guess, so only said
    const back = k > namedAt + 1 ? ' (the talk’s speaker back after a co-speaker?)' : '';
    if (!own) warnings.push({ line, severity: 'warning', code: 'speaker-unnamed', message: `another voice takes over the talk at \`>>\` and does not name itself${back}: left unnamed` });
    return { ...piece, speaker: own, title: null, confidence: 0.5, evidence: { start: [line], name: [] } };
  });
  return { pieces: turns, named: named ?? pieces[0] };
}

/** A lightning session: its title says so, or it has several talks of a few minutes each. */
function isLightning(title: string | null, parts: Part[], view: ClauseView): boolean {
  if (title && /lightning/i.test(title)) return true;
  const starts = parts.filter((p) => p.role === 'speaker');
  if (starts.length < 4) return false;
  const lengths = parts.map((p, k) => (p.role === 'speaker' ? (view.clauses[parts[k + 1]?.clause]?.wordsBefore ?? Infinity) - view.clauses[p.clause].wordsBefore : -1)).filter((w) => w >= 0).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] < 1200;
}

function finish(tokens: Token[], drafts: Draft[]): Segment[] {
  // the fields named, not spread: a draft may hold tens of thousands of segments
  return drafts.map((d, i) => {
    const { startLine, endLine } = lineRange(tokens, d);
    return { id: i + 1, speaker: d.speaker, role: d.role, title: d.title, firstToken: d.firstToken, endToken: d.endToken, confidence: d.confidence, evidence: d.evidence, startLine, endLine };
  });
}

/** The segments only (see detectSpeakers). */
export function segmentSpeakers(tokens: Token[], options: SegmentOptions = {}): Segment[] {
  return detectSpeakers(tokens, options).segments;
}

export { loadRoster, parseRoster, rosterTerms } from './roster.js';
