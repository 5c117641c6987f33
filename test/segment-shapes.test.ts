// The shapes a session takes beyond one host and a row of talks, each as a small crafted case: a
// block of short announcements, a panel, two speakers sharing a talk, a host introducing a keynote,
// an online summit, a file that starts in the middle of a talk. Plus the warnings a reviewer acts
// on, the confidence and evidence lines each segment carries, and a property: adding one introduced
// talk to a session adds one talk.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
import { detectSpeakers } from '../src/segment/index.js';
import { normalizeLines } from './helpers/pipeline.js';
import { BODY, detect, lineOf, summary } from './helpers/segment.js';


describe('session shapes', () => {
  it('a block of announcements: each announcer who names themself is a segment of their own, named', () => {
    const { segments } = detect(
      'Up next are the regional conference announcements. Take it away. [applause]',
      "Hi, I'm Olek. PyCon Poland is in Krakow in August and our call for proposals is open until May.",
      'We would love to see you there, so please come. Thank you. [applause]',
      "Hello, my name is Wanjiru. PyCon Kenya is in Nairobi this year and we are looking for speakers and sponsors.",
      'Tickets go on sale next month on our website. Thank you. [applause]',
      'Thank you to all the organizers. We will be back after the break.',
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', 'Olek', lineOf(2), lineOf(3)],
      ['speaker', 'Wanjiru', lineOf(4), lineOf(5)],
      ['host', null, lineOf(5), lineOf(6)],
    ]);
  });

  it('a panel: the moderator part and the panelists\' turns at `>>`, no name taken from a question', () => {
    const { segments } = detect(
      ">> Good morning. I'm Teodora and I will be moderating this panel. Let's start with you, what do you work on?",
      '>> Thanks. I maintain the packaging tools. ' + BODY[0],
      '>> And what would you change about the release process?',
      '>> I would make it boring. ' + BODY[1],
    );
    expect(segments.map((s) => s.speaker)).toEqual(['Teodora', null, null, null]);
    expect(segments.map((s) => s.startLine)).toEqual([lineOf(1), lineOf(2), lineOf(3), lineOf(4)]);
  });

  it('two speakers sharing a talk: the hand-over to a colleague is a handoff', () => {
    const { segments } = detect(
      'Please welcome Marek and Ana. [applause]',
      'Hello everyone. My name is Marek Novak. ' + BODY[0],
      ...BODY,
      "Now I'm going to hand over to my colleague Ana to tell you about the results.",
      "Thank you, Marek. So I'm Ana Silva and I ran the experiments. " + BODY[1],
      ...BODY,
      'Thank you. [applause]',
      'Thank you both. That was great.',
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', 'Marek Novak', lineOf(2), lineOf(6)],
      ['speaker', 'Ana Silva', lineOf(7), lineOf(11)],
      ['host', null, lineOf(11), lineOf(12)],
    ]);
  });

  it('a host introducing a keynote at length: the keynote starts after the applause, named as introduced once the host thanks her', () => {
    const { segments } = detect(
      'Good morning everyone and welcome to the second day.',
      'Our keynote speaker today has written three books and maintains a scientific library used by thousands of researchers.',
      'She has taught programming on four continents. So please help me welcome to the stage Dr. Ngozi Adeyemi. [applause]',
      'Thank you so much. It is a pleasure to be here. ' + BODY[0],
      ...BODY,
      ...BODY,
      'Thank you. [applause]',
      'Thank you so much, Ngozi. Lunch is served downstairs.',
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(3)],
      ['speaker', 'Ngozi Adeyemi', lineOf(4), lineOf(11)],
      ['host', null, lineOf(11), lineOf(12)],
    ]);
  });

  it('an online summit: no applause, the host invites the next speaker and thanks them by name', () => {
    const { segments } = detect(
      'Welcome back everyone to the afternoon session of the summit.',
      'Next we are going to invite Ravi Kumar to speak. Ravi, take it away.',
      'Thank you. Can everyone see my screen? ' + BODY[0],
      ...BODY,
      'That is all I have. Thank you.',
      'Thank you so much, Ravi. We have a few questions in the chat.',
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(2)],
      ['speaker', 'Ravi Kumar', lineOf(3), lineOf(7)],
      ['host', null, lineOf(8), lineOf(8)],
    ]);
  });

  it('a host who says they hand over and then still speaks of that person keeps the floor until the other answers', () => {
    const { segments } = detect(
      'Good afternoon everyone.',
      'I think we are going to wait maybe another minute or two. Welcome to the summit. It is the first one.',
      'There are some opening remarks to do and some housekeeping remarks as well.',
      'I will go ahead and let Jackie take over and do some of the housekeeping remarks and then.',
      "I have some more. And then we will get going. Jackie, are you ready? Yes, I'm sure. Awesome.",
      'Just to make you aware that this session is being recorded so that we could upload parts of it later.',
      'We also want you to be aware that the code of conduct is still in play here, even though we are virtual.',
      'So take note of that, and you can find the full code of conduct on the website. Thank you.',
      'Awesome. Thanks. I see more people coming in as well, which is great.',
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(5)],
      ['speaker', null, lineOf(5), lineOf(8)],
      ['host', null, lineOf(9), lineOf(9)],
    ]);
  });

  it('a file that starts in the middle of a talk: the first segment is that talk, named when the speaker says who they are', () => {
    const { segments } = detect(
      'So my name is Jonas Berg. ' + BODY[0],
      ...BODY,
      'That is my time. Thank you. [applause]',
      'Thank you, Jonas. Next up we have Lea.',
      "Hi, I'm Lea. " + BODY[1],
      ...BODY,
    );
    expect(summary(segments)).toEqual([
      ['speaker', 'Jonas Berg', lineOf(1), lineOf(5)],
      ['host', null, lineOf(5), lineOf(6)],
      ['speaker', 'Lea', lineOf(7), lineOf(10)],
    ]);
  });

  it('a file that opens on a sponsor naming themself by a name that is no English word, written in lower case: the opening is their talk', () => {
    const { segments } = detect(
      '>> Good morning, everybody.',
      '![](img/a_1.png)',
      'My name is dravik, production engineer at a sponsor of the conference.',
      ...BODY,
      "I'm looking forward to seeing everybody next year. Thank you. [applause]",
      'Thank you. Quick reminder, this is our contact information for the code of conduct.',
      BODY[1],
    );
    expect(summary(segments)).toEqual([
      ['speaker', 'Dravik', lineOf(1), lineOf(7)],
      ['host', null, lineOf(7), lineOf(9)],
    ]);
  });
});

