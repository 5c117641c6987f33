// File bytes to text. UTF-8 (the common case) is decoded by Node alone; a byte order mark says how to
// read UTF-16 and UTF-32; anything else is read in the encoding the user names (`--encoding`) or, failing
// that, in the one a detector is confident of. The decoder (iconv-lite) and the detector (chardet) are
// loaded only for a file that is not UTF-8, so reading UTF-8 costs nothing more than before.

import { inputError } from '../diagnostic.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const loadIconv = () => require('iconv-lite') as typeof import('iconv-lite');
const loadDetector = () => require('chardet') as typeof import('chardet');

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  /** Lower-case encoding name as iconv-lite knows it: `utf-8`, `utf-16le`, `windows-1252`, `gb18030`, … */
  encoding: string;
  /** True when the encoding was guessed by the detector (neither a byte order mark, UTF-8 nor the user said so). */
  detected: boolean;
}

/** Byte order marks, longest first: UTF-32 LE's (FF FE 00 00) starts with UTF-16 LE's (FF FE). */
const BYTE_ORDER_MARKS: Array<[string, number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
  ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

// What the detector says is taken only when it is this sure (its scale is 0 to 100), and no other
// encoding that reads the bytes differently comes within the margin. Single-byte encodings of Western
// text score 40 to 55 on a few lines and the next best 15 to 20 (docs/encodings.md).
const MIN_CONFIDENCE = 40;
/** Below this the detector's first choice is not even named as likely (noise scores under 5). */
const MIN_LIKELY = 20;
const MIN_MARGIN = 15;
/** Detector names of the multi-byte encodings; every other one it knows is one byte a character. */
const MULTI_BYTE = new Set(['big5', 'euc-jp', 'euc-kr', 'gb18030', 'shift_jis']);
/** The detector reads this much of a file at most: it costs ~1 s a megabyte, and learns nothing more. */
const DETECTOR_SAMPLE_BYTES = 64 * 1024;

export function byteOrderMark(bytes: Uint8Array): string | undefined {
  return BYTE_ORDER_MARKS.find(([, mark]) => mark.every((byte, i) => bytes[i] === byte))?.[0];
}

/** 1-based line of a byte offset, for pointing at a bad byte. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function lineOfChar(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Length of the UTF-8 sequence starting at `i`, or 0 when the bytes there are not one. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
  if (need < 0) return 0;
  for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return 0;
  return need + 1;
}

/** The first offset at which the bytes stop being valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceAt(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/**
 * The first line (1-based) that reads as UTF-8 text beyond chance, in a file that is not UTF-8 as a
 * whole: a sign that two encodings were pasted together. In single-byte text any non-ASCII line that
 * is valid UTF-8 counts, as legacy Western text never pairs bytes that way; in multi-byte text a short
 * line can by chance, so two sequences, one of three bytes or more (as CJK takes in UTF-8), are needed.
 */
function lineReadingAsUtf8(bytes: Uint8Array, multiByte: boolean): number {
  let line = 1;
  for (let start = 0; start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end < 0) end = bytes.length;
    let sequences = 0;
    let longSequence = false;
    let valid = true;
    for (let i = start; i < end; ) {
      const length = utf8SequenceAt(bytes, i);
      if (length === 0) {
        valid = false;
        break;
      }
      if (length > 1) sequences++;
      if (length > 2) longSequence = true;
      i += length;
    }
    if (valid && sequences > 0 && (!multiByte || (sequences >= 2 && longSequence))) return line;
    start = end + 1;
  }
  return 0;
}

/**
 * What the detector reads: the lines that hold non-ASCII bytes (the only evidence there is), up to
 * DETECTOR_SAMPLE_BYTES of them. Whether the whole file reads cleanly is checked after, on all of it.
 */
function detectorSample(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= DETECTOR_SAMPLE_BYTES) return bytes;
  const lines: Uint8Array[] = [];
  let size = 0;
  for (let start = 0; start < bytes.length && size < DETECTOR_SAMPLE_BYTES; ) {
    let end = bytes.indexOf(0x0a, start);
    end = end < 0 ? bytes.length : end + 1;
    const line = bytes.subarray(start, end);
    if (line.some((b) => b >= 0x80)) {
      lines.push(line.subarray(0, DETECTOR_SAMPLE_BYTES - size));
      size += lines[lines.length - 1].length;
    }
    start = end;
  }
  return Buffer.concat(lines);
}

/** A NUL in every other byte (or three of four) is UTF-16 (UTF-32) text without its byte order mark. */
function unmarkedUnicode(bytes: Uint8Array): string | null {
  const nulsAt = [0, 0, 0, 0];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) nulsAt[i % 4]++;
  const quarter = bytes.length / 4;
  // mostly ASCII text has a NUL beside nearly every character; a few non-Latin characters do not
  const high = (n: number) => n >= quarter * 0.5;
  const low = (n: number) => n <= quarter * 0.05;
  const [a, b, c, d] = nulsAt;
  if (low(a) && high(b) && high(c) && high(d)) return 'utf-32le';
  if (high(a) && high(b) && high(c) && low(d)) return 'utf-32be';
  if (low(a) && high(b) && low(c) && high(d)) return 'utf-16le';
  if (high(a) && low(b) && high(c) && low(d)) return 'utf-16be';
  return null;
}

/** Characters no text file holds: a sign the bytes were read in the wrong encoding. */
const IMPLAUSIBLE = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/;

