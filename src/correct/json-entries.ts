// The entries of a JSON dictionary, read with JSON.parse of their own bytes, a run of them at a time,
// instead of the whole file at once. A large file parsed whole (or even decoded whole into one
// string) is data V8 copies out of its young generation; enough of that makes V8 double the young
// generation, and the fresh memory slows every later stage. Read a run at a time, entries are
// checked and let go, and an entry is read again from the file's bytes (kept outside the JS heap)
// when a transcript reaches it.
//
// Entries are found by a structural scan: outside strings, brackets are the structure, and a string
// ends at the first quote not escaped (UTF-8 never puts these ASCII bytes inside a longer character).
// The scan trusts nothing: brackets must pair, the file with its entry list cut out must parse, the
// list must hold only objects separated by commas, and the entries must parse, else the caller parses
// the file whole (which reports the error).

import { Buffer } from 'node:buffer';
import { IntList } from './key-list.js';

const [QUOTE, BACKSLASH, COMMA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = ['"', '\\', ',', '{', '}', '[', ']'].map((c) => c.charCodeAt(0));
const SPACE = new Uint8Array(128);
for (const c of ' \t\n\r') SPACE[c.charCodeAt(0)] = 1;

/** The index of the quote that closes the string opening at `open` (the end of an unclosed one). */
function stringEnd(bytes: Uint8Array, open: number): number {
  // a plain loop: strings are short, and Buffer's indexOf costs more to call than to run
  for (let i = open + 1; i < bytes.length; i++) {
    const code = bytes[i];
    if (code === BACKSLASH) i++; // the escaped character
    else if (code === QUOTE) return i;
  }
  return bytes.length;
}

export interface EntrySpans {
  /** Where each object of the list starts and ends (one past its closing brace). */
  starts: Int32Array;
  ends: Int32Array;
  /** Where the list opens and closes: its `[` and its `]`. */
  open: number;
  close: number;
  /** Whether the list holds only objects, one comma between each two (and blanks). */
  plain: boolean;
}

/**
 * The objects in the entry list of a JSON dictionary: the top-level array, or the array under the
 * top-level "entries" key (its last, as JSON.parse keeps the last of a repeated key). Null when
 * there is no such list, brackets do not pair, or a top-level key is not a JSON string.
 */
export function entrySpans(bytes: Uint8Array, inEntries: boolean): EntrySpans | null {
  let starts = new IntList();
  let ends = new IntList();
  const opened: number[] = []; // the brackets open around the scan: its length is the depth
  let listDepth = inEntries ? -1 : 1; // the depth inside the entry list
  let lastKey = ''; // the last string at depth 1 (a key of the top-level object), decoded
  let found: EntrySpans | null = null;
  let start = 0;
  let plain = true;
  let wantItem = true; // after `[` or a comma: an item must come next
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes[i];
    const depth = opened.length;
    if (depth === listDepth && code !== OPEN_BRACE && code !== CLOSE_BRACKET) {
      // between the items of the list: blanks, and one comma after each item
      if (code === COMMA && !wantItem) wantItem = true;
      else if (code >= 128 || !SPACE[code]) plain = false;
    }
    if (code === QUOTE) {
      const close = stringEnd(bytes, i);
      if (depth === 1 && inEntries) {
        const key = Buffer.from(bytes.buffer, bytes.byteOffset + i, close + 1 - i).toString('utf8');
        if (!key.includes('\\')) lastKey = key.slice(1, -1);
        else {
          try {
            lastKey = JSON.parse(key) as string; // "\u0065ntries" is "entries" too
          } catch {
            return null; // not a JSON string: the file is malformed
          }
        }
      }
      i = close;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (depth === listDepth) {
        if (code === OPEN_BRACE && wantItem) wantItem = false;
        else plain = false;
      }
      opened.push(code);
      const inner = opened.length; // the depth inside this bracket
      if (inEntries && inner === 2 && code === OPEN_BRACKET && lastKey === 'entries') {
        listDepth = 2;
        found = { starts: new Int32Array(0), ends: new Int32Array(0), open: i, close: bytes.length, plain: true };
        [starts, ends, plain, wantItem] = [new IntList(), new IntList(), true, true];
      } else if (!inEntries && inner === 1 && code === OPEN_BRACKET) {
        found = { starts: new Int32Array(0), ends: new Int32Array(0), open: i, close: bytes.length, plain: true };
      }
      if (inner === listDepth + 1 && code === OPEN_BRACE) start = i;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (opened.pop() !== (code === CLOSE_BRACE ? OPEN_BRACE : OPEN_BRACKET)) return null; // not JSON
      if (depth === listDepth + 1 && code === CLOSE_BRACE) {
        starts.push(start);
        ends.push(i + 1);
      }
      if (depth === listDepth && found) {
        // the list is closed: a comma with no item after it is not JSON
        found = { starts: starts.toArray(), ends: ends.toArray(), open: found.open, close: i, plain: plain && (!wantItem || starts.length === 0) };
        // a top-level list is the file (what follows is checked with the rest); a later "entries" may replace this one
        if (!inEntries) return found;
        listDepth = -1;
      }
    }
  }
  return found;
}

