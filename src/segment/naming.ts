// Names for the talks the handoffs delimit, only from evidence: the speaker's own introduction, the
// host's introduction confirmed by the talk itself (the speaker says the name) or by the host's
// thanks after it, the `#` heading, or the roster. A name word that is an English word or no
// person's name needs two of these; anything less leaves the talk unnamed, with a warning.

import type { Diagnostic } from '../diagnostic.js';
import type { ClauseView } from './clauses.js';
import { wordAt } from './clauses.js';
import { THANKS, type ClauseEvidence } from './evidence.js';
import { isEnglish } from '../correct/english.js';
import { readName, reconcile, samePerson, capitalizeName, type NameCandidate } from './names.js';
import { taggedAsPerson } from './person.js';
import { titleIn } from './signals.js';

/** A speaker names themself within this many words of their first, or it is not their introduction. */
const SELF_INTRO_WINDOW = 150;
/** The host's introduction lies this close before the talk. */
const INTRO_WINDOW = 120;
/** The host's thanks come this soon after the talk. */
const THANKS_WINDOW = 40;

export interface TalkSpan {
  /** First and after-last clause of the talk. */
  fromClause: number;
  toClause: number;
}

export interface TalkName {
  name: string | null;
  /** Token indices of the heard words the name was read from (capitalized later where heard in lower case). */
  nameTokens: number[];
  title: string | null;
  warnings: Diagnostic[];
}

export interface NamingContext {
  /** People the heading and the roster name: a heard name that matches one takes its spelling. */
  known: string[];
}

const text = (c: NameCandidate) => c.words.join(' ');

/** A name one piece of evidence is enough for: its first word is no English word, or compromise reads it as a person. */
function plausibleAlone(candidate: NameCandidate, sentence: string): boolean {
  const first = candidate.words[0];
  if (!isEnglish(first)) return true;
  return candidate.capitalized && taggedAsPerson(sentence, first);
}

function thanksName(view: ClauseView, afterClause: number): { name: NameCandidate; clause: number } | null {
  const clauses = view.clauses;
  const startWords = clauses[afterClause]?.wordsBefore ?? Infinity;
  for (let c = afterClause; c < clauses.length && clauses[c].wordsBefore - startWords <= THANKS_WINDOW; c++) {
    const m = THANKS.exec(clauses[c].lower);
    if (!m) continue;
    const name = readName(clauses[c].words, clauses[c].indices, wordAt(clauses[c], m.index + m[0].length));
    if (name?.capitalized) return { name, clause: c };
  }
  return null;
}

