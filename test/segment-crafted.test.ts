// The segment stage on small crafted sessions: every handoff phrasing, a handoff inside a line,
// two co-hosts with `>>` turns, a speaker who never says their name, a single lecturer.

import { describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
import { detectSpeakers } from '../src/segment/index.js';
import { taggerLoaded } from '../src/segment/person.js';
import type { Segment } from '../src/types.js';
import { normalizeLines } from './helpers/pipeline.js';

/** Talk content with no handoff signal in it (about 50 words over three lines). */
const BODY = [
  'Today I want to show you how we test the parsers in our team.',
  'We start with small inputs and we grow them slowly until something breaks.',
  'Every bug we found became a new case, and the suite now runs in a minute on a laptop.',
];

function segmentsOf(...lines: string[]): Segment[] {
  return detectSpeakers(normalizeLines(...lines).tokens).segments;
}

/** Source line of the n-th (1-based) speech line given to normalizeLines: each is followed by a blank line. */
const lineOf = (n: number) => 2 * n - 1;

function summary(segments: Segment[]) {
  return segments.map((s) => [s.role, s.speaker, s.startLine, s.endLine]);
}

describe('host introductions', () => {
  const phrasings: Array<[string, string]> = [
    ['First up we have Alice.', 'Alice'],
    ['Next up we have Bruno, who works on compilers.', 'Bruno'],
    ['Up next we have Chen.', 'Chen'],
    ["Let's welcome Dana to the stage.", 'Dana'],
    ["Let's give it up for Emeka!", 'Emeka'],
    ['Please give a hand to Fatima.', 'Fatima'],
    ['Please welcome Greta Lind.', 'Greta Lind'],
    ['And now, without further ado, Hiro.', 'Hiro'],
    ['Our next speaker is Ines Okafor.', 'Ines Okafor'],
  ];
  for (const [phrase, name] of phrasings) {
    it(`"${phrase}" hands over to ${name}, named once the host's thanks confirm it`, () => {
      const segments = segmentsOf('Good morning and welcome back, everyone.', phrase, ...BODY, 'That is what I have. Thank you.', `Thank you so much, ${name.split(' ')[0]}.`, 'We will be back after the break.');
      expect(summary(segments)).toEqual([
        ['host', null, lineOf(1), lineOf(2)],
        ['speaker', name, lineOf(3), lineOf(6)],
        ['host', null, lineOf(7), lineOf(8)],
      ]);
    });
  }

  it('leaves a talk unnamed, with a warning, when nothing confirms the name the host gave', () => {
    const { segments, warnings } = detectSpeakers(normalizeLines('Welcome back.', 'First up we have Sam.', ...BODY, 'Thank you.', 'Great talk.').tokens);
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(2)],
      ['speaker', null, lineOf(3), lineOf(6)],
      ['host', null, lineOf(7), lineOf(7)],
    ]);
    expect(warnings).toEqual([{ line: lineOf(3), severity: 'warning', code: 'speaker-unnamed', message: expect.stringContaining('"Sam"') }]);
  });

  it('takes a lower-case name the speaker confirms, and capitalizes it', () => {
    const segments = segmentsOf('Welcome back.', 'First up we have sam.', "Hi, I'm sam.", ...BODY, 'Thank you.', 'Great talk.');
    expect(segments.filter((s) => s.role === 'speaker').map((s) => s.speaker)).toEqual(['Sam']);
  });

  it('takes a self-introduction by an English word only when compromise reads it as a person or the host confirms it', () => {
    const alone = segmentsOf('Welcome back. [applause]', "Hello. I'm Grace.", ...BODY, 'Thank you.');
    expect(alone.filter((s) => s.role === 'speaker').map((s) => s.speaker)).toEqual(['Grace']);
    expect(taggerLoaded()).toBe(true);
    const word = segmentsOf('Welcome back. [applause]', 'My name is Parade.', ...BODY, 'Thank you.');
    expect(word.map((s) => s.speaker)).toEqual([null, null]);
  });

  it('takes no common word for a name: "next up we have lunch", "let\'s welcome them"', () => {
    const segments = segmentsOf("Let's welcome them up to the stage.", 'Next up we have lunch.', ...BODY);
    expect(segments).toHaveLength(1);
    expect(segments[0].speaker).toBeNull();
  });

  it('takes an introduction phrase inside a talk for no handoff', () => {
    const lecture = Array.from({ length: 7 }, () => BODY).flat();
    const segments = segmentsOf(...lecture, 'First up we have Bandit, a linter for Python code.', ...BODY);
    expect(segments).toHaveLength(1);
  });

  it('takes the title the host announces', () => {
    const segments = segmentsOf('Next up we have Ines giving us a talk on fuzzing parsers.', ...BODY, 'Thank you.', 'Thanks very much, Ines.');
    expect(segments[1]).toMatchObject({ role: 'speaker', speaker: 'Ines', title: 'Fuzzing parsers' });
  });
});

