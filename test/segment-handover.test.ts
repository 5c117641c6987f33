// Hand-overs in a host's own words, as heard in online sessions with no applause: "I'll give it
// over to X", "I'll hand off back to X", "I'm going to let X take over", the host's praise then
// thanks ("Wonderful. Thank you so much."). Each case fails
// when its signal is taken out of src/segment/signals.ts.

import { describe, expect, it } from 'vitest';
import { detectSpeakers } from '../src/segment/index.js';
import { normalizeLines } from './helpers/pipeline.js';

const BODY = [
  'Today I want to show you how we test the parsers in our team.',
  'We start with small inputs and we grow them slowly until something breaks.',
  'Every bug we found became a new case, and the suite now runs in a minute on a laptop.',
];
const lineOf = (n: number) => 2 * n - 1;
const starts = (...lines: string[]) => detectSpeakers(normalizeLines(...lines).tokens).segments.map((s) => [s.role, s.startLine]);

describe('hand-overs in the host\'s own words', () => {
  it('"give it over to X" and "hand off back to X" are handoffs', () => {
    expect(
      starts(
        'Good morning and welcome to the online summit. We are glad to have you all here with us today.',
        'And now I will give it over to Dana to start with the welcome.',
        'Hi everyone, I am glad to be here. ' + BODY[0],
        ...BODY,
        'So with that, I will hand off back to Tomas for the next part.',
        'Great. So the schedule for the rest of the day is on the website, and the breaks are on it too.',
      ),
    ).toEqual([
      ['host', lineOf(1)],
      ['speaker', lineOf(3)],
      ['host', lineOf(8)],
    ]);
  });

  it('"I\'m going to let X take over" is a handoff', () => {
    expect(
      starts(
        'Good morning and welcome to the online summit. We are glad to have you all here with us today.',
        "I'm going to let Dana take over for a moment.",
        'Hi everyone, I am glad to be here. ' + BODY[0],
        ...BODY,
      ),
    ).toEqual([
      ['host', lineOf(1)],
      ['speaker', lineOf(3)],
    ]);
  });
});

describe('the host coming back without applause', () => {
  const session = (handBack: string) =>
    starts(
      'Welcome back everyone. Next we are going to invite Ravi Kumar to speak. Ravi, take it away.',
      'Hi everyone. Can everyone see my screen? ' + BODY[0],
      ...BODY,
      ...BODY,
      'And these are the parsers we test this way.',
      handBack + ' It touches on so many things we talked about this morning.',
      'We have a little time left, so put your questions in the chat.',
    );

  it('a word of praise alone, then thanks: the host is back', () => {
    expect(session('Wonderful. Thank you so much.')).toEqual([
      ['host', lineOf(1)],
      ['speaker', lineOf(2)],
      ['host', lineOf(10)],
    ]);
  });
});

describe('a `>>` turn inside a host part', () => {
  it('splits it, and a name said after the turn is not shown on a piece that runs on to the next talk', () => {
    const { segments } = detectSpeakers(
      normalizeLines(
        'Welcome back, everyone, to the second half of the morning session of lightning talks.',
        'We have a lot of talks, so please hold your questions for the speakers until the break outside.',
        'The next one is a story, and I will tell you the start of it while we get the laptop ready.',
        'So this person is really excited about trains, as I said, and one day the big fair comes to town.',
        'And they are really excited to go to it, but not as excited as you all are to hear this talk.',
        '[laughter], >> Take it, sir. Hi, my name is Oskar Lind. ' + BODY[0],
        BODY[1],
        'So he has been waiting his whole life for this day, and he gets his ticket way ahead of time.',
        'He runs in and the whole hall is deserted, and he steps over the velvet rope to touch the train.',
        'He is not really anyone here, he is just the postman, and the guard comes over to see him.',
        'Are you ready to go? Next up we have Lea. Go!',
        "Hi, I'm Lea. " + BODY[2],
        ...BODY,
      ).tokens,
    );
    expect(segments.map((s) => [s.role, s.speaker, s.startLine])).toEqual([
      ['host', null, lineOf(1)],
      ['host', null, lineOf(6)],
      ['speaker', 'Lea', lineOf(12)],
    ]);
  });
});

describe('a recorded talk', () => {
  const recording = (title: string | undefined) =>
    detectSpeakers(
      normalizeLines(
        '[Music]',
        'So hello and welcome to this talk about parsers. ' + BODY[0],
        ...BODY,
        ...BODY,
        'Thank you and enjoy the rest of the conference. [Music]',
        '[Music], [Music], [Music], [Music], (buzzing), Alright, let us go.',
      ).tokens,
      { title },
    ).segments.map((s) => [s.role, s.speaker, s.startLine]);

  it('titled with one person: their talk opens the file, and speech after the outro music is another part', () => {
    expect(recording('Oskar Lind - Parsers at Speed')).toEqual([
      ['speaker', 'Oskar Lind', lineOf(1)],
      ['host', null, lineOf(9)],
    ]);
  });

  it('without such a title the same text stays one part', () => {
    expect(recording(undefined)).toHaveLength(1);
  });
});
