import { describe, expect, it } from 'vitest';
import { segmentSpeakers } from '../src/segment/index.js';
import { splitSentences } from '../src/sentences/index.js';
import { DEFAULT_SPEECH_MODEL, estimateTiming, speechModelForWpm, syllables } from '../src/timing/estimate.js';
import type { Unit } from '../src/types.js';
import { normalizeLines } from './helpers/pipeline.js';

function unitsOf(...lines: string[]): Unit[] {
  const stream = normalizeLines(...lines);
  return splitSentences(stream.tokens, segmentSpeakers(stream.tokens));
}

const sentenceTexts = (units: Unit[]) => units.filter((u) => u.type === 'sentence').map((u) => (u.type === 'sentence' ? u.words.map((w) => w.text).join(' ') : ''));

describe('splitSentences', () => {
  it('splits at stops, questions and exclamations but not inside abbreviations and numbers', () => {
    expect(sentenceTexts(unitsOf('We meet at 5 p。m。 for tea in the U。S。 Is it？ Yes！ It was in the U。S。 PyCon。 Python 3。10 is out。'))).toEqual([
      'We meet at 5 p.m. for tea in the U.S.',
      'Is it?',
      'Yes!',
      'It was in the U.S. PyCon.',
      'Python 3.10 is out.',
    ]);
  });

  it('cuts sentences at sound events and marks the sentence before a marker as a paragraph end', () => {
    const units = unitsOf('Thank you。 [applause]， Thanks for coming。', '![](img/a_1.png)', 'Next slide。');
    expect(units.map((u) => u.type)).toEqual(['sentence', 'event', 'sentence', 'marker', 'sentence']);
    expect(units[2].type === 'sentence' && units[2].paragraphEnd).toBe(true);
  });

  it('lets a marker with no known time wait for its sentence to end, and cuts at a pinned one', () => {
    const stream = normalizeLines('We start here and', '![](img/a_1.png)', 'we go on。 Next。');
    const waiting = splitSentences(stream.tokens, segmentSpeakers(stream.tokens));
    expect(waiting.map((u) => u.type)).toEqual(['sentence', 'marker', 'sentence']);
    expect(sentenceTexts(waiting)[0]).toBe('We start here and we go on.');
    expect(waiting[0].type === 'sentence' && waiting[0].paragraphEnd).toBe(true);
    const pinned = splitSentences(stream.tokens, segmentSpeakers(stream.tokens), (m) => m.image === 'img/a_1.png');
    expect(pinned.map((u) => u.type)).toEqual(['sentence', 'marker', 'sentence', 'sentence']);
  });

  it('always closes the last sentence', () => {
    const units = unitsOf('and then it ends');
    const last = units[units.length - 1];
    expect(last.type === 'sentence' && last.words[last.words.length - 1].sentenceEnd).toBe(true);
  });
});

describe('estimateTiming', () => {
  it('counts syllables of words, numbers and acronyms', () => {
    expect(syllables('morning,')).toBe(2);
    expect(syllables('the')).toBe(1);
    expect(syllables('PSF')).toBe(3);
    expect(syllables('1,000')).toBeGreaterThanOrEqual(2);
  });

  it('gives words increasing times, sound events their fixed length, and markers the time of the speech after them', () => {
    const { units, markers } = estimateTiming(unitsOf('Hello there everyone。 [applause]', '![](img/a_1.png)', 'Next slide。'));
    const times = units.flatMap((u) => (u.type === 'sentence' ? [...u.starts].flatMap((start, i) => [start, u.ends[i]]) : u.type === 'event' ? [u.start, u.end] : [u.time]));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const event = units.find((u) => u.type === 'event');
    expect(event && event.type === 'event' && event.end - event.start).toBe(DEFAULT_SPEECH_MODEL.eventDuration);
    const next = units[units.length - 1];
    expect(markers).toHaveLength(1);
    expect(next.type === 'sentence' && next.starts[0]).toBe(markers[0].time);
  });

  /** Seconds between the end of the first sentence and the start of the next speech (the marker's time, if any). */
  function pauseAfterFirst(...lines: string[]): number {
    const { units } = estimateTiming(unitsOf(...lines));
    const first = units[0];
    const next = units[1];
    if (first.type !== 'sentence') throw new Error('no sentence first');
    const end = first.ends[first.ends.length - 1];
    if (next.type === 'marker') return next.time - end;
    if (next.type === 'sentence') return next.starts[0] - end;
    throw new Error('no speech next');
  }

  it('pauses at a slide change that ends a sentence, but not at one inside a sentence', () => {
    expect(pauseAfterFirst('We start here。', '![](img/a_1.png)', 'And we go on。')).toBeCloseTo(DEFAULT_SPEECH_MODEL.paragraphPause, 9);
    // a marker inside a sentence waits for its end: no pause inside the sentence
    const { units } = estimateTiming(unitsOf('We start here and', '![](img/a_1.png)', 'we go on。'));
    expect(units.map((u) => u.type)).toEqual(['sentence', 'marker']);
    expect(pauseAfterFirst('We start here。 And we go on。')).toBeCloseTo(DEFAULT_SPEECH_MODEL.sentencePause, 9);
  });

  it('pauses longer before a sentence that opens with a discourse marker, before the marker that precedes it', () => {
    const discourse = DEFAULT_SPEECH_MODEL.discoursePause!;
    expect(discourse).toBeGreaterThan(0);
    for (const opening of ['So we go on。', 'Now， the decoder。', 'All right， next。', 'Okay。 Next。']) {
      expect(pauseAfterFirst(`That is done。 ${opening}`)).toBeCloseTo(DEFAULT_SPEECH_MODEL.sentencePause + discourse, 9);
    }
    // the same words inside other words or inside a sentence are no discourse marker
    expect(pauseAfterFirst('That is done。 Sofia goes on。')).toBeCloseTo(DEFAULT_SPEECH_MODEL.sentencePause, 9);
    expect(pauseAfterFirst('That is done and so we go on。 Next。')).toBeCloseTo(DEFAULT_SPEECH_MODEL.sentencePause, 9);
    // the marker keeps the time at which the speech after it starts: the pause comes before it
    const { units, markers } = estimateTiming(unitsOf('That is done。', '![](img/a_1.png)', 'So， next。'));
    const after = units[units.length - 1];
    expect(after.type === 'sentence' && after.starts[0]).toBe(markers[0].time);
    expect(pauseAfterFirst('That is done。', '![](img/a_1.png)', 'So， next。')).toBeCloseTo(DEFAULT_SPEECH_MODEL.paragraphPause + discourse, 9);
    // a model without the pause (a custom one) keeps the plain sentence pause
    const plain = estimateTiming(unitsOf('Done。 So， next。'), { ...DEFAULT_SPEECH_MODEL, discoursePause: undefined }).units;
    expect(plain[0].type === 'sentence' && plain[1].type === 'sentence' && plain[1].starts[0] - plain[0].ends[0]).toBeCloseTo(DEFAULT_SPEECH_MODEL.sentencePause, 9);
  });

  it('speaks faster with a higher words-per-minute rate', () => {
    const text = 'This is a sentence with quite a few words in it to time。';
    const slow = estimateTiming(unitsOf(text), speechModelForWpm(120)).units[0];
    const fast = estimateTiming(unitsOf(text), speechModelForWpm(240)).units[0];
    const length = (u: typeof slow) => (u.type === 'sentence' ? u.ends[u.ends.length - 1] - u.starts[0] : 0);
    expect(length(slow) / length(fast)).toBeCloseTo(2, 1);
  });
});
