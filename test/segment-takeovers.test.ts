// Handoffs with few or no words: a co-speaker taking over at a bare `>>`, a chair handing over by
// calling the next one's name alone; and people called up who never speak (an awards session), who
// must not become talks. Each rule as a small crafted case.

import { describe, expect, it } from 'vitest';
import { HANDOFF_COST, scoreClauses } from '../src/segment/choose.js';
import { clauseView } from '../src/segment/clauses.js';
import { readEvidence } from '../src/segment/evidence.js';
import { detectSpeakers } from '../src/segment/index.js';
import { splitSentences } from '../src/sentences/index.js';
import { normalizeLines } from './helpers/pipeline.js';
import { BODY, detect, lineOf, summary } from './helpers/segment.js';


describe('a co-speaker taking over at a bare `>>`', () => {
  const opening = [
    'Good morning. Please welcome our next speakers. [applause]',
    "So I'm Moses Schwartz. This is my co-worker Andy. " + BODY[0],
    ...BODY,
  ];

  it("cuts the talk at each long turn; only the self-introduced speaker's turn carries the name", () => {
    const { segments, warnings } = detect(
      ...opening,
      '>> So now that we have built the server, let me show you the endpoints. ' + BODY[1],
      ...BODY,
      'So yeah. >> So when you actually go to build one of these things, plan the alerts first. ' + BODY[2],
      ...BODY,
    );
    // each voice left unnamed is said, at its turn
    expect(warnings.filter((w) => w.code === 'speaker-unnamed').map((w) => w.line)).toEqual([lineOf(6), lineOf(10)]);
    // the third voice may be the first speaker back: the warning says so, the segment stays unnamed
    expect(warnings.find((w) => w.line === lineOf(6))?.message).not.toMatch(/back after a co-speaker/);
    expect(warnings.find((w) => w.line === lineOf(10))?.message).toMatch(/speaker back after a co-speaker\?/);
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', 'Moses Schwartz', lineOf(2), lineOf(5)],
      ['speaker', null, lineOf(6), lineOf(10)],
      ['speaker', null, lineOf(10), lineOf(13)],
    ]);
  });

  it('names a turn by its own self-introduction', () => {
    const { segments } = detect(...opening, ">> Hi, I'm Andy Culler, and I wrote the deployment part. " + BODY[1], ...BODY);
    expect(segments.map((s) => s.speaker)).toEqual([null, 'Moses Schwartz', 'Andy Culler']);
  });

  it('keeps a short turn (a word from the room, a stray `>>`) inside the talk', () => {
    const { segments } = detect(...opening, '>> And yes, the slides will be online after the talk.');
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', 'Moses Schwartz', lineOf(2), lineOf(6)],
    ]);
  });
});

describe('a chair handing over by calling a name alone', () => {
  const chair = [
    'All right, so some things to catch up on before we close.',
    ...BODY,
    ...BODY,
    'Speaking of next year, I would like to now introduce to you the incoming chair of the conference.',
  ];
  const next = ['Alright, so the good news is that we are less than a year away from the next conference.', ...BODY];

  it('the voice after the name is a new segment', () => {
    const { segments } = detect(...chair, 'Emily.', '![](img/a_17.png)', ...next);
    expect(segments.map((s) => [s.startLine, s.endLine])).toEqual([
      [lineOf(1), lineOf(9)],
      [lineOf(11), lineOf(14)],
    ]);
    // nothing after the call confirms the name: unnamed, said in a warning
    expect(segments[1].speaker).toBeNull();
  });

  it('also when the stop after the name was lost before a slide change', () => {
    const { segments } = detect(...chair, 'Emily', '![](img/a_17.png)', ...next);
    expect(segments.map((s) => s.startLine)).toEqual([lineOf(1), lineOf(11)]);
  });

  it('the handoff ends the sentence: the stop lost before the slide change is put back, and no sentence is cut at the marker', () => {
    const stream = normalizeLines(...chair, 'Emily', '![](img/a_17.png)', ...next);
    const result = detectSpeakers(stream.tokens);
    const emily = result.tokens.find((t) => t.type === 'word' && t.line === lineOf(9));
    expect(emily).toMatchObject({ text: 'Emily.', sentenceEnd: true });
    expect(result.corrections).toContainEqual(expect.objectContaining({ line: lineOf(9), to: '.', rule: 'handoff-stop' }));
    const units = splitSentences(result.tokens, result.segments);
    const marker = units.findIndex((u) => u.type === 'marker');
    const before = units[marker - 1];
    expect(before).toMatchObject({ type: 'sentence', segment: 0 });
    expect(before.type === 'sentence' ? before.words.map((w) => w.text) : []).toEqual(['Emily.']);
    // the input tokens are left as they were
    expect(stream.tokens.find((t) => t.type === 'word' && t.line === lineOf(9))).toMatchObject({ text: 'Emily', sentenceEnd: false });
  });

  it('a name said alone with no introduction before it is no handoff', () => {
    const { segments } = detect(...chair.slice(0, -1), 'Thanks to everyone who made this possible.', 'Emily.', '![](img/a_17.png)', ...next);
    expect(segments).toHaveLength(1);
  });
});

