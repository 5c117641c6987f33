// Finds the talks in a session: where each speaker starts (after the host's introduction, at the
// last applause, turn or slide change before they name themselves) and where they stop (at their
// close, or where the host comes back). Everything between talks belongs to the host.

import type { Roster, Warning } from '../types.js';
import { breakEndingAt, type Clause, type ClauseView, wordAt } from './clauses.js';
import { readName, reconcile, samePerson, type NameCandidate } from './names.js';
import { taggedAsPerson } from './person.js';
import {
  HOST_INTRODUCTIONS,
  SELF_INTRODUCTIONS,
  isClose,
  isHostContinuation,
  isHostReturn,
  isStrongSelfIntroduction,
  isWeakHostReturn,
  matchesOf,
  titleIn,
} from './signals.js';

// How far apart (in words) the parts of one handoff may lie.
/** Introductions of one person this close together are one introduction ("up next, Jay… give it up for Jay"). */
const INTRO_GROUP_WORDS = 80;
/** A speaker names themself within this many words of the host's introduction, or not at all. */
const SELF_INTRO_WINDOW = 120;
/** Applause this soon after the introduction ("there's not many of us here. [applause]") still precedes the talk. */
const FLUFF_BEFORE_APPLAUSE = 15;
/** A talk's first words are never its end (a speaker may open with "thank you, Lorena"). */
const MIN_TALK_WORDS = 30;
/** The host's return and the speaker's close lie this close before the next introduction. */
const HOST_RETURN_WINDOW = 200;
/** A close this close before a slide change or applause ends the talk there. */
const CLOSE_TO_BREAK_WORDS = 25;
/** An introduction this close to the start of the transcript needs no other sign of a handoff. */
const START_WORDS = 300;
/** Elsewhere a close, a return, applause or a turn must come this close before it. */
const HANDOFF_CONTEXT_WORDS = 150;

export interface Talk {
  /** Token range of the speaker's own words. */
  start: number;
  end: number;
  /** First token of the host's introduction (the host's part before the talk ends there), or `start`. */
  hostFrom: number;
  name: string | null;
  /** Token indices of the words the name was read from (the host's introductions, the speaker's own). */
  nameTokens: number[];
  title: string | null;
  /** The host's and the speaker's spellings differ: said once the final name is known (a roster may settle it). */
  nameWarning?: Warning;
}

export interface TalkContext {
  roster?: Roster;
}

interface Introduction {
  clause: number;
  name: NameCandidate;
}


