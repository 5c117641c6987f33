// The timing stage: estimates when each word is spoken from the text alone, with a speech-rate
// model (spoken letters or syllables a second), pauses at punctuation, sentence and paragraph ends,
// and a fixed length for sound events. timing/anchors.ts then pins this timeline to known times.

import type { MarkerTime, TimedUnit, Unit } from '../types.js';

export interface SpeechModel {
  /** Speaking rate in syllables per second (used when charactersPerSecond is not set). */
  syllablesPerSecond: number;
  /** Speaking rate in spoken letters per second: a word lasts as long as its letters (see spokenLetters). */
  charactersPerSecond?: number;
  /** Shortest time any word takes, in seconds. */
  minWordDuration: number;
  commaPause: number;
  sentencePause: number;
  /** Pause at a paragraph end (before a slide change) that is also a sentence end. */
  paragraphPause: number;
  /** Extra pause before a sentence that opens with a discourse marker ("So", "Now", "All right", …). */
  discoursePause?: number;
  eventDuration: number;
}

/** Average syllables in a word of spoken English (used to turn words per minute into syllables per second). */
export const SYLLABLES_PER_WORD = 1.45;

/** Average spoken letters in a word of a talk (4.3 in the shipped example, 4.4 and 5.2 in the W3C talks). */
export const LETTERS_PER_WORD = 4.4;

/**
 * Default tuned on human-timed talks (npm run bench:timing): time in proportion to spoken letters,
 * about 170 words a minute; a pause of 0.4 s after a sentence and 1 s at a slide change (measured
 * in each of the two timed talks alone: +0.38 s and +0.39 s after sentences, +1.1 s and +0.7 s at
 * slides, nothing after commas). A slide change inside a sentence does not stop the speech, so it
 * gets no pause. Speakers pause before a sentence that opens a new step with a discourse marker
 * ("So", "Now", "All right"): by cue regression +1.4 s and +0.45 s; 1 s is the best value on the talk
 * with the fewer of them, and each talk's best value also lowers the other's errors (median error,
 * mean over markers every 40 to 240 s: 2 s takes dhm from 0.67 to 0.63 s, 1 s takes
 * chris-cunningham from 1.82 to 1.58 s). With both rules, markers every 60 s: median / p90
 * 1.14 / 2.90 s → 0.99 / 2.51 s.
 */
export const DEFAULT_SPEECH_MODEL: SpeechModel = {
  syllablesPerSecond: (170 / 60) * SYLLABLES_PER_WORD,
  charactersPerSecond: (170 / 60) * LETTERS_PER_WORD,
  minWordDuration: 0.12,
  commaPause: 0,
  sentencePause: 0.4,
  paragraphPause: 1,
  discoursePause: 1,
  eventDuration: 2,
};

/** The model at another speaking rate; a faster speaker says even the shortest words faster. */
export function speechModelForWpm(wpm: number, base: SpeechModel = DEFAULT_SPEECH_MODEL): SpeechModel {
  const speedup = (wpm / 60) * SYLLABLES_PER_WORD / base.syllablesPerSecond;
  return {
    ...base,
    syllablesPerSecond: (wpm / 60) * SYLLABLES_PER_WORD,
    minWordDuration: base.minWordDuration / speedup,
    ...(base.charactersPerSecond ? { charactersPerSecond: (wpm / 60) * LETTERS_PER_WORD } : {}),
  };
}

const NUMBER_WORDS_PER_DIGIT_GROUP = 2.2;

