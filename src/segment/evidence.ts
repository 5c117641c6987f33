// The weak signals of a speaker handoff, read once per clause: a host introducing someone, a
// speaker naming themself, a close, the host coming back, a greeting, applause or a `>>` turn or a
// slide change just before. None decides a handoff alone; choose.ts weighs them together.

import { breakEndingAt, type Clause, type ClauseView, wordAt } from './clauses.js';
import { readName, type NameCandidate } from './names.js';
import { isEnglish } from '../correct/english.js';
import {
  HOST_CUES,
  HOST_INTRODUCTIONS,
  MAY_INTRODUCE,
  SELF_INTRODUCTIONS,
  isClose,
  isGreeting,
  isHostContinuation,
  isHandOver,
  isHostReturn,
  isPraiseThenThanks,
  isStrongSelfIntroduction,
  isWeakHostReturn,
  matchesOf,
} from './signals.js';

export interface SelfIntroduction {
  name: NameCandidate;
  /** "my name is X" (true) or "I'm X" (false). */
  strong: boolean;
  /** The name ends its clause or phrase ("I'm Jack." / "I'm Jack,"), not "I'm going…". */
  closesPhrase: boolean;
}

export interface ClauseEvidence {
  /** A host introduction in this clause; its name when one is given. */
  intro: { name: NameCandidate | null } | null;
  /** The floor handed on ("I'll hand it back to Sam"): someone else speaks next. */
  handOver: boolean;
  self: SelfIntroduction | null;
  close: boolean;
  hostReturn: boolean;
  weakReturn: boolean;
  greeting: boolean;
  /** Applause or a `>>` turn right before the clause. */
  strongBreak: boolean;
  /** Only a slide change (or other non-speech) right before the clause. */
  softBreak: boolean;
  /** The name someone is thanked by ("thank you, Ivo"). */
  thanked: string | null;
  /** The host's words carrying on from an introduction ("he's giving a talk on…"). */
  hostContinuation: boolean;
}

