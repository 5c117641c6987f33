import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeText } from '../src/read/decode.js';
import { parseLine, parseTranscript } from '../src/read/transcript.js';
import { thrownBy } from './helpers/errors.js';

const bytes = (s: string) => new TextEncoder().encode(s);

const errorOf = (fn: () => unknown) => thrownBy('input', fn);

describe('decodeText', () => {
  it('strips a UTF-8 byte order mark and turns CRLF into LF', () => {
    const text = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('# T\r\n Hello。\r\n')]));
    expect(text).toBe('# T\n Hello。\n');
  });

  it('refuses NUL bytes and invalid UTF-8 with the line', () => {
    const nul = errorOf(() => decodeText(bytes('a\nb\n\u0000c')));
    expect([nul.line, nul.message]).toEqual([3, expect.stringMatching(/NUL/)]);
    const bad = errorOf(() => decodeText(new Uint8Array([...bytes('ok\nok\n'), 0xc3, 0x28])));
    expect([bad.line, bad.message]).toEqual([3, expect.stringMatching(/^file is not valid UTF-8 and its encoding could not be told: give it with --encoding/)]);
  });

  it('reads UTF-32 LE by its mark, which starts like UTF-16 LE', () => {
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]))).toEqual({ text: 'A', encoding: 'utf-32le', detected: false });
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toEqual({ text: 'A', encoding: 'utf-16le', detected: false });
    expect(decodeBytes(new Uint8Array([0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x41]))).toEqual({ text: 'A', encoding: 'utf-32be', detected: false });
  });
});

describe('parseTranscript', () => {
  it('reads the title, speech, markers in a row and markers right after speech', () => {
    const t = parseTranscript('# My talk\n\n Hello there。\n![](img/a_1.png)\n![](img/a_2.png)\n\n Bye。\n');
    expect(t.title).toBe('My talk');
    expect(t.titleLine).toBe(1);
    const kinds = t.lines.flatMap((l) => l.pieces.map((p) => `${l.line}:${p.kind}`));
    expect(kinds).toEqual(['3:text', '4:marker', '5:marker', '7:text']);
  });

  it('finds sound events in all three spellings anywhere in a line', () => {
    const line = parseLine(' Thanks。 [ Applause ]， Hi (laughter) and [applause]', 9);
    expect(line.pieces.filter((p) => p.kind === 'event').map((p) => (p as { text: string }).text)).toEqual(['[applause]', '[laughter]', '[applause]']);
    // parentheses that hold speech are speech
    expect(parseLine(' (but do call me Dom)', 1).pieces.map((p) => p.kind)).toEqual(['text']);
  });

  it('undoes markdown escapes and keeps the source columns', () => {
    const line = parseLine(' a \\* b \\_c\\_', 4);
    const text = line.pieces[0] as { text: string; columns?: number[] };
    expect(text.text).toBe(' a * b _c_');
    expect(text.columns?.[text.text.indexOf('b')]).toBe(7);
  });

  it('reads >> (also escaped) at the start of an utterance as a speaker turn', () => {
    expect(parseLine(' >> Hi there', 1).pieces.map((p) => p.kind)).toEqual(['turn', 'text']);
    expect(parseLine(' \\>\\> Hi there', 1).pieces.map((p) => p.kind)).toEqual(['turn', 'text']);
    expect(parseLine(' a >> b', 1).pieces.map((p) => p.kind)).toEqual(['text']);
  });

  it('reads >> after a sentence or phrase end inside a line as a turn, not a shift in code', () => {
    expect(parseLine(' So yeah. >> So when we build it', 1).pieces.map((p) => p.kind)).toEqual(['text', 'turn', 'text']);
    expect(parseLine(' so yeah， >> Take it', 1).pieces.map((p) => p.kind)).toEqual(['text', 'turn', 'text']);
    expect(parseLine(' Done. \\>\\> Next', 1).pieces.map((p) => p.kind)).toEqual(['text', 'turn', 'text']);
    expect(parseLine(' x = y >> 2', 1).pieces.map((p) => p.kind)).toEqual(['text']);
    expect(parseLine(' ok. >>> print(1)', 1).pieces.map((p) => p.kind)).toEqual(['text']);
  });

  it('gives a clear error for an empty file and for a file with only markers', () => {
    expect(errorOf(() => parseTranscript('')).message).toMatch(/empty transcript/);
    expect(errorOf(() => parseTranscript('\n\n  \n')).message).toMatch(/empty transcript/);
    const markersOnly = errorOf(() => parseTranscript('# T\n\n![](img/a_1.png)\n\n![](img/a_2.png)\n'));
    expect([markersOnly.line, markersOnly.message]).toEqual([3, expect.stringMatching(/no speech found/)]);
  });
});
