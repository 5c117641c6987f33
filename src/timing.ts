// The timing stage: estimates when each word is spoken from the text alone, with a speech-rate
// model, pauses at punctuation, sentence and paragraph ends, and a fixed length for sound events.

import type { MarkerTime, TimedUnit, TimedWord, Unit } from './types.js';

export interface SpeechModel {
  /** Speaking rate in syllables per second. */
  syllablesPerSecond: number;
  /** Shortest time any word takes, in seconds. */
  minWordDuration: number;
  commaPause: number;
  sentencePause: number;
  /** Pause at a paragraph end (before a slide change). */
  paragraphPause: number;
  eventDuration: number;
}

/** Average syllables in a word of spoken English (used to turn words per minute into syllables per second). */
export const SYLLABLES_PER_WORD = 1.45;

/** Default tuned for conference talks: about 170 words a minute of speech. */
export const DEFAULT_SPEECH_MODEL: SpeechModel = {
  syllablesPerSecond: (170 / 60) * SYLLABLES_PER_WORD,
  minWordDuration: 0.12,
  commaPause: 0.15,
  sentencePause: 0.35,
  paragraphPause: 0.8,
  eventDuration: 2,
};

export function speechModelForWpm(wpm: number, base: SpeechModel = DEFAULT_SPEECH_MODEL): SpeechModel {
  return { ...base, syllablesPerSecond: (wpm / 60) * SYLLABLES_PER_WORD };
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

/** Times every unit. Markers get the time at which the speech after them starts. */
export function estimateTiming(units: Unit[], model: SpeechModel = DEFAULT_SPEECH_MODEL): { units: TimedUnit[]; markers: MarkerTime[] } {
  let clock = 0;
  const timed: TimedUnit[] = [];
  const markers: MarkerTime[] = [];
  const secondsPerSyllable = 1 / model.syllablesPerSecond;
  for (const unit of units) {
    if (unit.type === 'marker') {
      timed.push({ ...unit, time: clock });
      markers.push({ image: unit.marker.image, line: unit.marker.line, time: clock, pinned: false });
    } else if (unit.type === 'event') {
      timed.push({ ...unit, start: clock, end: clock + model.eventDuration });
      clock += model.eventDuration;
    } else {
      const words: TimedWord[] = unit.words.map((word) => {
        const start = clock;
        const end = start + Math.max(model.minWordDuration, syllables(word.text) * secondsPerSyllable);
        clock = end + (/[,;:]["'”’)]*$/.test(word.text) ? model.commaPause : 0);
        return { word, start, end };
      });
      timed.push({ ...unit, words });
      clock += unit.paragraphEnd ? model.paragraphPause : unit.words[unit.words.length - 1].sentenceEnd ? model.sentencePause : 0;
    }
  }
  return { units: timed, markers };
}
