import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BBC, NETFLIX } from '../src/cues/profile.js';
import { buildFromText } from '../src/pipeline.js';
import { propertyRuns } from './helpers/runs.js';

const WORDS = ['we', 'have', 'the', 'python', 'community', 'and', 'a', 'really', 'interesting', 'talk', 'about', 'data', 'science', 'today', 'i', 'think', 'so', 'thanks', 'everyone', 'libraries'];

const sentence = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 30 }), fc.constantFrom('。', '？', '，', ''))
  .map(([words, end]) => words.join(' ') + end);

/** A transcript as lines: speech, sound events and image markers numbered in order. */
const transcript = fc.array(fc.oneof({ weight: 6, arbitrary: sentence }, { weight: 1, arbitrary: fc.constant('[ Applause ]') }, { weight: 2, arbitrary: fc.constant('MARKER') }), { minLength: 1, maxLength: 40 }).map((items) => {
  let n = 0;
  const lines = items.map((item) => (item === 'MARKER' ? `![](img/deck_${++n}.png)` : ` ${item}`));
  if (!items.some((i) => i !== 'MARKER' && i !== '[ Applause ]')) lines.push(' and that is all。');
  return { text: `# Talk\n\n${lines.join('\n\n')}\n`, markers: n };
});

describe('pinned timing (property)', () => {
  it('for random transcripts and increasing marker times: cues never overlap nor go back, and every known marker is on its time', () => {
    fc.assert(
      fc.property(
        transcript,
        fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
        fc.array(fc.oneof(fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: 0, max: 40, noNaN: true })), { minLength: 41, maxLength: 41 }),
        fc.constantFrom(NETFLIX, BBC),
        ({ text, markers }, known, steps, profile) => {
          let clock = 0;
          const anchors = [];
          for (let n = 1; n <= markers; n++) {
            clock += steps[n];
            if (known[n - 1]) anchors.push({ key: String(n), time: Math.round(clock * 1000) / 1000, line: n + 1 });
          }
          const doc = buildFromText(text, 'prop', { anchors: { source: 'm.csv', anchors }, profile });
          doc.cues.forEach((cue, i) => {
            expect(cue.end).toBeGreaterThanOrEqual(cue.start);
            if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(doc.cues[i - 1].end);
          });
          const byNumber = new Map(doc.markers.map((m) => [m.image.replace(/^.*_(\d+)\.png$/, '$1'), m]));
          for (const a of anchors) {
            expect(byNumber.get(a.key)!.time).toBe(a.time);
            expect(byNumber.get(a.key)!.pinned).toBe(true);
          }
          const times = doc.markers.map((m) => m.time);
          expect(times).toEqual([...times].sort((x, y) => x - y));
          // no cue spans a pinned time
          for (const a of anchors) expect(doc.cues.some((c) => c.start < a.time - 0.0005 && c.end > a.time + 0.0005)).toBe(false);
        },
      ),
      { numRuns: propertyRuns(60, 600), seed: 20260525 },
    );
  });
});