describe('self-introductions and names', () => {
  it('"my name is X" after applause opens a talk the host did not announce', () => {
    const segments = segmentsOf('That was our first session.', 'Let us get ready. [applause]', 'Good morning. My name is Olga Petrova.', ...BODY, 'Thank you.');
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(2)],
      ['speaker', 'Olga Petrova', lineOf(3), lineOf(7)],
    ]);
  });

  it('"hi, I\'m X" gives the surname the host left out; the two spellings are one person', () => {
    const segments = segmentsOf('Next up we have Katarzyna.', 'Hi, I\'m Katarzyna Nowak.', ...BODY, 'Thank you.', 'Thank you so much, Katarzyna.');
    expect(segments[1]).toMatchObject({ role: 'speaker', speaker: 'Katarzyna Nowak', startLine: lineOf(2) });
  });

  it('"I\'m X" matching the host\'s name, and a host spelling that differs ("Gajandra" / "Gajinder")', () => {
    const segments = segmentsOf('Up next we have Gajandra.', '[applause] Hello. I\'m Gajinder.', ...BODY, 'Thank you.', 'Great talk.');
    expect(segments[1]).toMatchObject({ speaker: 'Gajinder', startLine: lineOf(2) });
  });

  it('"I\'m" before a word that is no name is no introduction', () => {
    const segments = segmentsOf("I'm sorry. I'm hoarse today. I'm going to be quick.", ...BODY);
    expect(segments).toHaveLength(1);
    expect(segments[0].speaker).toBeNull();
  });

  it('a speaker who never says their name is named by the host when the host thanks them by it; none is invented', () => {
    const segments = segmentsOf('Next up we have Priya. [applause]', ...BODY, 'Thank you.', 'Thanks very much, Priya.', 'Up next we have someone special.', ...BODY);
    const talks = segments.filter((s) => s.role === 'speaker');
    expect(talks.map((t) => t.speaker)).toEqual(['Priya']);
  });
});