/** Syllables as spoken: vowel groups for words, a rough count for numbers and acronyms. */
export function syllables(word: string): number {
  const text = word.toLowerCase().replace(/[^\p{L}\p{N}'.+#-]/gu, '');
  if (text === '') return 0;
  if (/^[\d.,]+$/.test(text)) {
    const digits = text.replace(/\D/g, '').length;
    return Math.max(1, Math.ceil(digits / 3) * NUMBER_WORDS_PER_DIGIT_GROUP + (text.includes('.') ? 1 : 0));
  }
  if (/^\p{Lu}{2,5}$/u.test(word.replace(/[^\p{L}]/gu, ''))) return word.replace(/[^\p{L}]/gu, '').length; // acronyms are spelt out
  let count = 0;
  for (const part of text.split(/[-.+#]/)) {
    if (!part) continue;
    const groups = part.replace(/e$/, '').match(/[aeiouy]+/g);
    count += Math.max(1, groups ? groups.length : 0);
  }
  return count;
}

/** Letters as spoken: a word's letters and digits; a number or an acronym by its syllables spelt out. */
export function spokenLetters(word: string): number {
  const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters === '') return 0;
  // a word with a lower-case letter is neither a number nor an acronym
  if (/\p{Ll}/u.test(letters)) return letters.length;
  const spelt = /^[\d.,]+$/.test(word.replace(/[^\p{L}\p{N}.,]/gu, '')) || /^\p{Lu}{2,5}$/u.test(word.replace(/[^\p{L}]/gu, ''));
  return spelt ? syllables(word) * LETTERS_PER_SYLLABLE : letters.length;
}

/** Letters in a spoken syllable of English, on average (to time numbers and acronyms spelt out). */
const LETTERS_PER_SYLLABLE = 3;

/**
 * Words that open a sentence as a discourse marker, announcing a new step of the talk (before which
 * speakers pause: typing, changing slides, gathering the next thought): "So, …", "Now …", "Okay.".
 */
const DISCOURSE_MARKER = /^(?:so|now|well|okay|ok|alright|right|all right)(?![\p{L}\p{N}'’-])/iu;

/** Whether the sentence unit at `index` (after any markers) opens with a discourse marker. */
function opensWithDiscourseMarker(units: Unit[], index: number): boolean {
  let i = index;
  while (i < units.length && units[i].type === 'marker') i++;
  const next = units[i];
  if (next?.type !== 'sentence') return false;
  return DISCOURSE_MARKER.test(next.words.slice(0, 2).map((w) => w.text).join(' '));
}

/** Times every unit. Markers get the time at which the speech after them starts. */
export function estimateTiming(units: Unit[], model: SpeechModel = DEFAULT_SPEECH_MODEL): { units: TimedUnit[]; markers: MarkerTime[] } {
  let clock = 0;
  const timed: TimedUnit[] = [];
  const markers: MarkerTime[] = [];
  const secondsPerSyllable = 1 / model.syllablesPerSecond;
  const length = model.charactersPerSecond
    ? (text: string) => spokenLetters(text) / model.charactersPerSecond!
    : (text: string) => syllables(text) * secondsPerSyllable;
  for (let u = 0; u < units.length; u++) {
    const unit = units[u];
    if (unit.type === 'marker') {
      timed.push({ ...unit, time: clock });
      markers.push({ image: unit.marker.image, line: unit.marker.line, time: clock, pinned: false });
    } else if (unit.type === 'event') {
      timed.push({ ...unit, start: clock, end: clock + model.eventDuration });
      clock += model.eventDuration;
    } else {
      const starts = new Float64Array(unit.words.length);
      const ends = new Float64Array(unit.words.length);
      unit.words.forEach((word, i) => {
        starts[i] = clock;
        ends[i] = clock + Math.max(model.minWordDuration, length(word.text));
        clock = ends[i] + (/[,;:]["'”’)]*$/.test(word.text) ? model.commaPause : 0);
      });
      timed.push({ ...unit, starts, ends });
      // The pauses come before any marker that follows, so that it keeps the time the next speech starts.
      if (unit.words[unit.words.length - 1].sentenceEnd) {
        clock += unit.paragraphEnd ? model.paragraphPause : model.sentencePause;
        if (model.discoursePause && opensWithDiscourseMarker(units, u + 1)) clock += model.discoursePause;
      }
    }
  }
  return { units: timed, markers };
}
