// Where the entries of a JSON dictionary sit in its text, so that one entry can be read again with
// JSON.parse of its own text instead of the whole file. The text has already been parsed, so it is
// valid JSON: brackets outside strings are its structure, and a string ends at the first quote not
// escaped. The caller checks what it reads again against what it read first.

const [QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = ['"', '\\', '{', '}', '[', ']'].map((c) => c.charCodeAt(0));

/** The index of the quote that closes the string opening at `open` (the end of an unclosed one). */
function stringEnd(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  for (;;) {
    if (close < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close;
    close = text.indexOf('"', close + 1);
  }
}

/**
 * The start and end of each object in the entry list of a JSON dictionary: the top-level array, or
 * the array under the top-level "entries" key (its last, as JSON.parse keeps the last of a repeated
 * key). Null when there is no such list.
 */
export function entrySpans(text: string, inEntries: boolean): { starts: Int32Array; ends: Int32Array } | null {
  const starts: number[] = [];
  const ends: number[] = [];
  let depth = 0;
  let listDepth = inEntries ? -1 : 1; // the depth inside the entry list
  let lastKey = ''; // the last string at depth 1 (a key of the top-level object), decoded
  let found = !inEntries;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      const close = stringEnd(text, i);
      if (depth === 1 && inEntries) {
        const key = text.slice(i + 1, close);
        lastKey = key.includes('\\') ? (JSON.parse(text.slice(i, close + 1)) as string) : key; // "\u0065ntries" is "entries" too
      }
      i = close;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth++;
      if (inEntries && depth === 2 && code === OPEN_BRACKET && lastKey === 'entries') {
        listDepth = 2;
        found = true;
        starts.length = 0;
        ends.length = 0;
      }
      if (depth === listDepth + 1 && code === OPEN_BRACE) start = i;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (depth === listDepth + 1 && code === CLOSE_BRACE) {
        starts.push(start);
        ends.push(i + 1);
      }
      if (depth === listDepth) listDepth = inEntries ? -1 : listDepth; // the list is closed
      depth--;
    }
  }
  return found ? { starts: Int32Array.from(starts), ends: Int32Array.from(ends) } : null;
}