describe('speaker closes and host returns', () => {
  const returns = ['Thank you so much, Quinn.', 'Thanks very much.', 'Great talk.', 'Thank you so much for speaking.'];
  for (const hostReturn of returns) {
    it(`the talk ends at the speaker's close before "${hostReturn}"`, () => {
      const segments = segmentsOf('Next up we have Quinn.', ...BODY, 'And that is all. Thank you.', hostReturn, 'Next up we have Rafael.', 'My name is Rafael.', ...BODY);
      // the host's thanks by name confirm "Quinn"; without them the talk stays unnamed
      expect(summary(segments)).toEqual([
        ['host', null, lineOf(1), lineOf(1)],
        ['speaker', hostReturn.includes('Quinn') ? 'Quinn' : null, lineOf(2), lineOf(5)],
        ['host', null, lineOf(6), lineOf(7)],
        ['speaker', 'Rafael', lineOf(8), lineOf(11)],
      ]);
    });
  }

  it('a speaker\'s own thanks, laughter or slide change near the end is no host return', () => {
    const segments = segmentsOf(
      'Next up we have Quinn.',
      ...BODY,
      'Thanks very much to my team for the help. [laughter] Thank you, that was a good one.',
      '![](img/q_2.png)',
      'Thank you for listening. Thank you so much, everyone.',
      'Thank you so much, Quinn.',
      'Next up we have Rafael.',
      'My name is Rafael.',
      ...BODY,
    );
    expect(summary(segments).slice(1, 3)).toEqual([
      ['speaker', 'Quinn', lineOf(2), lineOf(7)],
      ['host', null, lineOf(8), lineOf(9)],
    ]);
  });

  it('applause after the speaker\'s close ends the talk even when the host goes straight to "up next"', () => {
    const segments = segmentsOf('Next up we have Quinn.', ...BODY, "That's all. [applause]", 'Okay. Up next we have Rafael.', 'My name is Rafael.', ...BODY);
    expect(summary(segments).slice(1, 3)).toEqual([
      ['speaker', null, lineOf(2), lineOf(5)],
      ['host', null, lineOf(5), lineOf(6)],
    ]);
  });
});

describe('handoffs inside a source line', () => {
  const LINES = ['Welcome back, everyone.', "Next up we have Dana. Let's give it up for Dana. [applause] Hi everyone, my name is Dana.", ...BODY, 'So that is my story. Thank you. [applause] Thanks very much, Dana. Up next we have Eli.', 'Hello, I am Eli.', ...BODY];

  it('splits the line at the handoff, at both ends of the talk', () => {
    const stream = normalizeLines(...LINES);
    const segments = detectSpeakers(stream.tokens).segments;
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(2)],
      ['speaker', 'Dana', lineOf(2), lineOf(6)],
      ['host', null, lineOf(6), lineOf(6)],
      ['speaker', 'Eli', lineOf(7), lineOf(10)],
    ]);
    const dana = segments[1];
    expect(stream.tokens[dana.firstToken]).toMatchObject({ type: 'word', text: 'Hi' });
    expect(stream.tokens[dana.endToken - 1]).toMatchObject({ type: 'word', text: 'you.' });
  });

  it('never lets a cue span the handoff', () => {
    const text = '# Session\n\n' + LINES.map((l) => ` ${l}`).join('\n\n') + '\n';
    const doc = buildFromText(text, 'session.md');
    const line6 = lineOf(6) + 2; // the title and a blank line come first here
    const byLine6 = doc.cues.filter((c) => c.sourceLines[0] <= line6 && c.sourceLines[1] >= line6);
    expect(new Set(byLine6.map((c) => c.segment)).size).toBe(2);
    for (const cue of doc.cues) expect(cue.speaker).toBe(doc.segments[cue.segment].speaker);
    expect(doc.cues.find((c) => c.lines[0].startsWith('Hi everyone'))?.speaker).toBe('Dana');
    expect(doc.cues.find((c) => c.lines.join(' ').includes('Thanks very much'))?.speaker).toBeNull();
  });
});

describe('`>>` turns', () => {
  it('place the handoffs when nobody says "my name is"', () => {
    const segments = segmentsOf(
      '>> Good morning. First up we have Alice.',
      '>> Thanks. ' + BODY[0],
      BODY[1] + ' That is all from me.',
      '>> Thank you Alice. Next up we have Bob.',
      '>> Hi. ' + BODY[2],
      BODY[0] + ' Thanks.',
      ">> Thank you, Bob. That's our morning.",
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', 'Alice', lineOf(2), lineOf(3)],
      ['host', null, lineOf(4), lineOf(4)],
      ['speaker', 'Bob', lineOf(5), lineOf(6)],
      ['host', null, lineOf(7), lineOf(7)],
    ]);
  });

  it('split a panel with no introductions at every turn, named only where a panelist names themself', () => {
    const segments = segmentsOf(">> Welcome to our panel. I'm Maria and I will be moderating.", '>> Thanks for having me. ' + BODY[0], '>> And I work on the installer side. ' + BODY[1]);
    expect(summary(segments)).toEqual([
      ['speaker', 'Maria', lineOf(1), lineOf(1)],
      ['speaker', null, lineOf(2), lineOf(2)],
      ['speaker', null, lineOf(3), lineOf(3)],
    ]);
  });
});

