// The segment stage on the shipped example, against segments written by reading the transcript
// (test/fixtures/example-segments.json).

import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { normalize } from '../src/normalize/index.js';
import { parseTranscript } from '../src/read/transcript.js';
import { detectSpeakers } from '../src/segment/index.js';
import type { Segment } from '../src/types.js';
import { EXAMPLE_TEXT } from './helpers/example.js';
import { exampleDocument } from './helpers/example-build.js';

interface Expected {
  role: 'host' | 'speaker';
  names: string[];
  firstLine: number;
  lastLine: number;
}
const expected: Expected[] = JSON.parse(readFileSync(new URL('./fixtures/example-segments.json', import.meta.url), 'utf8')).segments;
const stream = normalize(parseTranscript(EXAMPLE_TEXT));
const { segments, warnings } = detectSpeakers(stream.tokens);
const talks = segments.filter((s) => s.role === 'speaker');
const trueTalks = expected.filter((s) => s.role === 'speaker');

/** Lines that hold speech, in order: distances are counted in these, not in raw (blank, marker) lines. */
const utteranceLines = [...new Set(stream.tokens.filter((t) => t.type === 'word').map((t) => t.line))].sort((a, b) => a - b);
function utteranceDistance(a: number, b: number): number {
  const rank = (line: number) => utteranceLines.findIndex((l) => l >= line);
  return Math.abs(rank(a) - rank(b));
}

function boundaryDistances(found: Segment[]): number[] {
  return trueTalks.flatMap((truth, i) => [utteranceDistance(found[i].startLine, truth.firstLine), utteranceDistance(found[i].endLine, truth.lastLine)]);
}

describe('speaker segments of the example, without a roster', () => {
  it('finds ten talks with the right names, in order; Jay, whom only the host names, stays unnamed', () => {
    expect(talks).toHaveLength(10);
    talks.forEach((talk, i) => {
      if (talk.speaker !== null) expect(trueTalks[i].names.map((n) => n.toLowerCase()), `talk ${i + 1}`).toContain(talk.speaker.toLowerCase());
    });
    // names come out capitalized though the transcript writes "jeff" and "diamond"; "Jay" is only the
    // host's word (twice), confirmed neither by Jay nor by the host's thanks, so the talk has no name
    expect(talks.map((t) => t.speaker?.split(' ')[0] ?? null)).toEqual(['Jeff', 'Jessica', 'Roy', 'Gajinder', 'Diamond', 'Manabu', null, 'Jack', 'Henry', 'Chris']);
  });

  it('puts a host segment before each talk and between every two', () => {
    segments.forEach((segment, i) => {
      if (segment.role === 'speaker') expect(segments[i - 1]?.role).toBe('host');
    });
    expect(segments[0].role).toBe('host');
    expect(segments.every((s) => s.role === 'host' || s.role === 'speaker')).toBe(true);
  });

  it('places at least 19 of the 20 talk boundaries within two utterance lines of the true handoff', () => {
    const distances = boundaryDistances(talks);
    const within = distances.filter((d) => d <= 2).length;
    console.log(`example: ${within}/20 talk boundaries within 2 utterance lines, max distance ${Math.max(...distances)}`);
    expect(within).toBeGreaterThanOrEqual(19);
  });

  it('matches the expected segments line for line, host parts included', () => {
    expect(segments.map((s) => [s.role, s.startLine, s.endLine])).toEqual(expected.map((s) => [s.role, s.firstLine, s.lastLine]));
  });

  it('covers every token exactly once, in order', () => {
    expect(segments[0].firstToken).toBe(0);
    segments.forEach((s, i) => {
      expect(s.endToken).toBeGreaterThan(s.firstToken);
      if (i > 0) expect(s.firstToken).toBe(segments[i - 1].endToken);
    });
    expect(segments[segments.length - 1].endToken).toBe(stream.tokens.length);
  });

  it('splits the source line where the handoff falls inside it', () => {
    const jeff = talks[0];
    expect(stream.tokens[jeff.firstToken]).toMatchObject({ type: 'word', text: 'Hi', line: 19 });
    expect(stream.tokens[jeff.firstToken - 1]).toMatchObject({ type: 'event', line: 19 });
    const jay = talks[6];
    expect(stream.tokens[jay.firstToken]).toMatchObject({ text: 'All', line: 605 });
    expect(stream.tokens[jay.firstToken - 1]).toMatchObject({ text: 'Jay.', line: 605 });
  });

  it('reconciles the host\'s "Gajandra" with the speaker\'s "Gajinder Deshpande" and says so', () => {
    expect(talks[3].speaker).toBe('Gajinder Deshpande');
    expect(warnings).toEqual([expect.objectContaining({ line: 283, code: 'speaker-name' }), expect.objectContaining({ line: 605, code: 'speaker-unnamed', message: expect.stringContaining('"Jay"') })]);
  });

  it('takes titles from the host\'s introductions', () => {
    expect(talks.map((t) => t.title)).toEqual([
      'Teaching python for community, outreach',
      null,
      'Biometric attack',
      null,
      'Scaling PyTorch and fraud',
      null,
      "DevRel sharing your company's skills with the world",
      null,
      'Scikit HEP developer pages',
      null,
    ]);
  });

  it('needs no part-of-speech tagger on the example (its names are all confirmed by another signal)', async () => {
    // A fresh copy of the stages: another test file of this worker may have loaded the tagger already.
    vi.resetModules();
    const { normalize: freshNormalize } = await import('../src/normalize/index.js');
    const { parseTranscript: freshParse } = await import('../src/read/transcript.js');
    const { detectSpeakers: freshDetect } = await import('../src/segment/index.js');
    const { taggerLoaded } = await import('../src/segment/person.js');
    freshDetect(freshNormalize(freshParse(EXAMPLE_TEXT)).tokens);
    expect(taggerLoaded()).toBe(false);
  });

  it('keeps every cue inside one segment, with the segment\'s speaker', () => {
    const doc = exampleDocument();
    expect(doc.segments.filter((s) => s.role === 'speaker').map((s) => s.speaker)).toEqual(talks.map((t) => t.speaker));
    for (const cue of doc.cues) {
      const segment = segments[cue.segment];
      expect(cue.speaker).toBe(segment.speaker);
      expect(cue.sourceLines[0]).toBeGreaterThanOrEqual(segment.startLine);
      expect(cue.sourceLines[1]).toBeLessThanOrEqual(segment.endLine);
    }
    // the cue that opens Jeff's talk starts with his first word, not the host's applause
    const firstOfJeff = doc.cues.find((c) => c.segment === segments.indexOf(talks[0]))!;
    expect(firstOfJeff.lines[0]).toMatch(/^Hi everyone/);
  });
});
