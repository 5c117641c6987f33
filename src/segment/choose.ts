// Chooses the whole session's handoffs at once. Every clause is a candidate place for a talk to
// start (a "start" score from the signals that a speaker begins there) and for the host to come
// back (an "end" score). A dynamic programme over the clauses picks the sequence of host parts and
// talks with the highest total score, each handoff costing HANDOFF_COST, so that one weak signal
// (a "thank you" inside a talk, applause for a demo) never splits a talk on its own, and two
// handoffs close together compete instead of both firing.

import type { ClauseView } from './clauses.js';
import type { ClauseEvidence } from './evidence.js';
import { samePerson } from './names.js';
import { isEnglish } from '../correct/english.js';

/** What one handoff must be worth: about two independent signals. */
export const HANDOFF_COST = 3;

// Weights of the signals (measured on the corpus; see docs/speakers.md).
const W = {
  introJustBefore: 3,
  introNear: 1.5,
  strongBreak: 2,
  softBreak: 0.5,
  selfHere: 3,
  selfSoon: 2,
  greeting: 1,
  hostReturn: 3.5,
  weakReturnAfterBreak: 1.5,
  closeBefore: 2,
  introAhead: 2,
  noFirstPerson: -2,
  thanksSpeaker: 2,
  spokenOf: -3,
  selfAtOpening: 3,
  closeThenPause: 1,
  handedOver: 3.5,
  thirdPersonOpening: -3,
  thanksCalledUp: -3.5,
  introHere: -2,
};

/** Opening in the middle of a talk takes a clear return of the host to outweigh opening with the host. */
const OPEN_IN_TALK = 2;
/** A talk is at least this many words; the host's part between two talks at least one clause. */
const MIN_TALK_WORDS = 30;
/** The host's introduction reaches the talk's first words within this many words. */
const INTRO_REACH_WORDS = 40;
/** A speaker names themself this soon after their first words, or the name is no sign of the start. */
const SELF_SOON_WORDS = 25;
/** The host's next introduction this soon after the host comes back. */
const INTRO_AHEAD_WORDS = 60;
/** A speaker says "I" or "my" this soon after they start; the host speaking of someone else does not. */
const FIRST_PERSON_WORDS = 40;
/** A talk's opening this long speaks of someone ("he", "her") and never says "I": the host telling of an awardee. */
const OPENING_WORDS_SPOKEN_OF = 50;
/** The host's words about a person called up, from the call to the thanks, are at most this long. */
const CALLED_UP_WORDS = 200;
const FIRST_SINGULAR = new Set(['i', "i'm", "i've", "i'll", "i'd", 'my', 'me', 'myself', 'mine']);
const THIRD_SINGULAR = new Set(['he', "he's", 'she', "she's", 'his', 'her', 'him', 'hers', 'himself', 'herself']);
const FIRST_PERSON = new Set(['i', "i'm", "i've", "i'll", "i'd", 'my', 'me', 'myself', 'we', "we're", "we've", "we'll", 'our', 'us']);
/** The host thanks by name someone who named themself this recently: the talk ends there. */
const THANKS_REACH_WORDS = 1500;
/** A self-introduction this close to the file's start opens it in a talk. */
const OPENING_WORDS = 60;
/** The introduced person named again this soon after the talk would start: the host is still speaking of them. */
const SPOKEN_OF_WORDS = 30;
/** Words the host may add after an introduction before the applause ("there's not many of us here"). */
const FLUFF_WORDS = 15;
/** Introductions of one person within this many words are one ("up next, Jay… give it up for Jay"). */
const INTRO_GROUP_WORDS = 80;

type Signal = keyof typeof W;

/** Each signal's bit in a score's set of signals (a number, not a Set: there is a score for every clause, twice). */
const BIT = Object.fromEntries(Object.keys(W).map((signal, k) => [signal, 1 << k])) as Record<Signal, number>;

