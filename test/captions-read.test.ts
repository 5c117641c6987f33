import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectCaptionFormat, parseCaptions, type CaptionFile } from '../src/read/captions.js';
import { EXAMPLE_TEXT } from './helpers/example.js';
import { parseVttStrict, parseWithSubtitle } from './helpers/parsers.js';
import { thrownBy } from './helpers/errors.js';

const DRAFTS = fileURLToPath(new URL('./fixtures/drafts/', import.meta.url));
const fixtures = readdirSync(DRAFTS).filter((f) => /\.(srt|vtt)$/.test(f)).sort();
const read = (name: string) => readFileSync(DRAFTS + name, 'utf8');

const errorOf = (fn: () => unknown) => thrownBy('input', fn);

const codesAt = (file: CaptionFile) => file.warnings.map((w) => `${w.line}:${w.code}`);

describe('detectCaptionFormat', () => {
  it('tells WebVTT, SRT and a raw transcript apart by content', () => {
    for (const name of fixtures) expect(detectCaptionFormat(read(name)), name).toBe(name.endsWith('.vtt') ? 'vtt' : 'srt');
    expect(detectCaptionFormat(EXAMPLE_TEXT)).toBeNull();
    expect(detectCaptionFormat('')).toBeNull();
    expect(detectCaptionFormat('WEBVTTX\n\n00:01.000 --> 00:02.000\nx\n')).toBe('vtt');
    expect(detectCaptionFormat('# WEBVTT in a title\n\n Some speech。\n')).toBeNull();
    expect(detectCaptionFormat('00:00:01,000 --> 00:00:02,000\nno counter\n')).toBeNull();
    expect(detectCaptionFormat('1\n00:00:01 --> 00:00:02\nbroken first cue\n\n2\n00:00:03,000 --> 00:00:04,000\nok\n')).toBe('srt');
    expect(detectCaptionFormat('\n\nWEBVTT\n\n00:01.000 --> 00:02.000\nlate signature\n')).toBe('vtt');
  });
});

describe('parseCaptions on the crafted real-world drafts', () => {
  it(`has at least ten fixtures (${fixtures.length}) and none of them warns`, () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(10);
    for (const name of fixtures) expect(parseCaptions(read(name)).warnings, name).toEqual([]);
  });

  it('reads every VTT fixture exactly as the spec-following webvtt-parser does (ids, times, text)', () => {
    for (const name of fixtures.filter((f) => f.endsWith('.vtt'))) {
      const text = read(name);
      const mine = parseCaptions(text).cues.map((c) => ({ id: c.id ?? '', start: c.start, end: c.end, text: c.text }));
      const reference = parseVttStrict(text.replace(/^\uFEFF/, '')).cues.map((c) => ({ id: c.id, start: c.startTime, end: c.endTime, text: c.text }));
      expect(mine, name).toEqual(reference);
    }
  });

  it('reads every SRT fixture as the subtitle package does (times and text)', () => {
    for (const name of fixtures.filter((f) => f.endsWith('.srt'))) {
      const text = read(name);
      const mine = parseCaptions(text).cues.map((c) => ({ start: Math.round(c.start * 1000), end: Math.round(c.end * 1000), text: c.text }));
      expect(mine, name).toEqual(parseWithSubtitle(text).map((c) => ({ start: c.start, end: c.end, text: c.text })));
    }
  });

  it('keeps VTT identifiers such as slide-1, which subtitle 4.2.2 cannot read', () => {
    const file = parseCaptions(read('ids-slides.vtt'));
    expect(file.cues.map((c) => c.id)).toEqual(['slide-1', 'slide-2', 'intro-question', '42', 'd3b07384-d9a0-4c9b-8f2e-1b2c3d4e5f60']);
    expect(file.cues.map((c) => c.line)).toEqual([4, 8, 12, 16, 20]);
  });

  it('keeps header text, STYLE, REGION and NOTE blocks with their place, and cue settings', () => {
    const file = parseCaptions(read('note-style-region.vtt'));
    expect(file.blocks.map((b) => [b.kind, b.line, b.beforeCue])).toEqual([
      ['header', 1, 0],
      ['style', 3, 0],
      ['region', 9, 0],
      ['note', 17, 0],
      ['note', 24, 1],
      ['note', 34, 3],
    ]);
    expect(file.blocks[0].text).toBe('WEBVTT - Lightning talks, day two');
    expect(file.blocks[1].text.split('\n')).toHaveLength(5);
    expect(file.blocks[5].text).toBe('NOTE\nLast cue of the first section.');
    expect(file.cues.map((c) => c.settings)).toEqual(['region:fred align:left', 'line:0 position:20% size:60% align:start', 'vertical:rl line:-1']);
    const header = parseCaptions(read('header-metadata-crlf.vtt')).blocks[0];
    expect(header.text).toBe('WEBVTT - Lecture captions\nKind: captions\nLanguage: en');
  });

  it('reads short and very long VTT timestamps and SRT dot milliseconds to the millisecond', () => {
    expect(parseCaptions(read('short-timestamps-bom.vtt')).cues.map((c) => [c.start, c.end])).toEqual([
      [1, 2.5],
      [59, 61],
      [360000, 360002],
    ]);
    expect(parseCaptions(read('dot-milliseconds.srt')).cues[2]).toMatchObject({ start: 3723.004, end: 3725.678, id: '3', line: 10 });
  });

  it('reads SRT with BOM and CRLF, keeping tags in the text', () => {
    const crlf = parseCaptions(read('bom-crlf.srt'));
    expect(crlf.cues[1]).toMatchObject({ id: '2', line: 6, text: 'Thank you for coming this early\nto the first of the lightning talks.' });
    const tags = parseCaptions(read('tags.srt'));
    expect(tags.cues[2].text).toBe('<font color="#ffff00">The speaker</font> opens\na terminal and types <u>pip install</u>.');
  });
});