// Cheap tests that rule out most clauses before the full patterns run.
const MAY_INTRODUCE = /\b(?:up|next|welcome|give|ado)\b/;
const MAY_SELF_INTRODUCE = /\b(?:name|i'm|i am)\b/;

const nameText = (c: NameCandidate) => c.words.join(' ');

function knownNames(roster: Roster | undefined): string[] {
  return roster ? roster.speakers.flatMap((p) => [p.name, ...p.aliases]) : [];
}

function findIntroductions(view: ClauseView): Introduction[] {
  const found: Introduction[] = [];
  view.clauses.forEach((clause, index) => {
    if (!MAY_INTRODUCE.test(clause.lower)) return;
    for (const pattern of HOST_INTRODUCTIONS) {
      for (const m of matchesOf(pattern, clause.lower)) {
        const name = readName(clause.words, clause.indices, wordAt(clause, m.end));
        if (name) found.push({ clause: index, name });
      }
    }
  });
  return found.sort((a, b) => a.clause - b.clause || a.name.index - b.name.index);
}

/** A self-introduction in the clause, if its name is a name: "my name is X" always, "I'm X" when confirmed. */
function selfIntroductionIn(clause: Clause, expected: string[], allowTagger: boolean): { name: string; indices: number[] } | null {
  if (!MAY_SELF_INTRODUCE.test(clause.lower)) return null;
  for (const pattern of SELF_INTRODUCTIONS) {
    for (const m of matchesOf(pattern, clause.lower)) {
      const at = wordAt(clause, m.end);
      const name = readName(clause.words, clause.indices, at);
      if (!name) continue;
      const text = nameText(name);
      const found = { name: text, indices: name.indices };
      if (isStrongSelfIntroduction(pattern)) return found;
      // "I'm X" must end its clause or phrase there ("I'm jeff.", "I'm Jack,"), else it is "I'm going…"
      const lastWord = clause.words[at + name.words.length - 1];
      const closesPhrase = at + name.words.length >= clause.words.length || /[,;:]$/.test(lastWord.text);
      if (!closesPhrase) continue;
      if (expected.some((e) => samePerson(e, text))) return found;
      if (allowTagger && name.capitalized && taggedAsPerson(clause.text, name.words[0])) return found;
    }
  }
  return null;
}

function mentions(clause: Clause, name: string): boolean {
  return clause.words.some((w) => samePerson(w.text.replace(/[^\p{L}'’-]/gu, ''), name));
}

/** Groups introductions of one person that follow each other closely ("up next we have Jay… let's give it up for Jay"). */
function groupIntroductions(view: ClauseView, intros: Introduction[]): Introduction[][] {
  const groups: Introduction[][] = [];
  for (const intro of intros) {
    const group = groups[groups.length - 1];
    const head = group?.[0];
    if (head && samePerson(nameText(head.name), nameText(intro.name)) && view.clauses[intro.clause].wordsBefore - view.clauses[head.clause].wordsBefore <= INTRO_GROUP_WORDS) {
      group.push(intro);
    } else groups.push([intro]);
  }
  return groups;
}

/**
 * The talk a group of introductions opens: where the speaker starts, their name and the announced
 * title; null when the introduction is no handoff. Searches stop at the next group's first clause.
 */
function talkFromGroup(view: ClauseView, group: Introduction[], nextGroupClause: number, context: TalkContext): Talk | null {
  const clauses = view.clauses;
  const hostName = nameText(group[0].name);
  const groupClauses = new Set(group.map((g) => g.clause));
  // The host's part: the introductions and the clauses that carry on from them.
  let lastHost = group[0].clause;
  for (let c = group[0].clause + 1; c < nextGroupClause; c++) {
    const clause = clauses[c];
    const hostish = groupClauses.has(c) || isHostContinuation(clause.lower) || (mentions(clause, hostName) && !selfIntroductionIn(clause, [hostName], false));
    if (!hostish) break;
    lastHost = c;
  }
  const hostEnd = clauses[lastHost].end;
  const hostEndWords = clauses[lastHost].wordsBefore + clauses[lastHost].words.length;

  // The speaker naming themself, soon after.
  const expected = [hostName, ...knownNames(context.roster)];
  let self: { clause: number; name: string; indices: number[] } | null = null;
  for (let c = lastHost + 1; c < nextGroupClause && clauses[c].wordsBefore - hostEndWords <= SELF_INTRO_WINDOW; c++) {
    const found = selfIntroductionIn(clauses[c], expected, true);
    if (found) {
      self = { clause: c, ...found };
      break;
    }
  }

  // A lower-case name nobody else confirms must at least be a person's name to compromise.
  const confirmed =
    group.some((g) => g.name.capitalized) ||
    (self !== null && samePerson(self.name, hostName)) ||
    knownNames(context.roster).some((n) => samePerson(n, hostName)) ||
    taggedAsPerson(clauses[group[0].clause].text, group[0].name.words[0]);
  if (!confirmed && !self) return null;
  if (!self && !handoffAround(view, group[0].clause, lastHost)) return null;

  // The speaker starts after the last applause, turn or slide change before they name themself.
  const limitClause = self ? self.clause : clauses.findIndex((c, k) => k > lastHost && c.wordsBefore - hostEndWords >= FLUFF_BEFORE_APPLAUSE);
  const limit = self ? clauses[self.clause].first : limitClause === -1 ? view.tokens.length : clauses[limitClause].first;
  const runs = view.breaks.filter((b) => b.first >= hostEnd && b.end <= limit);
  const firstAfterHost = clauses[lastHost + 1]?.first ?? view.tokens.length;
  const start = runs.length ? runs[runs.length - 1].end : firstAfterHost;

  let name: string | null;
  let nameWarning: Warning | undefined;
  if (!confirmed) name = reconcile(null, self!.name);
  else if (self && !samePerson(self.name, hostName)) {
    nameWarning = { line: clauses[self.clause].words[0].line, code: 'speaker-name', message: `introduced as "${hostName}" but says "${self.name}": taken as "${self.name}"` };
    name = reconcile(null, self.name);
  } else name = reconcile(hostName, self?.name ?? null);
  if (self && confirmed && samePerson(self.name, hostName) && self.name.toLowerCase() !== hostName.toLowerCase() && self.name.split(/\s+/)[0].toLowerCase() !== hostName.toLowerCase()) {
    nameWarning = { line: clauses[self.clause].words[0].line, code: 'speaker-name', message: `"${hostName}" (host) and "${self.name}" (speaker) taken as one person: ${name}` };
  }

  let title: string | null = null;
  for (let c = group[0].clause; c <= lastHost && !title; c++) title = titleIn(clauses[c].text, hostName);
  // the heard words of the name: the host's, and the speaker's own when it is the same person
  const nameTokens = group.filter((g) => name !== null && samePerson(nameText(g.name), name)).flatMap((g) => g.name.indices);
  if (self && name !== null && samePerson(self.name, name)) nameTokens.push(...self.indices);
  return { start, end: -1, hostFrom: clauses[group[0].clause].first, name, nameTokens, title, ...(nameWarning ? { nameWarning } : {}) };
}

/**
 * An introduction phrase inside a talk ("first up we have Bandit, a linter") is no handoff. A real
 * one comes near the start, or after a close, a host's return, applause or a turn, or is followed by
 * applause or a turn.
 */
function handoffAround(view: ClauseView, introClause: number, lastHost: number): boolean {
  const clauses = view.clauses;
  const at = clauses[introClause];
  if (at.wordsBefore <= START_WORDS) return true;
  for (let c = introClause; c >= 0 && at.wordsBefore - clauses[c].wordsBefore <= HANDOFF_CONTEXT_WORDS; c--) {
    if (c < introClause && (isClose(clauses[c].lower) || isHostReturn(clauses[c].lower, clauses[c].text))) return true;
    if (clauses[c].afterBreak && breakEndingAt(view, clauses[c].first)?.strong) return true;
  }
  const hostEnd = clauses[lastHost].end;
  const next = clauses[lastHost + 1];
  return view.breaks.some((b) => b.strong && b.first >= hostEnd && (!next || b.first <= next.first));
}

/** Self-introductions with no host introduction before them that open a talk (after applause, a turn, or at the start). */
function unannouncedTalks(view: ClauseView, talks: Talk[], intros: Introduction[], context: TalkContext): Talk[] {
  const clauses = view.clauses;
  const found: Talk[] = [];
  const introClauses = new Set(intros.map((i) => i.clause));
  clauses.forEach((clause, index) => {
    const self = selfIntroductionIn(clause, knownNames(context.roster), false);
    if (!self) return;
    const { name } = self;
    const covering = talks.find((t) => clause.first >= t.start && clause.first < nextStart(talks, t));
    if (covering) {
      // the speaker naming themself (again), or someone they quote: no new talk
      if (covering.name === null || samePerson(covering.name, name)) return;
      if (wordsBetween(view, covering.start, clause.first) <= SELF_INTRO_WINDOW) return;
    }
    // A host naming themself before introducing someone is no talk.
    for (let c = index; c < clauses.length && clauses[c].wordsBefore - clause.wordsBefore <= INTRO_GROUP_WORDS; c++) if (introClauses.has(c)) return;
    const atStart = clause.wordsBefore < 40;
    const run = view.breaks.filter((b) => b.end <= clause.first && b.strong && wordsBetween(view, b.end, clause.first) <= 20).pop();
    if (!atStart && !run) return;
    const start = run ? run.end : 0;
    found.push({ start, end: -1, hostFrom: start, name: reconcile(null, name), nameTokens: self.indices, title: null });
  });
  return found;
}

function nextStart(talks: Talk[], talk: Talk): number {
  const later = talks.filter((t) => t.start > talk.start).map((t) => t.hostFrom);
  return later.length ? Math.min(...later) : Infinity;
}

function wordsBetween(view: ClauseView, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (view.tokens[i].type === 'word') n++;
  return n;
}

/** Where a talk ends, given where the host's next handoff begins (`limit`). */
function endOf(view: ClauseView, talk: Talk, limit: number, last: boolean): number {
  const clauses = view.clauses;
  const startClause = clauses.findIndex((c) => c.first >= talk.start);
  if (startClause === -1) return limit;
  const minWords = clauses[startClause].wordsBefore + MIN_TALK_WORDS;
  const region: Array<{ c: Clause }> = [];
  for (let k = startClause; k < clauses.length && clauses[k].end <= limit; k++) if (clauses[k].wordsBefore >= minWords) region.push({ c: clauses[k] });
  if (region.length === 0) return limit;
  const limitWords = clauses.find((c) => c.first >= limit)?.wordsBefore ?? region[region.length - 1].c.wordsBefore + region[region.length - 1].c.words.length;

  const strongBreakBefore = (c: Clause) => c.afterBreak && (breakEndingAt(view, c.first)?.strong || false);
  const hostReturn = region.find(({ c }) => limitWords - c.wordsBefore <= HOST_RETURN_WINDOW && (isHostReturn(c.lower, c.text) || (strongBreakBefore(c) && isWeakHostReturn(c.lower))));
  if (!hostReturn && last) {
    // the session's last talk runs to the end, unless applause after the speaker's close cuts it off
    const close = region.filter(({ c }) => limitWords - c.wordsBefore <= HOST_RETURN_WINDOW && isClose(c.lower)).pop();
    const run = close && view.breaks.find((b) => b.first >= close.c.end && b.strong);
    if (close && run && wordsBetween(view, close.c.end, run.first) <= CLOSE_TO_BREAK_WORDS && hasWordsAfter(view, run.end)) return run.first;
    return view.tokens.length;
  }
  const stop = hostReturn ? hostReturn.c : clauses.find((c) => c.first >= limit);
  const stopFirst = stop ? stop.first : limit;
  if (hostReturn?.c.afterBreak) return breakStartBefore(view, hostReturn.c.first);

  const stopWords = stop ? stop.wordsBefore : limitWords;
  const close = region.filter(({ c }) => c.end <= stopFirst && stopWords - c.wordsBefore <= HOST_RETURN_WINDOW && isClose(c.lower)).pop();
  if (close) {
    const run = view.breaks.find((b) => b.first >= close.c.end && b.first < stopFirst);
    if (run && wordsBetween(view, close.c.end, run.first) <= CLOSE_TO_BREAK_WORDS) return run.first;
    return close.c.end;
  }
  if (stop?.afterBreak) return breakStartBefore(view, stop.first);
  return stopFirst;
}

function hasWordsAfter(view: ClauseView, from: number): boolean {
  return view.clauses.some((c) => c.first >= from);
}

function breakStartBefore(view: ClauseView, index: number): number {
  return breakEndingAt(view, index)?.first ?? index;
}

/** All talks of the session, in order, with their ends. */
export function findTalks(view: ClauseView, context: TalkContext): Talk[] {
  const intros = findIntroductions(view);
  const groups = groupIntroductions(view, intros);
  const talks: Talk[] = [];
  groups.forEach((group, g) => {
    const nextGroupClause = groups[g + 1]?.[0].clause ?? view.clauses.length;
    const talk = talkFromGroup(view, group, nextGroupClause, context);
    if (talk && talk.start < view.tokens.length && (talks.length === 0 || talk.start > talks[talks.length - 1].start)) talks.push(talk);
  });
  talks.push(...unannouncedTalks(view, talks, intros, context));
  talks.sort((a, b) => a.start - b.start);
  talks.forEach((talk, i) => {
    const next = talks[i + 1];
    const limit = next ? next.hostFrom : view.tokens.length;
    talk.end = Math.max(talk.start + 1, Math.min(endOf(view, talk, limit, !next), next ? next.start : view.tokens.length));
  });
  return talks;
}
