// Generated transcripts: whatever the text, the pipeline either refuses it with a DiagnosticError (code `input`) or
// writes captions that keep the profile and parse back cleanly, with `subtitle` and with the
// spec-following webvtt-parser alike. Ten thousand of them, from a fixed seed (about 10 s).

import { DiagnosticError } from '../src/diagnostic.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NETFLIX } from '../src/cues/profile.js';
import { buildFromText } from '../src/pipeline.js';
import { writeSrt, writeVtt } from '../src/write/index.js';
import { parseVttStrict, parseWithSubtitle } from './helpers/parsers.js';
import { propertyRuns } from './helpers/runs.js';

const word = fc.oneof(
  fc.constantFrom('the', 'Python', 'a', 'gill', 'problem', 'and', 'PyCon', 'of', 'U。S。', 'p。m。', '3。', '10', 'io', 'x'.repeat(45), '&', '<b>', '-->', '>>', '\\>\\>'),
  fc.stringMatching(/^[a-zA-Z]{1,12}$/),
);
const punct = fc.constantFrom('', '', '', '，', '。', '？', '！', '：', ',', '.', '"');
const speechLine = fc.array(fc.tuple(word, punct).map(([w, p]) => w + p), { minLength: 0, maxLength: 25 }).map((ws) => ' ' + ws.join(' '));
const line = fc.oneof(
  { weight: 6, arbitrary: speechLine },
  { weight: 1, arbitrary: fc.nat(99).map((n) => `![](img/abc_${n}.png)`) },
  { weight: 1, arbitrary: fc.constantFrom(' [ Applause ]', ' [applause]， Thanks。', ' (laughter)', '') },
);
const transcript = fc.tuple(fc.boolean(), fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n')).map(
  ([title, lines, eol]) => (title ? '# Generated talk\n\n' : '') + lines.join(eol + eol) + eol,
);

describe('generated transcripts', () => {
  it('never throw anything but a DiagnosticError (code `input`), and always write valid captions within the profile', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(transcript, (text) => {
        let doc;
        try {
          doc = buildFromText(text, 'generated.md');
        } catch (error) {
          expect(error).toBeInstanceOf(DiagnosticError);
          return;
        }
        const vtt = parseVttStrict(writeVtt(doc));
        expect(vtt.errors).toEqual([]);
        expect(vtt.cues).toHaveLength(doc.cues.length);
        expect(parseWithSubtitle(writeSrt(doc))).toHaveLength(doc.cues.length);
        expect(parseWithSubtitle(writeVtt(doc))).toHaveLength(doc.cues.length);
        doc.cues.forEach((cue, i) => {
          expect(cue.end - cue.start).toBeGreaterThanOrEqual(NETFLIX.minDuration - 0.0005);
          if (i > 0) expect(cue.start).toBeGreaterThanOrEqual(doc.cues[i - 1].end + NETFLIX.minGap - 0.0005);
          expect(cue.lines.length).toBeLessThanOrEqual(NETFLIX.maxLines);
          for (const l of cue.lines) if (!l.includes('x'.repeat(43))) expect(l.length).toBeLessThanOrEqual(NETFLIX.maxCharsPerLine);
        });
        for (let i = 1; i < doc.markers.length; i++) expect(doc.markers[i].time).toBeGreaterThanOrEqual(doc.markers[i - 1].time);
      }),
      { numRuns: propertyRuns(300, 10_000), seed: 20261125 },
    );
  });
});