describe('parseCaptions on malformed drafts', () => {
  it('refuses a VTT without its signature, at line 1', () => {
    const e = errorOf(() => parseCaptions('00:00.000 --> 00:01.000\nHello.\n', 'vtt'));
    expect([e.line, e.message]).toEqual([1, expect.stringMatching(/missing WEBVTT signature/)]);
    expect(errorOf(() => parseCaptions('WEBVTT-ish\n\n00:00.000 --> 00:01.000\nHi\n', 'vtt')).message).toMatch(/followed by a space/);
    expect(errorOf(() => parseCaptions('\n\nWEBVTT\n\n00:00.000 --> 00:01.000\nHi\n')).message).toMatch(/must be the very first line, not line 3/);
    expect(errorOf(() => parseCaptions('Just some words.\n')).message).toMatch(/not a caption file/);
  });

  it('skips a VTT cue with a bad timestamp, as browsers do, warning with its line', () => {
    const text = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nOne.\n\n2\n00:00:02,500 --> 00:00:03.000\nTwo.\n\n3\n00:00:03.500 --> 00:00:04.000\nThree.\n';
    const file = parseCaptions(text);
    expect(file.cues.map((c) => c.id)).toEqual(['1', '3']);
    expect(parseVttStrict(text).cues.map((c) => c.id)).toEqual(['1', '3']);
    expect(file.warnings).toEqual([{ line: 8, severity: 'warning', code: 'bad-timing', message: expect.stringMatching(/"\." before the milliseconds.*skipped/) }]);
  });

  it('skips an SRT cue with a bad timestamp, warning with its line', () => {
    const file = parseCaptions('1\n00:00:01,000 --> 00:00:02,000\nOne.\n\n2\n00:00:02 --> 00:00:03,000\nTwo.\n\n3\n00:00:03,500 -> 00:00:04,000\nThree.\n\n4\n00:00:05,000 --> 00:00:06,000\nFour.\n');
    expect(file.cues.map((c) => c.id)).toEqual(['1', '4']);
    expect(codesAt(file)).toEqual(['6:bad-timing', '10:bad-timing']);
  });

  it('warns about a cue without text, in both formats', () => {
    expect(codesAt(parseCaptions('WEBVTT\n\n00:01.000 --> 00:02.000\n\n00:03.000 --> 00:04.000\nText.\n'))).toEqual(['3:empty-cue']);
    expect(codesAt(parseCaptions('1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:03,000 --> 00:00:04,000\nText.\n'))).toEqual(['2:empty-cue']);
  });

  it('warns about overlapping and out-of-order cues at the later cue', () => {
    const file = parseCaptions('WEBVTT\n\na\n00:01.000 --> 00:03.000\nA\n\nb\n00:02.000 --> 00:04.000\nB\n\nc\n00:01.500 --> 00:01.800\nC\n');
    expect(codesAt(file)).toEqual(['8:overlap', '12:out-of-order']);
    expect(file.warnings[0].message).toMatch(/line 4/);
    expect(codesAt(parseCaptions('1\n00:00:01,000 --> 00:00:03,000\nA\n\n2\n00:00:02,000 --> 00:00:04,000\nB\n'))).toEqual(['6:overlap']);
  });

  it('warns about cue text holding "-->", once, where the browser cuts the cue', () => {
    const text = 'WEBVTT\n\n1\n00:01.000 --> 00:02.000\nA --> B\n\n2\n00:03.000 --> 00:04.000\nBefore\nx --> y\nafter\n';
    const file = parseCaptions(text);
    // browsers end cue 1 before its only line (so it is empty) and cue 2 after "Before"
    expect(codesAt(file)).toEqual(['4:empty-cue', '5:arrow-in-text', '10:arrow-in-text']);
    expect(file.cues.map((c) => [c.id, c.text])).toEqual(parseVttStrict(text).cues.map((c) => [c.id || null, c.text]));
    const srt = parseCaptions('1\n00:00:01,000 --> 00:00:02,000\nif a --> b then\n');
    expect(codesAt(srt)).toEqual(['3:arrow-in-text']);
    expect(srt.cues[0].text).toBe('if a --> b then');
  });

  it('keeps SRT text after a stray blank line in its cue, and warns', () => {
    const file = parseCaptions('1\n00:00:01,000 --> 00:00:02,000\nFirst line\n\nsecond line\n\n2\n00:00:03,000 --> 00:00:04,000\nNext\n');
    expect(file.cues.map((c) => c.text)).toEqual(['First line\n\nsecond line', 'Next']);
    expect(file.cues.map((c) => c.textLines)).toEqual([[3, 4, 5], [9]]);
    expect(codesAt(file)).toEqual(['5:blank-line-in-cue']);
  });

  it('starts a new SRT cue where a counter and timing line follow text without a blank line', () => {
    const file = parseCaptions('1\n00:00:01,000 --> 00:00:02,000\nOne\n2\n00:00:03,000 --> 00:00:04,000\nTwo\n');
    expect(file.cues.map((c) => c.text)).toEqual(['One', 'Two']);
    expect(codesAt(file)).toEqual(['4:missing-blank-line']);
  });

  it('warns when a VTT cue follows another without a blank line, as its identifier becomes text', () => {
    const file = parseCaptions('WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nHello\n2\n00:00:03.000 --> 00:00:04.000\nWorld\n');
    // what Chromium shows too: cue 1 reads "Hello\n2", the next cue has no identifier
    expect(file.cues.map((c) => [c.id, c.text])).toEqual([
      ['1', 'Hello\n2'],
      [null, 'World'],
    ]);
    expect(file.warnings).toEqual([{ line: 7, severity: 'warning', code: 'missing-blank-line', message: expect.stringMatching(/browsers show "2" as text of the cue of line 4/) }]);
  });

  it('warns about VTT text blocks browsers ignore', () => {
    const file = parseCaptions('WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\nstray words\nwith no timing\n\nSTYLE\n::cue { color: red }\n');
    expect(codesAt(file)).toEqual(['6:stray-text', '9:late-block']);
  });
});
