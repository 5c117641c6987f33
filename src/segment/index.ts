// The segment stage: splits the token stream at every speaker handoff into talks (role `speaker`)
// and the host's parts between them (role `host`), each a token range, so a handoff in the middle
// of a source line splits that line.

import type { Correction, Roster, Segment, Token, Warning } from '../types.js';
import { clauseView, wordAt, type ClauseView } from './clauses.js';
import { capitalizeName, nameScore, readName, samePerson } from './names.js';
import { SELF_INTRODUCTIONS, matchesOf } from './signals.js';
import { capitalizeSpeakerNames } from './name-case.js';
import { findTalks, type Talk } from './talks.js';

export interface SegmentOptions {
  /** The session's roster: fixes names and spellings, gives titles. */
  roster?: Roster;
  /** False keeps the whole transcript one segment (a single lecturer; also the benchmark's baseline). */
  detect?: boolean;
}

export interface SegmentResult {
  segments: Segment[];
  warnings: Warning[];
  /** The tokens with the speakers' names capitalized where they were heard in lower case. */
  tokens: Token[];
  /** Those capitalizations. */
  corrections: Correction[];
}

type Draft = Omit<Segment, 'id' | 'startLine' | 'endLine'>;

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

/** A name the part's speaker gives for themself ("I'm Ann, your host"; "my name is…"). */
function ownName(view: ClauseView, from: number, to: number, expected: string[]): string | null {
  // clauses are in token order: start at the part's first one (a scan from the top for every part
  // is quadratic in a draft of thousands of handoffs)
  let low = 0;
  let high = view.clauses.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (view.clauses[mid].first < from) low = mid + 1;
    else high = mid;
  }
  for (let c = low; c < view.clauses.length && view.clauses[c].first < to; c++) {
    const clause = view.clauses[c];
    for (const pattern of SELF_INTRODUCTIONS) {
      for (const m of matchesOf(pattern, clause.lower)) {
        const name = readName(clause.words, clause.indices, wordAt(clause, m.end));
        if (!name) continue;
        const text = name.words.join(' ');
        if (pattern === SELF_INTRODUCTIONS[0] || name.capitalized || expected.some((e) => samePerson(e, text))) return text;
      }
    }
  }
  return null;
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
    delete talk.nameWarning; // the roster settles the spelling
    talk.title = person.title ?? talk.title;
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

/** The segment stage, with the warnings it raises (names that disagree). */
export function detectSpeakers(tokens: Token[], options: SegmentOptions = {}): SegmentResult {
  const warnings: Warning[] = [];
  const whole: Draft = { speaker: null, role: null, title: null, firstToken: 0, endToken: tokens.length };
  if (options.detect === false || tokens.length === 0) return { segments: finish(tokens, [whole]), warnings, tokens, corrections: [] };

  const view = clauseView(tokens);
  const talks = findTalks(view, { roster: options.roster });
  applyRoster(talks, options.roster);
  for (const talk of talks) if (talk.nameWarning) warnings.push(talk.nameWarning);
  const hostNames = options.roster?.hosts.flatMap((h) => [h.name, ...h.aliases]) ?? [];

  let drafts: Draft[] = [];
  if (talks.length === 0) {
    // no handoff: one lecturer, named only if they name themself; `>>` turns still split it
    for (const part of splitAtTurns(tokens, { ...whole, role: 'speaker' })) {
      const name = ownName(view, part.firstToken, part.endToken, []);
      drafts.push({ ...part, speaker: name && capitalizeName(name) });
    }
    return { segments: finish(tokens, drafts), warnings, tokens, corrections: [] };
  }

  const host = (from: number, to: number) => {
    for (const part of splitAtTurns(tokens, { speaker: null, role: 'host', title: null, firstToken: from, endToken: to })) {
      drafts.push({ ...part, speaker: rosterHost(options.roster, ownName(view, part.firstToken, part.endToken, hostNames)) });
    }
  };
  let cursor = 0;
  const kept: Talk[] = [];
  for (const talk of talks) {
    let start = Math.max(talk.start, cursor);
    if (start > cursor && !hasWords(tokens, cursor, start)) start = cursor;
    if (start > cursor) host(cursor, start);
    if (talk.end <= start) continue;
    drafts.push({ speaker: talk.name, role: 'speaker', title: talk.title, firstToken: start, endToken: talk.end });
    kept.push(talk);
    cursor = talk.end;
  }
  if (cursor < tokens.length) {
    if (hasWords(tokens, cursor, tokens.length)) host(cursor, tokens.length);
    else drafts[drafts.length - 1].endToken = tokens.length;
  }
  drafts = drafts.filter((d) => d.endToken > d.firstToken);
  const cased = capitalizeSpeakerNames(tokens, kept);
  return { segments: finish(tokens, drafts), warnings, ...cased };
}

function finish(tokens: Token[], drafts: Draft[]): Segment[] {
  return drafts.map((d, i) => ({ id: i + 1, ...d, ...lineRange(tokens, d) }));
}

/** The segments only (see detectSpeakers). */
export function segmentSpeakers(tokens: Token[], options: SegmentOptions = {}): Segment[] {
  return detectSpeakers(tokens, options).segments;
}

export { loadRoster, parseRoster, rosterTerms, RosterError } from './roster.js';