function iconvDecode(bytes: Uint8Array, encoding: string): string {
  return loadIconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

/** Whether iconv-lite can read an encoding of this name (for checking `--encoding` before any file). */
export function isKnownEncoding(name: string): boolean {
  return loadIconv().encodingExists(name);
}

/** Reads bytes in an encoding the user or a byte order mark named; a byte it does not define is an error. */
function decodeAs(bytes: Uint8Array, encoding: string): string {
  const text = iconvDecode(bytes, encoding);
  const nul = text.indexOf('\0');
  if (nul >= 0) throw inputError(lineOfChar(text, nul), 'file contains NUL bytes: binary data, not a text transcript');
  // U+FFFD is what iconv-lite puts for bytes the encoding does not define (Unicode files may hold it)
  const bad = /^utf-(16|32)/.test(encoding) ? -1 : text.indexOf('\ufffd');
  if (bad >= 0) throw inputError(lineOfChar(text, bad), `file is not valid ${encoding}`);
  return text;
}

/**
 * What the detector makes of bytes that are not UTF-8: the encoding it ranks first, when it is sure of
 * it, the bytes read cleanly in it and no encoding close behind reads them differently. Otherwise an
 * error naming the likely encoding and the flag to give.
 */
function detectEncoding(bytes: Uint8Array): { encoding: string; text: string } {
  const firstBad = lineOfByte(bytes, firstInvalidUtf8(bytes));
  const iconv = loadIconv();
  const matches = loadDetector()
    .analyse(detectorSample(bytes))
    .map((m) => ({ encoding: m.name.toLowerCase(), confidence: m.confidence }))
    .filter((m) => m.encoding !== 'utf-8' && m.encoding !== 'ascii' && iconv.encodingExists(m.encoding));
  const flag = (encoding: string) => `give it with --encoding ${encoding}`;
  const top = matches[0] as (typeof matches)[number] | undefined;
  const named = top && top.confidence >= MIN_LIKELY ? top : undefined;
  const utf8Line = lineReadingAsUtf8(bytes, named !== undefined && MULTI_BYTE.has(named.encoding));
  if (utf8Line) {
    const other = named ? `another encoding (likely ${named.encoding})` : 'another encoding';
    throw inputError(firstBad, `file mixes UTF-8 (line ${utf8Line}) with ${other}: save it in one encoding, or ${flag('<name>')} to read it all in one`);
  }
  if (!named) throw inputError(firstBad, `file is not valid UTF-8 and its encoding could not be told: ${flag('<name>')} (e.g. windows-1252, gb18030, big5, shift_jis)`);
  // Encodings tied or close to the first: those that read the bytes cleanly must agree on the text.
  const readings = matches
    .filter((m) => m.confidence > named.confidence - MIN_MARGIN)
    .map((m) => ({ ...m, text: iconvDecode(bytes, m.encoding) }))
    .filter((r) => !IMPLAUSIBLE.test(r.text));
  const best = readings[0];
  const rival = readings.find((r) => r.text !== best?.text);
  if (!best || best.confidence < MIN_CONFIDENCE || rival) {
    const likely = rival ? `${best.encoding} or ${rival.encoding}` : named.encoding;
    throw inputError(firstBad, `file is not valid UTF-8 and its encoding is not certain (likely ${likely}): ${flag(best?.encoding ?? named.encoding)}`);
  }
  return { encoding: best.encoding, text: best.text };
}

/**
 * Turns file bytes into text, with the encoding it was read in. A byte order mark decides first; then
 * valid UTF-8 (without NUL bytes) is read as UTF-8, whatever `encoding` says, so that one setting serves
 * a folder of mixed files; then `encoding` if given; then the detector, when it is sure. Line ends are
 * returned as LF. Bytes that cannot be read with confidence are refused with the line where they go wrong.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string): DecodedText {
  const decoded = decodeKeepingLineEnds(bytes, encoding);
  return { ...decoded, text: decoded.text.replace(/\r\n?/g, '\n') };
}

/** The same with the file's own line ends (CRLF, CR or LF), for a tool that writes the text back. */
export function decodeKeepingLineEnds(bytes: Uint8Array, encoding?: string): DecodedText {
  const marked = byteOrderMark(bytes);
  let decoded: DecodedText;
  if (marked && marked !== 'utf-8') decoded = { text: decodeAs(bytes, marked), encoding: marked, detected: false };
  else {
    const nul = bytes.indexOf(0);
    let text: string | undefined;
    if (nul < 0) {
      try {
        text = utf8.decode(bytes);
      } catch {
        if (marked) throw inputError(lineOfByte(bytes, firstInvalidUtf8(bytes)), 'file is not valid UTF-8 (it begins with a UTF-8 byte order mark)');
      }
    }
    if (text !== undefined) decoded = { text, encoding: 'utf-8', detected: false };
    else if (encoding !== undefined) decoded = { text: decodeAs(bytes, encoding.toLowerCase()), encoding: encoding.toLowerCase(), detected: false };
    else if (nul >= 0) {
      const unmarked = unmarkedUnicode(bytes);
      if (unmarked) throw inputError(1, `file looks like ${unmarked.toUpperCase()} without a byte order mark: give it with --encoding ${unmarked}`);
      throw inputError(lineOfByte(bytes, nul), 'file contains NUL bytes: binary data, not a text transcript');
    } else decoded = { ...detectEncoding(bytes), detected: true };
  }
  return decoded;
}

/** The text of file bytes (see decodeBytes). */
export function decodeText(bytes: Uint8Array, encoding?: string): string {
  return decodeBytes(bytes, encoding).text;
}