const MAY_SELF_INTRODUCE = /\b(?:name|i'm|i am)\b/;

function introIn(clause: Clause): { name: NameCandidate | null } | null {
  if (!MAY_INTRODUCE.test(clause.lower)) return null;
  let found: { name: NameCandidate | null } | null = null;
  for (const pattern of HOST_INTRODUCTIONS) {
    // one plain test first: most clauses match no pattern, and a match walk allocates
    pattern.lastIndex = 0;
    if (!pattern.test(clause.lower)) continue;
    for (const m of matchesOf(pattern, clause.lower)) {
      const name = readName(clause.words, clause.indices, wordAt(clause, m.end));
      if (name) return { name };
      // "Ravi, take it away": the name opens the clause, before the phrase
      if (m.index > 0 && /,$/.test(clause.words[0].text)) {
        const before = readName(clause.words, clause.indices, 0);
        if (before?.capitalized && before.words.length <= 2) return { name: before };
      }
      found = { name: null };
    }
  }
  if (!found && HOST_CUES.some((re) => re.test(clause.lower))) found = { name: null };
  return found;
}

function selfIn(clause: Clause): SelfIntroduction | null {
  if (!MAY_SELF_INTRODUCE.test(clause.lower)) return null;
  for (const pattern of SELF_INTRODUCTIONS) {
    for (const m of matchesOf(pattern, clause.lower)) {
      const at = wordAt(clause, m.end);
      const name = readName(clause.words, clause.indices, at);
      if (!name) continue;
      const lastWord = clause.words[at + name.words.length - 1];
      const closesPhrase = at + name.words.length >= clause.words.length || /[,;:]$/.test(lastWord.text) || /^(?:and|from|i|i'm)$/i.test(clause.words[at + name.words.length]?.text ?? '');
      return { name, strong: isStrongSelfIntroduction(pattern), closesPhrase };
    }
  }
  return null;
}

/** The host's thanks naming someone: "thank you, Ivo", "a round of applause for Dora". */
export const THANKS = /^(?:(?:so|okay|all right|alright|great)[,.]? )?(?:thank you|thanks)(?: (?:so|very) much)?,? |\b(?:applause|hand) (?:for|to) /;

export function thankedIn(clause: Clause): string | null {
  if (!/thank|hand|applause/.test(clause.lower)) return null;
  const m = THANKS.exec(clause.lower);
  if (!m) return null;
  const name = readName(clause.words, clause.indices, wordAt(clause, m.index + m[0].length));
  return name?.capitalized ? name.words.join(' ') : null;
}

/** "…welcome to the stage Dr. Ngozi Adeyemi": the honorific's full stop ended the clause before the name. */
const ENDS_IN_HONORIFIC = /\b(?:mr|mrs|ms|dr|prof)\.$/;

function introAcrossHonorific(view: ClauseView, index: number, intro: { name: NameCandidate | null } | null): { name: NameCandidate | null } | null {
  const next = view.clauses[index + 1];
  if (!intro || intro.name || !next || !ENDS_IN_HONORIFIC.test(view.clauses[index].lower)) return intro;
  const name = readName(next.words, next.indices, 0);
  return name?.capitalized ? { name } : intro;
}

/** A name said alone after an introduction that named nobody reaches back this far: "…the incoming chair. Emily." */
const BARE_NAME_REACH_WORDS = 40;

/** A clause that is nothing but a name of one to three capitalized words on one line, its first no English word ("Emily.", "Ada Lovelace!"). */
function bareName(clause: Clause): NameCandidate | null {
  if (clause.words.length > 3 || clause.words.some((w) => w.line !== clause.words[0].line)) return null;
  const name = readName(clause.words, clause.indices, 0);
  if (!name?.capitalized || name.words.length !== clause.words.length || isEnglish(name.words[0])) return null;
  return name;
}

/**
 * The host's introduction finished by a name said alone ("I'd like to introduce the incoming chair…
 * Emily."): the bare name is the introduction's, and the introduced person speaks after it.
 */
function withBareNames(view: ClauseView, evidence: ClauseEvidence[]): ClauseEvidence[] {
  const clauses = view.clauses;
  for (let c = 1; c < clauses.length; c++) {
    if (evidence[c].intro || evidence[c].self) continue;
    const name = bareName(clauses[c]);
    if (!name) continue;
    for (let b = c - 1; b >= 0 && clauses[c].wordsBefore - clauses[b].wordsBefore <= BARE_NAME_REACH_WORDS; b--) {
      const intro = evidence[b].intro;
      if (!intro) continue;
      if (!intro.name) evidence[c] = { ...evidence[c], intro: { name } };
      break;
    }
  }
  return evidence;
}

export function readEvidence(view: ClauseView): ClauseEvidence[] {
  return withBareNames(view, readEvidenceClauses(view));
}

function readEvidenceClauses(view: ClauseView): ClauseEvidence[] {
  return view.clauses.map((clause, index) => {
    const run = clause.afterBreak ? breakEndingAt(view, clause.first) : undefined;
    // applause a transcript wrote in words inside a line: "(audience applauds), Thank you"
    const strongBreak = (run?.strong ?? false) || /^[([](?:audience )?(?:applau|clap)/.test(clause.lower);
    return {
      intro: introAcrossHonorific(view, index, introIn(clause)),
      handOver: isHandOver(clause.lower),
      self: selfIn(clause),
      close: isClose(clause.lower),
      hostReturn: isHostReturn(clause.lower, clause.text) || isPraiseThenThanks(clause.lower, view.clauses[index + 1]?.lower),
      weakReturn: isWeakHostReturn(clause.lower),
      greeting: isGreeting(clause.lower),
      strongBreak,
      softBreak: run !== undefined && !strongBreak,
      hostContinuation: isHostContinuation(clause.lower),
      thanked: thankedIn(clause),
    };
  });
}
