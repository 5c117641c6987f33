// The phrases that mark a handoff between speakers, matched on one clause's lower-case text. Each
// introduction pattern ends right where the introduced name begins.

/**
 * The host introduces the next speaker; each pattern ends where the introduced name may begin
 * ("first up we have X", "please welcome X", "our next speaker is X", "take it away, X"). The name
 * may be missing ("please give him a big hand") or stand before the phrase ("Ravi, take it away").
 */
export const HOST_INTRODUCTIONS: RegExp[] = [
  /\b(?:first|next) up,? (?:we(?: have|'ve got| got)|is|it's|we've) /g,
  /\bup next,? (?:we(?: have|'ve got| got| welcome)|is|it's) /g,
  /\bnext(?: [a-z]+)?,? we (?:have|'ve got) /g,
  /\bnext (?:talk|speaker|talker)\b[^.?!]{0,40}? we have /g,
  /\b(?:our |the )?(?:next|first|last) (?:speaker|talk|talker|presenter)(?:,[^.?!]{0,40},)? (?:is |will be )/g,
  /\b(?:let's|let us|please|like to|want to|we|we'd like to|we're going to|i'm (?:happy|excited|delighted|thrilled) to) (?:all |now )?(?:help me )?welcome (?!to\b|back\b|everyone\b|everybody\b)/g,
  /\bwelcome to the stage,? (?:(?:mr|mrs|ms|dr|professor)\.? )?/g,
  /\bgive (?:it up|(?:it )?(?:a |another )?(?:big |warm |loud |huge |massive )*(?:hand|wave|round of applause)) (?:to|for) /g,
  /\bgive (?=\S+(?: \S+)? (?:a|the|another) (?:[a-z]+ ){0,2}(?:hand|welcome|round of applause)\b)/g,
  /\bwithout further ado,? (?:here's |here is )?/g,
  /\bkick (?:it |things )?off with /g,
  /\btake it away\b[,?!.]? ?/g,
  /\b(?:like to|want to|going to|let me) (?:now )?introduce (?:to )?(?:you )?(?:to )?/g,
  /\b(?:we |i )?(?:(?:will|'ll|can|are going to|am going to|'m going to) )?invite (?=\S+(?: \S+){0,2} to (?:speak|take|present|share|come|join)\b)/g,
  /\b(?:hand|pass|turn) (?:it |things |my time )?(?:back |over |off ){0,2}to (?:my (?:colleague|friend|co-?worker|co-?presenter|co-?speaker) )?/g,
  /\bgive (?:it|things|the floor) (?:back |over ){1,2}to /g,
  // "I'll let Sam take over", "I'm going to let Sam pop in"
  /\b(?:will|'ll|going to|let me) (?:go ahead and )?let (?=\S+ (?:take (?:over|it from here)|pop in|jump in)\b)/g,
];

/** Handing the floor on, whoever speaks next (a new speaker, or the host again): "I'll hand it back to Sam". */
const HAND_OVER = /\b(?:hand|pass|turn|give) (?:it |things |my time |the floor )?(?:back |over |off ){1,2}to\b|\blet \S+ take (?:over|it from here)\b/;

export function isHandOver(lower: string): boolean {
  return HAND_OVER.test(lower);
}

/** The host readying the next talk without naming anyone: "the next lightning talk", "are you ready to go?". */
export const HOST_CUES: RegExp[] = [/\bnext (?:lightning )?(?:talk|speaker|talker|presenter)\b/, /\bare you ready\b/];

/** Cheap test that rules out most clauses before the introduction patterns run. */
export const MAY_INTRODUCE = /\b(?:up|next|first|last|speaker|welcome|give|ado|kick|away|ready|stage|to|invite|introduce|let)\b/;

/** The speaker names themself: "my name is X", "I'm X", "hi, I'm X". */
export const SELF_INTRODUCTIONS: RegExp[] = [/\bmy name(?: is|'s) /g, /\bi(?:'m| am) /g];

/** "my name is" is a self-introduction by itself; "I'm X" only when X is known to be a name. */
export function isStrongSelfIntroduction(pattern: RegExp): boolean {
  return pattern === SELF_INTRODUCTIONS[0];
}

/** The host's words around an introduction that are not yet the talk ("he's giving us a talk on…"). */
const HOST_CONTINUATIONS: RegExp[] = [
  /^(?:and |so )?(?:he|she|his|her)\b/,
  /^(?:and )?who(?:'s| is| will)\b/,
  /\b(?:he|she|they)(?:'s| is| are| will be)\b[^.?!]*\b(?:talk|giving|going to|present)/,
  /\bround of applause\b/,
  /\bgive (?:him|her|them)\b/,
  /\bpass it (?:on |over )?to\b/,
  /\b(?:a|his|her|their) talk (?:on|about|called|titled)\b/,
  /\bwelcome (?:him|her|them)\b/,
];

/** A word or phrase every one of HOST_CONTINUATIONS needs: a cheap test before them (most clauses have none). */
const MAY_CONTINUE = /\b(?:he|she|his|her|they|who)\b|applause|give|pass it|talk|welcome/;

export function isHostContinuation(lower: string): boolean {
  return MAY_CONTINUE.test(lower) && HOST_CONTINUATIONS.some((re) => re.test(lower));
}

/** The speaker's close: "thank you", "that's all", "thank you for listening". */
const CLOSES: RegExp[] = [
  /\bthank you(?: (?:very|so) much)?(?:,? (?:all|everyone|everybody|folks|guys)(?: again)?)?[.!]?$/,
  /^thanks(?: (?:very|so) much| a lot)?[.!]?$/,
  /\bthank you (?:for (?:listening|your attention|having me|coming))\b/,
  /\bthank you(?:,? (?:all|everyone|everybody))? and (?:have a|enjoy)\b/,
  /\bthat's (?:all|it)\b(?: (?:i have|from me|for me))?[.!]?$/,
  /\b(?:i'm|i am) out of time\b/,
  /\bany questions\?$/,
];

/** A phrase every one of CLOSES needs. */
const MAY_CLOSE = /thank|that's|out of time|any questions/;

export function isClose(lower: string): boolean {
  return MAY_CLOSE.test(lower) && CLOSES.some((re) => re.test(lower));
}

/** The host coming back: "thank you so much, X", "thanks very much", "great talk", "another round of applause for X". */
const HOST_RETURNS: RegExp[] = [
  /^(?:so |okay,? |all right,? |alright,? )?thank you(?: (?:so|very) much)?,? for (?:speaking|your talk|the talk|that|sharing)\b/,
  /\bthanks(?: (?:so|very) much)? for (?:that|speaking|your talk|the talk|sharing)\b/,
  /^(?:so |okay,? |all right,? |alright,? )?thanks (?:so|very) much(?:[.!,]|$| for (?:that|speaking|your talk|the talk))/,
  /^(?:what a |that was a |such a )?(?:great|awesome|amazing|wonderful|fantastic|excellent) talk\b/,
  /\b(?:i )?(?:love|loved) (?:that|this) talk\b/,
  /\b(?:another|one more) (?:quick |big |huge )?(?:round of applause|hand) (?:for|to)\b/,
];

/** "Thank you (so much), Henry": thanks addressed to someone by name (a capital), not "thank you, that was fun". */
const THANKS_BY_NAME = /^(?:So |Okay,? |All right,? |Alright,? )?[Tt]hank you(?: (?:so|very) much)?, (?!(?:Everyone|Everybody|All|Folks|Guys|Again|So|And|I)\b)\p{Lu}/u;

/** `text` is the clause as written (for the capital of a name), `lower` its lower-case form. */
/** A word every one of HOST_RETURNS and THANKS_BY_NAME needs (in the lower-case text). */
const MAY_RETURN = /thank|talk|applause|hand/;

export function isHostReturn(lower: string, text: string): boolean {
  return MAY_RETURN.test(lower) && (HOST_RETURNS.some((re) => re.test(lower)) || THANKS_BY_NAME.test(text));
}

/** A word of praise said alone ("Wonderful.", "Awesome!"): the host's, when thanks follow it. */
const PRAISE_ALONE = /^(?:awesome|wonderful|excellent|perfect|fantastic)[.!]?$/;

/** "Wonderful. Thank you so much.": the host comes back praising, then thanking. */
export function isPraiseThenThanks(lower: string, nextLower: string | undefined): boolean {
  return PRAISE_ALONE.test(lower) && nextLower !== undefined && /^(?:thank you|thanks)\b/.test(nextLower);
}

/** A return too weak to stand alone ("thanks.", "thank you, Lorena") counts right after applause or a turn. */
export function isWeakHostReturn(lower: string): boolean {
  return /^(?:so |okay,? )?(?:thanks|thank you)\b/.test(lower);
}

/** A speaker's first words to the room: "hi everyone", "hello", "good morning". */
const GREETING = /^(?:(?:okay|so|all right|yeah|great)[,.]? )?(?:hi|hello|hey|good (?:morning|afternoon|evening))\b/;

export function isGreeting(lower: string): boolean {
  return GREETING.test(lower);
}

/** Sound events that close a talk or greet a speaker. */
export function isApplause(eventText: string): boolean {
  return /applause|clapping|cheer/.test(eventText);
}

/** Music between stretches of speech: a recording's intro or outro. */
export function isMusic(eventText: string): boolean {
  return eventText.includes('music');
}

/** Title announced by the host: "giving us a talk on X", "going to talk to us about X", "X with Y". */
const TITLES: RegExp[] = [
  /\btalk (?:on|about|called|titled|entitled) (.+)$/i,
  /\btalk(?:ing)? to us (?:on|about) (.+)$/i,
  /\btell(?:ing)? us (?:about) (.+)$/i,
];

/** The title in a clause of the host's introduction, with the name-bearing "with X" form. */
export function titleIn(text: string, name: string | null): string | null {
  for (const re of TITLES) {
    const m = re.exec(text);
    if (m) return cleanTitle(m[1]);
  }
  if (name) {
    const m = new RegExp(`\\b${escapeRegExp(name)}[,]? with (.+?)(?:,? let's\\b.*)?$`, 'i').exec(text);
    if (m) return cleanTitle(m[1]);
  }
  return null;
}

function cleanTitle(raw: string): string | null {
  const title = raw.replace(/\s*\b(?:let's|please)\b.*$/i, '').replace(/[\s,.;:!?]+$/, '').trim();
  if (title.split(/\s+/).length < 2 && title.length < 4) return null;
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/**
 * Where a global pattern matches in a text. (String.matchAll clones the pattern on every call,
 * which costs a recompilation each time; over every clause of a transcript that adds up.)
 */
export function* matchesOf(pattern: RegExp, text: string): Generator<{ index: number; end: number }> {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    yield { index: m.index, end: m.index + m[0].length };
    if (m[0].length === 0) pattern.lastIndex++;
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