describe('the `#` heading', () => {
  it('names the one talk of a recording titled with one person, and spells a name it matches', () => {
    const lines = ['Good afternoon. Our next talk is about engines. Please give a big hand. [applause]', 'Thank you. ' + BODY[0], ...BODY, 'Thank you. [applause]', 'Thanks everyone, lunch is next.'];
    const text = (title: string) => `# ${title}\n\n` + lines.map((l) => ` ${l}`).join('\n\n') + '\n';
    const titled = buildFromText(text('P3：Ada Lovelace - Analytical Engines - PyCon'), 't.md').segments;
    expect(titled.map((s) => [s.role, s.speaker])).toEqual([['host', null], ['speaker', 'Ada Lovelace'], ['host', null]]);
    expect(titled[1].evidence!.name).toEqual([1]);
    expect(buildFromText(text('Sunday Lightning Talks'), 't.md').segments.map((s) => s.speaker)).toEqual([null, null, null]);
  });
});

describe('warnings a reviewer can act on', () => {
  it('a second self-introduction inside one talk', () => {
    const { warnings } = detect('Next up we have Ida. [applause]', "Hi, I'm Ida. " + BODY[0], ...BODY, 'My name is Bertrand Okonkwo and I also work on this.', ...BODY);
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'speaker-second-intro', line: lineOf(6) }));
  });

  it('an unnamed speaker, and a name read two ways', () => {
    const unnamed = detect('Next up we have someone special. [applause]', 'Hello everyone. ' + BODY[0], ...BODY, 'Thank you. [applause]', 'Thanks very much.');
    expect(unnamed.warnings).toEqual([expect.objectContaining({ code: 'speaker-unnamed', line: lineOf(2) })]);
    const twoWays = detect('Next up we have Gajandra. [applause]', "Hello. I'm Gajinder Deshpande. " + BODY[0], ...BODY, 'Thank you.', 'Great talk.');
    expect(twoWays.warnings).toEqual([expect.objectContaining({ code: 'speaker-name', line: lineOf(2), message: expect.stringContaining('"Gajandra"') })]);
  });

  it("a self-introduction heard as a lower-case English word keeps the host's capitalised spelling", () => {
    const heard = detect('Thank you so much. We invite Piper to take the floor. [applause]', "I'm paper, I made you co host. " + BODY[0], ...BODY, 'Thank you. [applause]', 'Thanks everyone.');
    expect(heard.segments.find((s) => s.role === 'speaker')?.speaker).toBe('Piper');
    expect(heard.warnings).toContainEqual(expect.objectContaining({ code: 'speaker-name', message: expect.stringContaining('one person: Piper') }));
  });

  it('a lightning talk over fifteen minutes', () => {
    const long = Array.from({ length: 50 }, () => BODY).flat();
    const { warnings } = detectSpeakers(normalizeLines('Next up we have Pia. [applause]', "Hi, I'm Pia. " + BODY[0], ...long, 'Thank you. [applause]', 'Thank you, Pia.').tokens, { title: 'Lightning Talks' });
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'speaker-long-talk', line: lineOf(2) }));
    const { warnings: notLightning } = detectSpeakers(normalizeLines('Next up we have Pia. [applause]', "Hi, I'm Pia. " + BODY[0], ...long, 'Thank you. [applause]', 'Thank you, Pia.').tokens, { title: 'Keynote' });
    expect(notLightning.map((w) => w.code)).not.toContain('speaker-long-talk');
  });
});