describe('people called up who never speak', () => {
  const presenter = ['Please welcome the director of the foundation. [applause]', 'Hello everyone. My name is Ewa Kowalska and I run the foundation. ' + BODY[0], ...BODY];

  it('the host telling of the person called up ("she", "her", never "I") is no talk of theirs', () => {
    const lines = [
      ...presenter,
      'Let us welcome Dora Petrova to the stage. [applause]',
      'The award this year goes to her for the conference in Sofia, which she started eight years ago with two friends.',
      'She also founded the local user group, she still runs it every month, and she mentors the new organizers of the region.',
      'Her students now teach at three universities, and the group she built has grown to a thousand members.',
      ...BODY,
    ];
    expect(summary(detect(...lines).segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', 'Ewa Kowalska', lineOf(2), lineOf(12)],
    ]);
    // the introduction and the applause right before it would be worth twice a handoff on their own; spoken of, it gains nothing
    const view = clauseView(normalizeLines(...lines).tokens);
    const { start } = scoreClauses(view, readEvidence(view));
    const opening = view.clauses.findIndex((c) => c.text.startsWith('The award'));
    expect(start[opening].value).toBeLessThan(HANDOFF_COST);
  });

  it('the thanks of the one who called them up, who spoke of them all along, is no return of the host', () => {
    const view = clauseView(
      normalizeLines(
        ...presenter,
        'Let us welcome Dora Petrova to the stage. Dora was given the service award in 2018 for her work on the conference in Sofia.',
        'Her work has helped the community grow. Thank you, Dora.',
      ).tokens,
    );
    const { end } = scoreClauses(view, readEvidence(view));
    const thanks = view.clauses.findIndex((c) => c.text === 'Thank you, Dora.');
    expect(end[thanks].value).toBeLessThan(HANDOFF_COST);
  });

  it("a talk does not open on the host's introduction of someone", () => {
    const view = clauseView(normalizeLines(...presenter, '[applause]', "Next I'd like to welcome Alex Gaynor to the stage.", BODY[1]).tokens);
    const { start } = scoreClauses(view, readEvidence(view));
    const intro = view.clauses.findIndex((c) => c.text.startsWith('Next'));
    expect(start[intro].value).toBeLessThan(HANDOFF_COST - 2);
  });

  // an awards block: a presenter named by themself calls people up, then hands back to the host
  const AWARDS_OPENING = [
    'Please welcome the director of the foundation. [applause]',
    'Hello everyone. My name is Ewa Kowalska and I run the foundation. ' + BODY[0],
    ...BODY,
    'Let us welcome Dora Petrova to the stage. Dora was given the service award in 2018 for her work on the conference in Sofia.',
  ];
  const AWARDS_CLOSING = [
    "Next I'd like to welcome Alex Gaynor to the stage. [applause]",
    'Alex received his award for his work on the package index. He also served as a director. Thank you, Alex. [applause]',
    'That wraps up the awards this year. ' + BODY[1],
    'Thank you, everyone. [applause]',
    'Thank you, Ewa. And thanks to all of you. Enjoy the rest of the conference.',
  ];

  it('an awards block read by one presenter stays the presenter’s, however many are called up and thanked', () => {
    const { segments } = detect(
      ...AWARDS_OPENING,
      'Her work has helped the community grow. Thank you, Dora. [applause]',
      ...AWARDS_CLOSING,
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', 'Ewa Kowalska', lineOf(2), lineOf(11)],
      ['host', null, lineOf(11), lineOf(12)],
    ]);
  });

  it('thanks after the applause for someone called up are theirs, and the caller goes on to the next one', () => {
    const { segments } = detect(
      ...AWARDS_OPENING,
      'The conference has grown to a thousand people since the first one.',
      'Her work has helped the community grow. Thank you, Dora. [applause]',
      'Thank you. One moment. Okay.',
      'Next we have Chuck Okafor. Chuck could not make it this year, but he received the award for his work on the grants group. [applause]',
      ...AWARDS_CLOSING,
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', 'Ewa Kowalska', lineOf(2), lineOf(14)],
      ['host', null, lineOf(14), lineOf(15)],
    ]);
  });
});