describe('slide markers at a line\'s end', () => {
  it('mark the handoff when the host returns right after one', () => {
    const segments = segmentsOf('Next up we have Quinn.', ...BODY, 'And that was the last slide. ![](img/s_1.png) Great talk. Up next we have Rafael.', 'My name is Rafael.', ...BODY);
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(1)],
      ['speaker', null, lineOf(2), lineOf(5)],
      ['host', null, lineOf(5), lineOf(5)],
      ['speaker', 'Rafael', lineOf(6), lineOf(9)],
    ]);
  });
});

describe('two co-hosts', () => {
  it('splits the host parts at `>>` turns and names each host who names themself', () => {
    const segments = segmentsOf(
      ">> Good morning, I'm Ann.",
      ">> And I'm Bob, your other host. First up we have Carol.",
      '>> Hi, my name is Carol.',
      ...BODY,
      'Thank you.',
      '>> Thanks so much, Carol. That was lovely.',
      '>> It was. Up next we have Dan.',
      '>> Hello, I am Dan.',
      ...BODY,
    );
    expect(summary(segments)).toEqual([
      ['host', 'Ann', lineOf(1), lineOf(1)],
      ['host', 'Bob', lineOf(2), lineOf(2)],
      ['speaker', 'Carol', lineOf(3), lineOf(7)],
      ['host', null, lineOf(8), lineOf(8)],
      ['host', null, lineOf(9), lineOf(9)],
      ['speaker', 'Dan', lineOf(10), lineOf(13)],
    ]);
  });

  it('keeps a short turn inside a line (a sound check, a word from a helper) in the host part around it', () => {
    const segments = segmentsOf(
      '>> One, two. One, two. Check. >> Welcome, everyone. Come close to the front, the speakers will appreciate it.',
      'We have a great set of talks for you this morning, so let us get going. First up we have Carol.',
      '>> Hi, my name is Carol. ' + BODY[0],
      BODY[1],
      BODY[2] + ' Thank you. [applause]',
      '>> Thanks so much, Carol. I enjoyed that. [applause] >> Please give Dan a hand for his talk. [applause]',
      '>> Hello, I am Dan. ' + BODY[0],
      BODY[1],
    );
    expect(summary(segments)).toEqual([
      ['host', null, lineOf(1), lineOf(2)],
      ['speaker', 'Carol', lineOf(3), lineOf(5)],
      ['host', null, lineOf(5), lineOf(6)],
      ['speaker', 'Dan', lineOf(7), lineOf(8)],
    ]);
  });
});

describe('a single lecturer', () => {
  it('is one segment with no name when none is given, despite thanks and "I\'m" along the way', () => {
    const segments = segmentsOf(...BODY, "I'm happy you came. Thank you for the question.", ...BODY, 'Thank you very much.');
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ role: 'speaker', speaker: null, title: null, firstToken: 0 });
  });

  it('is named when the lecturer names themself', () => {
    const segments = segmentsOf('Hello everyone, my name is Rosa Diaz.', ...BODY, ...BODY, 'Thank you.');
    expect(summary(segments)).toEqual([['speaker', 'Rosa Diaz', lineOf(1), lineOf(8)]]);
  });

  it('stays one segment without speaker detection (--no-speakers)', () => {
    const stream = normalizeLines('Next up we have Alice.', ...BODY, 'Thank you.', 'Great talk.');
    const segments = detectSpeakers(stream.tokens, { detect: false }).segments;
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ role: null, speaker: null, firstToken: 0, endToken: stream.tokens.length });
  });
});