describe('confidence and evidence', () => {
  it('each segment carries the confidence of its start and the source lines of the evidence for its start and its name', () => {
    const { segments } = detect('Next up we have Pia. [applause]', "Hi, I'm Pia. " + BODY[0], ...BODY, 'Thank you. [applause]', 'Thank you, Pia.');
    expect(segments[0]).toMatchObject({ confidence: 1, evidence: { start: [], name: [] } });
    expect(segments[1].evidence).toEqual({ start: [lineOf(1), lineOf(2)], name: [lineOf(1), lineOf(2)] });
    expect(segments[1].confidence).toBeGreaterThan(0.9);
    expect(segments[2].evidence!.start).toContain(lineOf(6));
    expect(segments[2].confidence).toBeGreaterThan(0.5);
  });
});

describe('a property of the handoffs', () => {
  const NAMES = ['Alma', 'Bodhi', 'Cosima', 'Dariusz', 'Eun', 'Farrukh', 'Gwen', 'Hamid'];
  const INTROS = [(n: string) => `Next up we have ${n}.`, (n: string) => `Please welcome ${n}.`, (n: string) => `Let's give it up for ${n}!`, (n: string) => `Our next speaker is ${n}.`];
  const SELF = [(n: string) => `My name is ${n}.`, (n: string) => `Hi, I'm ${n}.`, () => 'Hello everyone.'];
  const plan = fc.record({ intro: fc.nat(INTROS.length - 1), self: fc.nat(SELF.length - 1), body: fc.uniqueArray(fc.nat(BODY.length - 1), { minLength: 2, maxLength: Math.min(5, BODY.length) }), applause: fc.boolean() });

  function session(plans: Array<{ intro: number; self: number; body: number[]; applause: boolean }>): string[] {
    const lines = ['Good morning and welcome back, everyone.'];
    plans.forEach((p, i) => {
      lines.push(INTROS[p.intro](NAMES[i]) + (p.applause ? ' [applause]' : ''));
      lines.push(`${SELF[p.self](NAMES[i])} ${BODY[p.body[0]]}`, ...p.body.slice(1).map((b) => BODY[b]));
      lines.push('Thank you. [applause]', `Thank you so much, ${NAMES[i]}.`);
    });
    return lines;
  }
  const talksIn = (lines: string[]) => detect(...lines).segments.filter((s) => s.role === 'speaker').length;

  // (a session left with no talk at all is one segment, as a lecture is: hence at least two talks; a
  // talk's sentences differ, since one said three times in a row is a recognition loop, kept once)
  it('adding or removing one introduced talk changes the number of talks by one', () => {
    fc.assert(
      fc.property(fc.array(plan, { minLength: 2, maxLength: 6 }), fc.nat(), (plans, at) => {
        const k = at % plans.length;
        const fewer = plans.filter((_, i) => i !== k);
        expect(talksIn(session(plans)) - talksIn(session(fewer))).toBe(1);
      }),
      { numRuns: Number(process.env.GEN_RUNS ?? 60), seed: process.env.GEN_SEED ? Number(process.env.GEN_SEED) : 20261205 },
    );
  });
});