export interface Score {
  value: number;
  /** Clause indices of the signals that make up the score. */
  clauses: number[];
  /** The signals counted, each once (two introductions ahead are no stronger than one): their BITs. */
  signals: number;
}

export interface Part {
  role: 'host' | 'speaker';
  /** First clause of the part. */
  clause: number;
  /** The score of the handoff that starts it (0 for the first part). */
  score: Score;
}

const none = (): Score => ({ value: 0, clauses: [], signals: 0 });
const has = (score: Score, signal: Signal) => (score.signals & BIT[signal]) !== 0;
function add(score: Score, signal: Signal, clause: number): void {
  if (has(score, signal)) return;
  score.signals |= BIT[signal];
  score.value += W[signal];
  if (!score.clauses.includes(clause)) score.clauses.push(clause);
}

/** Takes a signal back out of a score (its clauses stay: they still show where the score was read). */
function drop(score: Score, signal: Signal): void {
  if (!has(score, signal)) return;
  score.signals &= ~BIT[signal];
  score.value -= W[signal];
}

/** The last clause of the host's introduction that starts at clause `i`: the clauses that carry on from it. */
export function introChainEnd(view: ClauseView, evidence: ClauseEvidence[], i: number): number {
  const clauses = view.clauses;
  const name = evidence[i].intro?.name?.words.join(' ') ?? null;
  let last = i;
  for (let c = i + 1; c < clauses.length && clauses[c].wordsBefore - clauses[i].wordsBefore <= INTRO_GROUP_WORDS; c++) {
    const e = evidence[c];
    if (e.self || e.strongBreak) break;
    const sameIntro = e.intro !== null && (e.intro.name === null || name === null || samePerson(e.intro.name.words.join(' '), name));
    const mentionsName = name !== null && clauses[c].words.some((w) => samePerson(w.text.replace(/[^\p{L}'’-]/gu, '') || '-', name));
    if (!(sameIntro || e.hostContinuation || mentionsName)) break;
    last = c;
  }
  return last;
}

/** Start and end scores for every clause. */
export function scoreClauses(view: ClauseView, evidence: ClauseEvidence[]): { start: Score[]; end: Score[] } {
  const clauses = view.clauses;
  const n = clauses.length;
  const start = clauses.map(none);
  const end = clauses.map(none);
  const wordsAt = (c: number) => (c < n ? clauses[c].wordsBefore : Infinity);

  for (let i = 0; i < n; i++) {
    if (!evidence[i].intro) continue;
    const chainEnd = introChainEnd(view, evidence, i);
    // the talk starts right after the introduction, or after the applause that follows a word or two of fluff
    let after = chainEnd + 1;
    for (let c = after + 1; c < n && wordsAt(c) - wordsAt(after) <= FLUFF_WORDS; c++) {
      if (evidence[c].strongBreak) {
        after = c;
        break;
      }
    }
    if (after < n) add(start[after], 'introJustBefore', i);
    const reachEnd = clauses[chainEnd].wordsBefore + clauses[chainEnd].words.length + INTRO_REACH_WORDS;
    for (let c = after + 1; c < n && wordsAt(c) <= reachEnd; c++) {
      add(start[c], 'introNear', i);
    }
    // "let's welcome Dora to the stage. [applause] The award was given to Dora for…": the host goes on about them
    const introduced = evidence[i].intro!.name?.words.join(' ');
    if (introduced) {
      for (let c = after; c < n && wordsAt(c) <= reachEnd; c++) {
        for (let k = c; k < n && wordsAt(k) - wordsAt(c) <= SPOKEN_OF_WORDS && !evidence[k].self; k++) {
          if (clauses[k].words.some((w) => /^\p{Lu}/u.test(w.text) && samePerson(w.text.replace(/[^\p{L}'’-]/gu, '') || '-', introduced))) {
            add(start[c], 'spokenOf', k);
            break;
          }
        }
      }
    }
    // "…I'll hand it back to Sam.": someone else speaks next, a new speaker or the host again; not
    // while the one handing over still speaks of them ("I'll let Jackie take over… Jackie, are you ready?")
    if (after < n && evidence[i].handOver && !has(start[after], 'spokenOf')) add(end[after], 'handedOver', i);
    // the host comes back a little before an introduction
    for (let c = i; c >= 0 && clauses[i].wordsBefore - clauses[c].wordsBefore <= INTRO_AHEAD_WORDS; c--) add(end[c], 'introAhead', i);
  }

  // a talk's first words are the speaker's own: "I", "my"; a host speaking of an awardee says "he", "she"
  // one pass over each clause's words for the first person and the pronouns counted below
  const firstPersonAt: boolean[] = [];
  const pronouns: Array<{ first: number; third: number }> = [];
  for (const clause of clauses) {
    let firstPerson = false;
    let first = 0;
    let third = 0;
    for (const w of clause.lower.split(' ')) {
      const word = w.replace(/[^a-z']/g, '');
      if (FIRST_PERSON.has(word)) firstPerson = true;
      if (FIRST_SINGULAR.has(word)) first++;
      else if (THIRD_SINGULAR.has(word)) third++;
    }
    firstPersonAt.push(firstPerson);
    pronouns.push({ first, third });
  }
  let nextFirstPerson = Infinity;
  for (let c = n - 1; c >= 0; c--) {
    if (firstPersonAt[c]) nextFirstPerson = clauses[c].wordsBefore;
    if (nextFirstPerson - clauses[c].wordsBefore > FIRST_PERSON_WORDS) add(start[c], 'noFirstPerson', c);
  }

  // an opening that speaks of someone and never says "I" is no speaker's: the host telling of a person called up
  // (pronouns: counted with the first person above)
  // a sliding window: clauses c up to k (excluded) start within OPENING_WORDS_SPOKEN_OF words of c (so k > c)
  let k = 0;
  let first = 0;
  let third = 0;
  for (let c = 0; c < n; c++) {
    for (; k < n && wordsAt(k) - wordsAt(c) < OPENING_WORDS_SPOKEN_OF; k++) {
      first += pronouns[k].first;
      third += pronouns[k].third;
    }
    if (first === 0 && third >= 2) add(start[c], 'thirdPersonOpening', c);
    first -= pronouns[c].first;
    third -= pronouns[c].third;
  }

  // "let us welcome Dora to the stage. Dora was awarded… her work… Thank you, Dora.": the one who called
  // Dora up thanks her, having spoken of her all along; nobody else came back
  const pronounsBetween = (from: number, to: number) => {
    let first = 0;
    let third = 0;
    for (let k = from; k < to; k++) {
      first += pronouns[k].first;
      third += pronouns[k].third;
    }
    return { first, third };
  };
  const mentionsBetween = (from: number, to: number, name: string) => {
    let count = 0;
    for (let k = from; k < to; k++) for (const w of clauses[k].words) if (/^\p{Lu}/u.test(w.text) && samePerson(w.text.replace(/[^\p{L}'’-]/gu, '') || '-', name)) count++;
    return count;
  };
  for (let c = 0; c < n; c++) {
    // a talk does not open with the host's introduction of someone
    if (evidence[c].intro) add(start[c], 'introHere', c);
    const thanked = evidence[c].thanked;
    if (!thanked || !evidence[c].hostReturn) continue;
    for (let i = c - 1; i >= 0 && wordsAt(c) - wordsAt(i) <= CALLED_UP_WORDS; i--) {
      const introduced = evidence[i].intro?.name;
      if (!introduced) continue;
      if (samePerson(introduced.words.join(' '), thanked)) {
        const said = pronounsBetween(i + 1, c);
        if (said.first === 0 && said.third + mentionsBetween(i + 1, c, thanked) >= 2) add(end[c], 'thanksCalledUp', c);
      }
      break;
    }
  }

  // "thank you, Ivo" after Ivo named himself
  const selves: Array<{ words: number; name: string }> = [];
  for (let c = 0; c < n; c++) {
    const e = evidence[c];
    const self = e.self && (e.self.strong || e.self.closesPhrase) ? e.self.name.words.join(' ') : null;
    if (e.thanked && selves.some((s) => clauses[c].wordsBefore - s.words <= THANKS_REACH_WORDS && samePerson(s.name, e.thanked!))) add(end[c], 'thanksSpeaker', c);
    if (self) selves.push({ words: clauses[c].wordsBefore, name: self });
  }

  // "I'm jeff" (an English word) right after the host's "first up we have jeff"
  const introducedJustBefore = (c: number, name: string) => {
    for (let i = c - 1; i >= 0 && clauses[c].wordsBefore - clauses[i].wordsBefore <= INTRO_REACH_WORDS * 2; i--) {
      const introduced = evidence[i].intro?.name;
      if (introduced && samePerson(introduced.words.join(' '), name)) return true;
    }
    return false;
  };

  for (let c = 0; c < n; c++) {
    const e = evidence[c];
    if (e.strongBreak) {
      add(start[c], 'strongBreak', c);
      add(end[c], 'strongBreak', c);
    } else if (e.softBreak) {
      add(start[c], 'softBreak', c);
      add(end[c], 'softBreak', c);
    }
    if (e.self && (e.self.strong || (e.self.closesPhrase && (e.self.name.capitalized || !isEnglish(e.self.name.words[0]) || introducedJustBefore(c, e.self.name.words.join(' ')))))) {
      add(start[c], 'selfHere', c);
      // the speaker's first words a little before their name ("Hi. Okay. My name is…")
      for (let b = c - 1; b >= 0 && clauses[c].wordsBefore - clauses[b].wordsBefore <= SELF_SOON_WORDS; b--) {
        add(start[b], 'selfSoon', c);
        if (evidence[b].strongBreak) break;
      }
    }
    if (e.greeting) add(start[c], 'greeting', c);
    if (e.hostReturn) add(end[c], 'hostReturn', c);
    else if (e.weakReturn && e.strongBreak) add(end[c], 'weakReturnAfterBreak', c);
    if (c > 0 && evidence[c - 1].close) {
      add(end[c], 'closeBefore', c - 1);
      // "…thank you so much." then a slide change or applause: the speaker has stopped
      if (e.strongBreak || e.softBreak) add(end[c], 'closeThenPause', c);
    }
    else if (c > 1 && evidence[c - 2].close && clauses[c - 1].words.length <= 4) add(end[c], 'closeBefore', c - 2);
  }

  // "Thank you, Dora. [applause] Thank you. Next we have Chuck…": the caller who thanked Dora goes on to
  // call the next one up; the introduction ahead is theirs, and thanks after the applause are Dora's
  for (let c = 0; c < n; c++) {
    if (!has(end[c], 'thanksCalledUp')) continue;
    for (let k = c + 1; k < n && wordsAt(k) - wordsAt(c) <= CALLED_UP_WORDS; k++) {
      drop(end[k], 'introAhead');
      drop(end[k], 'weakReturnAfterBreak');
      if (evidence[k].intro) break;
    }
  }
  return { start, end };
}

/** True when the start score holds a sign that a new person speaks (an introduction or a self-introduction), not just a pause. */
function namesSomeone(score: Score): boolean {
  return has(score, 'introJustBefore') || has(score, 'selfHere') || has(score, 'selfSoon');
}

/**
 * The best sequence of parts. States: a host part or a talk starts at clause c. A talk follows a
 * host part or, with an introduction or self-introduction, another talk (two speakers sharing a
 * talk); a host part follows a talk of at least MIN_TALK_WORDS words. The session may open with
 * either (a file that starts in the middle of a talk).
 */
export function chooseParts(view: ClauseView, evidence: ClauseEvidence[], oneSpeakerTitle = false): Part[] {
  const clauses = view.clauses;
  const n = clauses.length;
  if (n === 0) return [];
  const { start, end } = scoreClauses(view, evidence);
  const host = new Array<number>(n).fill(-Infinity);
  const talk = new Array<number>(n).fill(-Infinity);
  const hostFrom = new Array<number>(n).fill(-1);
  const talkFrom = new Array<number>(n).fill(-1);
  const talkFromRole = new Array<'host' | 'speaker'>(n).fill('host');
  host[0] = 0;
  // a file may open in the middle of a talk (a tie opens with the host), or with a speaker naming themself
  const openingSelf = evidence.findIndex((e, c) => clauses[c].wordsBefore <= OPENING_WORDS && e.self?.strong && (e.self.name.capitalized || !isEnglish(e.self.name.words[0])));
  const openingIntro = evidence.findIndex((e, c) => clauses[c].wordsBefore <= OPENING_WORDS && e.intro);
  talk[0] = -(oneSpeakerTitle ? OPEN_IN_TALK / 2 : OPEN_IN_TALK) + (openingSelf !== -1 && (openingIntro === -1 || openingIntro > openingSelf) ? W.selfAtOpening : 0);
  // best host / talk state among clauses that can precede c
  let bestHost = -1; // best host[q] for q < c
  let bestTalk = -1; // best talk[q] for q with at least MIN_TALK_WORDS words before c
  let talkPointer = 0;
  for (let c = 1; c < n; c++) {
    if (bestHost === -1 || host[c - 1] > host[bestHost]) bestHost = c - 1;
    while (talkPointer < c && clauses[c].wordsBefore - clauses[talkPointer].wordsBefore >= MIN_TALK_WORDS) {
      if (bestTalk === -1 || talk[talkPointer] > talk[bestTalk]) bestTalk = talkPointer;
      talkPointer++;
    }
    const s = start[c].value;
    const e = end[c].value;
    // a talk starts at c after a host part
    if (host[bestHost] > -Infinity) {
      talk[c] = host[bestHost] + s - HANDOFF_COST;
      talkFrom[c] = bestHost;
    }
    if (bestTalk !== -1 && talk[bestTalk] > -Infinity) {
      // the host comes back at c
      host[c] = talk[bestTalk] + e - HANDOFF_COST;
      hostFrom[c] = bestTalk;
      // or a second speaker takes over at c
      if (namesSomeone(start[c])) {
        const shared = talk[bestTalk] + s + e - 2 * HANDOFF_COST;
        if (shared > talk[c]) {
          talk[c] = shared;
          talkFrom[c] = bestTalk;
          talkFromRole[c] = 'speaker';
        }
      }
    }
  }
  // the best final state
  let last = 0;
  let lastRole: 'host' | 'speaker' = 'host';
  for (let c = 0; c < n; c++) {
    if (host[c] > (lastRole === 'host' ? host[last] : talk[last])) [last, lastRole] = [c, 'host'];
    if (talk[c] > (lastRole === 'host' ? host[last] : talk[last])) [last, lastRole] = [c, 'speaker'];
  }
  const parts: Part[] = [];
  let c = last;
  let role = lastRole;
  for (;;) {
    const score = c === 0 ? none() : role === 'host' ? end[c] : talkFromRole[c] === 'speaker' ? merge(start[c], end[c]) : start[c];
    parts.push({ role, clause: c, score });
    if (c === 0) break;
    if (role === 'host') [c, role] = [hostFrom[c], 'speaker'];
    else [c, role] = [talkFrom[c], talkFromRole[c]];
  }
  return parts.reverse();
}

function merge(a: Score, b: Score): Score {
  return { value: a.value + b.value, clauses: [...new Set([...a.clauses, ...b.clauses])], signals: a.signals | b.signals };
}
