// Generated sessions: a host and several talks, each introduced, closed and thanked with phrasings
// drawn at random, sometimes on one line, sometimes with applause or `>>` turns. The segment stage
// must recover every talk with its speaker's name and its first and last line.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectSpeakers } from '../src/segment/index.js';
import { normalizeLines } from './helpers/pipeline.js';
import { propertyRuns } from './helpers/runs.js';

const NAMES = ['Alice', 'Bruno', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Greta', 'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena'];
const INTROS = [
  (n: string) => `First up we have ${n}.`,
  (n: string) => `Next up we have ${n}.`,
  (n: string) => `Up next we have ${n}, who is going to talk to us about build systems.`,
  (n: string) => `Let's welcome ${n}.`,
  (n: string) => `Let's give it up for ${n}!`,
  (n: string) => `Please give a hand to ${n}.`,
  (n: string) => `Please welcome ${n}.`,
  (n: string) => `Without further ado, ${n}.`,
];
const SELF = [(n: string) => `My name is ${n}.`, (n: string) => `Hi, I'm ${n}.`, () => 'Hello everyone.'];
const BODY = [
  'Today I want to show you how we test the parsers in our team.',
  'We start with small inputs and we grow them slowly until something breaks.',
  'Every bug we found became a new case in the suite.',
  'The suite now runs in a minute on a laptop, which keeps people running it.',
  'Most of the work is reading the failures carefully and writing them down.',
];
/** '' : the speaker just stops. */
const CLOSES = ['Thank you.', "That's all. Thank you.", 'Thank you very much.', 'Thank you for listening.', ''];
const CHATTER = ['', 'A quick announcement: lunch is served at noon in the main hall.', 'I loved the part about the suite. We have a few minutes, so grab a coffee while we set up.'];
const RETURNS = [(n: string) => `Thank you so much, ${n}.`, () => 'Thanks very much.', () => 'Great talk.', () => 'Thank you so much for your talk.'];

interface TalkPlan {
  intro: number;
  self: number;
  body: number[];
  close: number;
  hostReturn: number;
  applause: boolean;
  sameLine: boolean;
  closingApplause: boolean;
  returnOnCloseLine: boolean;
  chatter: number;
}

const talkPlan = fc.record({
  intro: fc.nat(INTROS.length - 1),
  self: fc.nat(SELF.length - 1),
  // One sentence three times in a row is a recognition loop, collapsed by the normalizer: not a talk.
  body: fc
    .array(fc.nat(BODY.length - 1), { minLength: 3, maxLength: 6 })
    .filter((b) => !b.some((x, i) => i >= 2 && x === b[i - 1] && x === b[i - 2])),
  close: fc.nat(CLOSES.length - 1),
  hostReturn: fc.nat(RETURNS.length - 1),
  applause: fc.boolean(),
  sameLine: fc.boolean(),
  closingApplause: fc.boolean(),
  returnOnCloseLine: fc.boolean(),
  chatter: fc.nat(CHATTER.length - 1),
});

/** The transcript lines and, for each talk, its name and true first/last line (1-based speech lines). */
function session(plans: TalkPlan[], turns: boolean) {
  const lines: string[] = ['Good morning and welcome back, everyone.'];
  const truth: Array<{ name: string | null; first: number; last: number }> = [];
  const turn = turns ? '>> ' : '';
  plans.forEach((plan, i) => {
    const name = NAMES[i];
    const intro = INTROS[plan.intro](name) + (plan.applause ? ' [applause]' : '');
    const opening = turn + SELF[plan.self](name) + ' ' + BODY[plan.body[0]];
    if (plan.sameLine && !turns) {
      lines.push(`${intro} ${opening}`);
    } else {
      lines.push(intro, opening);
    }
    const first = lines.length;
    for (const b of plan.body.slice(1)) lines.push(BODY[b]);
    const spokenClose = CLOSES[plan.close];
    const close = (spokenClose + (plan.closingApplause ? ' [applause]' : '')).trim();
    const hostReturn = turn + RETURNS[plan.hostReturn](name);
    // the speaker's last words: their close, or (when they just stop) their last sentence; applause after them is the host's
    const last = spokenClose ? lines.length + 1 : lines.length;
    if (close === '') lines.push(hostReturn);
    else if (plan.returnOnCloseLine && plan.closingApplause) lines.push(`${close} ${hostReturn}`); // `>>` starts a turn only after the applause
    else lines.push(close, hostReturn);
    // a name only from evidence: the speaker's own introduction, or the host's introduction confirmed by thanks by name
    const confirmed = plan.self !== 2 || plan.hostReturn === 0;
    truth.push({ name: confirmed ? name : null, first, last });
    if (CHATTER[plan.chatter]) lines.push(CHATTER[plan.chatter]);
  });
  lines.push('That brings us to the break.');
  return { lines, truth };
}

describe('generated sessions', () => {
  it('recover every talk, its name and its first and last line', () => {
    fc.assert(
      fc.property(fc.array(talkPlan, { minLength: 1, maxLength: 5 }), fc.boolean(), (plans, turns) => {
        const { lines, truth } = session(plans, turns);
        const segments = detectSpeakers(normalizeLines(...lines).tokens).segments;
        const talks = segments.filter((s) => s.role === 'speaker');
        expect(talks.map((t) => [t.speaker, t.startLine, t.endLine])).toEqual(truth.map((t) => [t.name, 2 * t.first - 1, 2 * t.last - 1]));
        expect(segments.filter((s) => s.role === 'host').length).toBe(truth.length + 1);
      }),
      { numRuns: Number(process.env.GEN_RUNS) || propertyRuns(60, 150), seed: process.env.GEN_SEED ? Number(process.env.GEN_SEED) : 20260525 },
    );
  });
});
