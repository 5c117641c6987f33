// `--speakers <roster.yaml|json>`: the conference schedule's names for one session. JSON is read by
// the same YAML parser (JSON is YAML), so both report problems as `file:line`.

import { isDiagnosticError, rosterError } from '../diagnostic.js';
import { readBytesBounded } from '../read/bounded.js';
import { createRequire } from 'node:module';
import type { Node } from 'yaml';

// yaml is loaded only when a roster is given (it costs ~0.06 s of every cold start otherwise).
const require = createRequire(import.meta.url);
const loadYaml = () => require('yaml') as typeof import('yaml');
import { decodeText } from '../read/decode.js';
import type { Roster, RosterPerson } from '../types.js';

const PERSON_KEYS = new Set(['name', 'aliases', 'title']);

/** Parses roster text; `file` names it in errors. */
export function parseRoster(text: string, file: string): Roster {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const fail = (node: Node | null | undefined, message: string): never => {
    throw rosterError(file, lineOf(node), message);
  };
  if (doc.errors.length) {
    const error = doc.errors[0];
    throw rosterError(file, lineCounter.linePos(error.pos[0]).line, error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''));
  }
  const root = doc.contents;
  if (!isMap(root)) return fail(root, 'a roster is a mapping with "hosts" and "speakers" lists');

  const text0 = (node: unknown, what: string): string => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') return fail(node as Node, `${what} must be a non-empty text`);
    return node.value.trim();
  };
  const person = (node: unknown): RosterPerson => {
    if (isScalar(node)) return { name: text0(node, 'a name'), aliases: [], title: null, line: lineOf(node) };
    if (!isMap(node)) return fail(node as Node, 'each person is a name, or a mapping with name, aliases and title');
    const result: RosterPerson = { name: '', aliases: [], title: null, line: lineOf(node) };
    for (const pair of node.items) {
      const keyName = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!PERSON_KEYS.has(keyName)) fail(pair.key as Node, `unknown key "${keyName}" (a person has name, aliases and title)`);
      if (keyName === 'name') result.name = text0(pair.value, 'name');
      else if (keyName === 'title') result.title = text0(pair.value, 'title');
      else if (isSeq(pair.value)) result.aliases = pair.value.items.map((item) => text0(item, 'an alias'));
      else result.aliases = [text0(pair.value, 'aliases')];
    }
    if (!result.name) fail(node, 'a person needs a name');
    return result;
  };

  const roster: Roster = { hosts: [], speakers: [] };
  for (const pair of root.items) {
    const keyName = isScalar(pair.key) ? String(pair.key.value) : '';
    if (keyName !== 'hosts' && keyName !== 'speakers') fail(pair.key as Node, `unknown key "${keyName}" (a roster has hosts and speakers)`);
    if (!isSeq(pair.value)) fail((pair.value ?? pair.key) as Node, `"${keyName}" must be a list`);
    roster[keyName as 'hosts' | 'speakers'] = (pair.value as { items: unknown[] }).items.map(person);
  }
  if (roster.hosts.length === 0 && roster.speakers.length === 0) fail(root, 'the roster names no hosts and no speakers');
  return roster;
}

/** Reads and parses a roster file. */
export function loadRoster(path: string, encoding?: string): Roster {
  let bytes: Buffer;
  try {
    bytes = readBytesBounded(path, 'roster');
  } catch (error) {
    if (isDiagnosticError(error, 'read-limit')) throw rosterError(path, 0, error.message);
    const code = (error as NodeJS.ErrnoException).code;
    throw rosterError(path, 0, code === 'ENOENT' ? 'no such roster file' : code === 'EISDIR' ? 'the roster is a directory' : 'cannot read the roster');
  }
  let text: string;
  try {
    text = decodeText(bytes, encoding);
  } catch (error) {
    if (isDiagnosticError(error, 'input')) throw rosterError(path, error.line, error.message);
    throw error;
  }
  return parseRoster(text, path);
}

/** Every roster name with its other spellings, for the term-correction dictionary. */
export function rosterTerms(roster: Roster): Array<{ name: string; aliases: string[] }> {
  return [...roster.hosts, ...roster.speakers].map((p) => ({ name: p.name, aliases: [...p.aliases] }));
}
