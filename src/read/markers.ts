// Reads a markers file: the known video times of image markers, as CSV (`marker,time` header) or
// JSON (`{ "<marker>": "<time>" }`). A marker is named by its image path as written, its file name,
// or its number N (`img/<name>_<N>.png`). Problems are InputErrors that name this file and line.

import { inputError } from '../diagnostic.js';
import { parseTimeValue } from './time.js';

/** One known time, as read: which marker it names, and where the file says so. */
export interface MarkerAnchor {
  key: string;
  time: number;
  line: number;
}

export interface MarkerTable {
  /** The markers file, as named in diagnostics. */
  source: string;
  anchors: MarkerAnchor[];
}

function fail(source: string, line: number, message: string): never {
  throw inputError(line, message, source);
}

function unquote(field: string): string {
  const t = field.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : t;
}

function parseCsv(text: string, source: string): MarkerAnchor[] {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex < 0) fail(source, 1, 'empty markers file: expected a header "marker,time"');
  const header = lines[headerIndex].split(',').map((f) => unquote(f).toLowerCase());
  if (header.length !== 2 || header[0] !== 'marker' || header[1] !== 'time') {
    fail(source, headerIndex + 1, `expected the header "marker,time", found "${lines[headerIndex].trim()}"`);
  }
  const anchors: MarkerAnchor[] = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    // a time may hold a decimal comma (00:01:15,500), so the first comma after the marker splits
    // the row; a marker with a comma in it is quoted
    const row = raw.trim();
    const closing = row.startsWith('"') ? row.indexOf('"', 1) : -1;
    const comma = row.indexOf(',', closing < 0 ? 0 : closing);
    if (comma < 0) fail(source, i + 1, `expected "marker,time", found "${row}"`);
    anchors.push(anchorOf(unquote(row.slice(0, comma)), unquote(row.slice(comma + 1)), i + 1, source));
  }
  return anchors;
}

function anchorOf(key: string, time: string, line: number, source: string): MarkerAnchor {
  if (key === '') fail(source, line, 'empty marker name');
  const seconds = parseTimeValue(time);
  if (seconds === null) fail(source, line, `"${time}" is not a time (seconds, or HH:MM:SS.mmm)`);
  return { key, time: seconds, line };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text[i] === '\n') line++;
  return line;
}

function parseJson(text: string, source: string): MarkerAnchor[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message);
    const line = position ? lineAt(text, Number(position[1])) : 1;
    fail(source, line, `not valid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(source, 1, 'expected an object { "<marker>": "<time>" }');
  const anchors: MarkerAnchor[] = [];
  let searchFrom = 0;
  for (const [key, time] of Object.entries(value as Record<string, unknown>)) {
    // the line of a key: its next occurrence as a JSON string after the previous key
    const at = text.indexOf(JSON.stringify(key), searchFrom);
    const line = at >= 0 ? lineAt(text, at) : 1;
    if (at >= 0) searchFrom = at + 1;
    if (typeof time !== 'string' && typeof time !== 'number') fail(source, line, `the time of "${key}" must be a string or a number`);
    anchors.push(anchorOf(key, String(time), line, source));
  }
  return anchors;
}

/** Reads a markers file's text; JSON when its name ends in .json or its text starts with `{`. */
export function parseMarkersFile(text: string, source: string): MarkerTable {
  const body = text.replace(/^\uFEFF/, '');
  const json = /\.json$/i.test(source) || body.trimStart().startsWith('{');
  const anchors = json ? parseJson(body, source) : parseCsv(body, source);
  const seen = new Map<string, number>();
  for (const a of anchors) {
    const earlier = seen.get(a.key);
    if (earlier !== undefined) fail(source, a.line, `marker "${a.key}" is given twice (first on line ${earlier})`);
    seen.set(a.key, a.line);
  }
  return { source, anchors };
}