/** Does the talk's opening say one of the name's words ("Hello, Ivo Petrov")? */
function saysName(view: ClauseView, span: TalkSpan, name: string): number | null {
  const clauses = view.clauses;
  const from = clauses[span.fromClause].wordsBefore;
  for (let c = span.fromClause; c < span.toClause && clauses[c].wordsBefore - from <= SELF_INTRO_WINDOW; c++) {
    const heard = name.split(/\s+/).filter((w) => w.length >= 3);
    for (const w of clauses[c].words) {
      const word = w.text.replace(/[^\p{L}'’-]/gu, '');
      if (/^\p{Lu}/u.test(word) && heard.some((h) => h.toLowerCase() === word.toLowerCase())) return c;
    }
  }
  return null;
}

/** The heard words of every introduction of this person (the host may name them twice). */
function sameIntros(intros: NameCandidate[], name: string): number[] {
  return intros.filter((i) => samePerson(text(i), name)).flatMap((i) => i.indices);
}

function knownSpelling(name: string, known: string[]): string | null {
  return known.find((k) => samePerson(k, name)) ?? null;
}

/** The name (and announced title) of one talk. `hostFrom` is the first clause of the part before it (the host's, or the previous talk's). */
export function nameTalk(view: ClauseView, evidence: ClauseEvidence[], span: TalkSpan, hostFrom: number, context: NamingContext): TalkName {
  const clauses = view.clauses;
  const warnings: Diagnostic[] = [];
  const lineOf = (c: number) => clauses[c].words[0].line;
  const startWords = clauses[span.fromClause].wordsBefore;

  // the host's introduction: the last one naming someone before the talk
  let intro: { name: NameCandidate; clause: number } | null = null;
  const intros: NameCandidate[] = [];
  let firstIntro = span.fromClause;
  let title: string | null = null;
  for (let c = span.fromClause - 1; c >= Math.max(0, hostFrom) && startWords - clauses[c].wordsBefore <= INTRO_WINDOW; c--) {
    const found = evidence[c].intro;
    if (found) firstIntro = c;
    if (found?.name) intros.push(found.name);
    // the last introduction naming someone, in its fullest form ("Ravi Kumar… Ravi, take it away")
    if (found?.name && (!intro || (samePerson(text(intro.name), text(found.name)) && found.name.words.length > intro.name.words.length))) intro = { name: found.name, clause: c };
  }

  const introText = intro ? text(intro.name) : null;
  // the title: in the introduction or the host's words after it ("he's giving us a talk on…")
  for (let c = firstIntro; c < span.fromClause && !title; c++) title = titleIn(clauses[c].text, introText);

  // the speaker's own introduction
  let self: { name: NameCandidate; clause: number } | null = null;
  for (let c = span.fromClause; c < span.toClause && clauses[c].wordsBefore - startWords <= SELF_INTRO_WINDOW; c++) {
    const found = evidence[c].self;
    if (!found || !(found.strong || found.closesPhrase)) continue;
    const confirmed = (intro && samePerson(text(intro.name), text(found.name))) || knownSpelling(text(found.name), context.known);
    if (confirmed || ((found.strong || found.name.capitalized) && plausibleAlone(found.name, clauses[c].text))) {
      self = { name: found.name, clause: c };
      break;
    }
  }

  const thanks = thanksName(view, span.toClause);
  let name: string | null = null;
  let nameTokens: number[] = [];
  if (self) {
    const selfText = text(self.name);
    nameTokens = [...self.name.indices];
    if (intro && samePerson(introText!, selfText)) {
      // a lower-case English word ("I'm paper") spells the person worse than the host's capitalised "Piper"
      const misheardSelf = !self.name.capitalized && intro.name.capitalized && self.name.words.length <= intro.name.words.length && self.name.words.some((w) => isEnglish(w));
      name = reconcile(introText, misheardSelf ? null : selfText);
      nameTokens.push(...sameIntros(intros, selfText));
      if (introText!.toLowerCase() !== selfText.toLowerCase() && selfText.split(/\s+/)[0].toLowerCase() !== introText!.toLowerCase()) {
        warnings.push({ line: lineOf(self.clause), severity: 'warning', code: 'speaker-name', message: `"${introText}" (host) and "${selfText}" (speaker) taken as one person: ${name}` });
      }
    } else {
      name = reconcile(null, selfText);
      if (intro) warnings.push({ line: lineOf(self.clause), severity: 'warning', code: 'speaker-name', message: `introduced as "${introText}" but says "${selfText}": taken as "${name}"` });
    }
  } else if (intro) {
    const confirmedBy =
      (thanks && samePerson(text(thanks.name), introText!) ? thanks.clause : null) ??
      saysName(view, span, introText!) ??
      (knownSpelling(introText!, context.known) ? clauses.indexOf(clauses[intro.clause]) : null);
    if (confirmedBy !== null) {
      name = reconcile(introText, null);
      nameTokens = sameIntros(intros, introText!);
      if (thanks && samePerson(text(thanks.name), introText!)) nameTokens.push(...thanks.name.indices);
    } else {
      warnings.push({ line: lineOf(span.fromClause), severity: 'warning', code: 'speaker-unnamed', message: `the host introduces "${capitalizeName(introText!)}", but nothing in the talk or after it confirms the name: left unnamed` });
    }
  } else {
    warnings.push({
      line: lineOf(span.fromClause),
      severity: 'warning', code: 'speaker-unnamed',
      message: thanks ? `nobody introduces this speaker (the host thanks "${text(thanks.name)}" after it): left unnamed` : 'nobody names this speaker: left unnamed',
    });
  }
  if (name) {
    const spelling = knownSpelling(name, context.known);
    if (spelling) name = spelling;
  }

  // a second person naming themself inside the talk: two talks the handoffs missed, or a quote
  for (let c = self ? self.clause + 1 : span.fromClause; c < span.toClause; c++) {
    const found = evidence[c].self;
    if (!found?.strong || (name && samePerson(name, text(found.name)))) continue;
    if (!plausibleAlone(found.name, clauses[c].text)) continue;
    warnings.push({ line: lineOf(c), severity: 'warning', code: 'speaker-second-intro', message: `"${capitalizeName(text(found.name))}" introduces themself inside ${name ? `${name}'s talk` : 'this talk'}: a missed handoff?` });
    break;
  }
  return { name, nameTokens, title, warnings };
}

/** A host part's own name: only what its speaker says of themself, when the name stands alone. */
export function ownName(view: ClauseView, evidence: ClauseEvidence[], fromClause: number, toClause: number, known: string[]): string | null {
  for (let c = fromClause; c < toClause; c++) {
    const found = evidence[c].self;
    if (!found || !(found.strong || found.closesPhrase)) continue;
    const spelling = knownSpelling(text(found.name), known);
    if (spelling) return spelling;
    if ((found.strong || found.name.capitalized) && plausibleAlone(found.name, view.clauses[c].text)) return capitalizeName(text(found.name));
  }
  return null;
}

/** People named in the `#` heading ("P5：Ada Lovelace - Engines", "TALK _ Ada Lovelace, Ivo Petrov _ …"). */
export function headingNames(title: string | null): string[] {
  if (!title) return [];
  const names: string[] = [];
  for (const part of title.split(/\s+[-_|–—]\s+|[：:（）()]|\s{2,}|,\s*/)) {
    const words = part.trim().split(/\s+/);
    if (words.length < 2 || words.length > 3) continue;
    if (!words.every((w) => /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*$/u.test(w))) continue;
    // "Ada Lovelace" may hold one English word; "Sunday Lightning Talks", "Python Teachers Summit" are no names
    if (words.filter((w) => isEnglish(w)).length <= 1) names.push(words.join(' '));
  }
  return names;
}