/** Values read by index: an array, or entries parsed from their text when asked for. */
export interface EntryValues {
  readonly length: number;
  at(index: number): unknown;
  /** The values from `start` up to (not including) `end`. */
  slice(start: number, end: number): unknown[];
  /**
   * How long the values' text is (in UTF-8 bytes for a JSON file), when known: about as many code
   * units as their keys can have together.
   */
  readonly textLength?: number;
}

/** The entries of a JSON dictionary as their bytes, parsed each time one is read. */
class JsonEntryTexts implements EntryValues {
  constructor(
    private readonly bytes: Buffer,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  get length(): number {
    return this.starts.length;
  }

  get textLength(): number {
    return this.starts.length ? this.ends[this.ends.length - 1] - this.starts[0] : 0;
  }

  /** Throws SyntaxError when the entry's text is not JSON (the file is then malformed). */
  at(index: number): unknown {
    return JSON.parse(this.bytes.toString('utf8', this.starts[index], this.ends[index]));
  }

  /** Entries next to each other, parsed at once: between them there are only commas (the list is plain). */
  slice(start: number, end: number): unknown[] {
    end = Math.min(end, this.starts.length);
    if (start >= end) return [];
    return JSON.parse(`[${this.bytes.toString('utf8', this.starts[start], this.ends[end - 1])}]`) as unknown[];
  }
}

/** What stands for the entry list while the rest of the file is checked. */
const LIST_MARK = '\u0000entries';

/**
 * The entry list of a JSON dictionary (a top-level list, or the list under "entries") as the
 * entries' bytes, and the path to it; null when the file is not valid JSON around its list, or the
 * list holds anything but objects. An entry's own text is checked when it is read.
 */
export function jsonEntryList(bytes: Buffer): { entries: EntryValues; base: string[] } | null {
  let first = 0;
  while (first < bytes.length && bytes[first] < 128 && SPACE[bytes[first]]) first++;
  if (bytes[first] !== OPEN_BRACKET && bytes[first] !== OPEN_BRACE) return null;
  const inEntries = bytes[first] === OPEN_BRACE;
  const spans = entrySpans(bytes, inEntries);
  if (!spans || !spans.plain || spans.close >= bytes.length) return null;
  // the file with its entry list as one string in a list: JSON when the file is, given its entries
  let root: unknown;
  try {
    root = JSON.parse(`${bytes.toString('utf8', 0, spans.open + 1)}${JSON.stringify(LIST_MARK)}${bytes.toString('utf8', spans.close)}`);
  } catch {
    return null;
  }
  const list = inEntries ? (root as { entries?: unknown }).entries : root;
  if (!Array.isArray(list) || list.length !== 1 || list[0] !== LIST_MARK) return null;
  return { entries: new JsonEntryTexts(bytes, spans.starts, spans.ends), base: inEntries ? ['entries'] : [] };
}