describe("speakers' names heard in lower case", () => {
  const textOf = (tokens: ReturnType<typeof detectSpeakers>['tokens']) =>
    tokens
      .filter((t) => t.type === 'word')
      .map((t) => (t.type === 'word' ? t.text : ''))
      .join(' ');

  it('capitalizes the name where the host and the speaker say it, and a non-English name everywhere', () => {
    const { tokens } = normalizeLines('Good morning. First up we have priya.', '[applause]', "Hi everyone. I'm priya.", ...BODY, 'My friend priya wrote half of it.');
    const result = detectSpeakers(tokens);
    expect(result.segments.map((s) => s.speaker)).toContain('Priya');
    expect(textOf(result.tokens)).toContain('First up we have Priya.');
    expect(textOf(result.tokens)).toContain("I'm Priya.");
    expect(textOf(result.tokens)).toContain('My friend Priya wrote');
    expect(result.corrections.map((c) => [c.line, c.from, c.to, c.rule])).toEqual([
      [lineOf(1), 'priya', 'Priya', 'Priya, speaker'],
      [lineOf(3), 'priya', 'Priya', 'Priya, speaker'],
      [lineOf(7), 'priya', 'Priya', 'Priya, speaker'],
    ]);
    expect(result.corrections[0].column).toBe('Good morning. First up we have '.length + 2);
  });

  it('capitalizes an English-word name only where it was read as the name', () => {
    const { tokens } = normalizeLines('Good morning. Next up we have diamond.', '[applause]', "Hey everyone. I'm diamond.", ...BODY, 'We ship the diamond dependency graph.');
    const result = detectSpeakers(tokens);
    const text = textOf(result.tokens);
    expect(text).toContain('Next up we have Diamond.');
    expect(text).toContain("I'm Diamond.");
    expect(text).toContain('the diamond dependency graph');
    expect(result.corrections).toHaveLength(2);
  });

  it('leaves handles alone and capitalizes the heard word where the speaker gives a longer name', () => {
    const { tokens } = normalizeLines('Good morning. First up we have priya.', '[applause]', "Hi everyone. I'm Priya Raman.", ...BODY, 'Follow @priya and #priya, or mail priya2 and priya_dev, says priya.');
    const text = textOf(detectSpeakers(tokens).tokens);
    expect(text).toContain('Follow @priya and #priya, or mail priya2 and priya_dev, says Priya.');
    const { tokens: other } = normalizeLines('Good morning. Next up we have jeff.', '[applause]', 'Hello. My name is Jeffrey Smith.', ...BODY);
    const result = detectSpeakers(other);
    expect(result.segments.map((s) => s.speaker)).toContain('Jeffrey Smith');
    expect(textOf(result.tokens)).toContain('Next up we have Jeff.');
  });

  it('changes nothing when the name is already capitalized or nobody is introduced', () => {
    const named = detectSpeakers(normalizeLines('Good morning. First up we have Jeff.', '[applause]', "I'm Jeff.", ...BODY).tokens);
    expect(named.corrections).toEqual([]);
    const lecture = normalizeLines(...BODY, 'my friend jeff wrote it.');
    const single = detectSpeakers(lecture.tokens);
    expect(single.corrections).toEqual([]);
    expect(single.tokens).toBe(lecture.tokens);
  });

  it('passes the capitals on to the captions and reports them with the corrections', () => {
    const doc = buildFromText(['# s', '', ' Good morning. First up we have jeff.', '', ' [applause]', '', " Hi everyone. I'm jeff.", '', ...BODY.map((l) => ` ${l}`)].join('\n'), 's.md');
    const cueText = doc.cues.map((c) => c.lines.join(' ')).join(' ');
    expect(cueText).toContain('we have Jeff.');
    expect(cueText).not.toMatch(/\bjeff\b/);
    expect(doc.corrections.filter((c) => c.rule === 'Jeff, speaker').map((c) => c.line)).toEqual([3, 7]);
  });
});
