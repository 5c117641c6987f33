// Compiles the domain lexicon, dictionaries/lexicon.json, from the public data in ../shared/lexicon
// (see its SOURCES.md; credits and licences in the README, "Term dictionary"). Run by hand when the
// data changes (`npm run build`, then `node scripts/compile-lexicon.mjs [lexicon dir]`); the output is part of the project,
// so a build and a user need nothing else. Each term carries its sound spelling, so that loading it
// costs one JSON.parse and one pass filling a Map.
//
// Left out on purpose: the PyCon US 2017–2021 speaker and talk lists (they name the very people of
// the evaluation corpus, so compiling them in would make its recall optimistic).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isEnglish } from '../dist/correct/english.js';
import { soundSpelling } from '../dist/correct/sound.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = process.argv[2] ?? [join(root, '../shared/lexicon'), join(root, '../../shared/lexicon')].find((d) => existsSync(d));
if (!dir || !existsSync(join(dir, 'SOURCES.md'))) {
  console.error('compile-lexicon: no lexicon folder (../shared/lexicon) found');
  process.exit(1);
}

const termKeyOf = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

const tsv = (file) => {
  const [head, ...rows] = readFileSync(join(dir, file), 'utf8').trim().split('\n');
  const names = head.split('\t');
  return rows.map((row) => Object.fromEntries(row.split('\t').map((v, i) => [names[i], v])));
};

// the built-in dictionary's terms are already curated: the lexicon does not repeat them
const builtIn = new Set(JSON.parse(readFileSync(join(root, 'dist/dictionaries/default.json'), 'utf8')).entries.map((e) => e.key));

const terms = new Map(); // lower-case key → [display, kind, reached by sound]
const add = (display, kind, bySound) => {
  const key = display.toLowerCase();
  if (builtIn.has(key) || terms.has(key)) return;
  const letters = display.replace(/[^A-Za-z]/g, '');
  if (letters.length < 4 || !/^[A-Za-z][A-Za-z0-9.+-]*$/.test(display)) return;
  // ordinary words ("requests", "black") are not fixed from a lexicon: they need a curated entry
  if (isEnglish(key) || isEnglish(letters)) return;
  terms.set(key, [display, kind, bySound]);
};

// 0. the field's own vocabulary (scripts/field-terms.txt, written for the project): C-API and
// interpreter words, companies and organisations. First, so their casing wins; English words
// among them ("Facebook", "bytecode") are kept, since the list is curated.
const fieldKeys = new Set();
for (const line of readFileSync(join(root, 'scripts/field-terms.txt'), 'utf8').split('\n')) {
  const display = line.trim();
  if (!display || display.startsWith('#') || builtIn.has(display.toLowerCase())) continue;
  terms.set(display.toLowerCase(), [display, 'field', true]);
  fieldKeys.add(display.toLowerCase());
}

// 1. display casing (project docs and curated lists), then casing mined from talk abstracts
// Reached by sound (not only heard split or in the wrong case): curated names, the 1,000 most
// downloaded projects, stdlib modules; the long tail of PyPI names ("splink", "delocate") sounds
// like too many ordinary words and names.
for (const row of tsv('display-names.tsv')) if (row.confidence !== 'low' && row.english_word !== 'yes') add(row.display_name, 'project', true);
// (no hyphenated words: they are licence boilerplate and phrases, "CC-BY-NC-SA", "CPU-bound"; no plurals)
for (const row of tsv('talk-term-casing.tsv')) {
  if (row.internal_caps === 'yes' && !row.english_word && /^[A-Za-z][A-Za-z0-9+]*$/.test(row.preferred) && !/[A-Z]s$/.test(row.preferred)) add(row.preferred, 'term', true);
}
// (and top PyPI projects no curated list has, whose casing talk abstracts agree on: only those
// with inner capitals, all capitals or digits, "DuckDB", "PEFT"; a plain capitalised one is as often
// a person or a word, "Mike", "Monty")
for (const row of tsv('display-names-from-talk-votes.tsv')) if (!row.english_word && /\p{Ll}\p{Lu}|\p{Lu}{2}|\d/u.test(row.display_name)) add(row.display_name, 'project', true);
// 2. the most-downloaded projects, as PyPI names them
for (const file of ['top-pypi-packages-365d-2021-04.tsv', 'top-pypi-packages.tsv']) for (const row of tsv(file)) add(row.project, 'project', Number(row.rank) <= 1000);
// 3. standard-library modules (top level)
for (const name of readFileSync(join(dir, 'modules.txt'), 'utf8').split('\n')) if (/^[a-z][a-z0-9]+$/.test(name.trim())) add(name.trim(), 'module', true);

// 4. people: CPython core team, PEP authors, CPython's acknowledgements (not the PyCon speaker lists)
const cleanName = (name) => name.replace(/\([^)]*\)|"[^"]*"|“[^”]*”/g, ' ').replace(/\s+/g, ' ').trim();
const people = new Set();
for (const row of tsv('core-developers.tsv')) people.add(cleanName(row.name));
for (const row of tsv('pep-authors.tsv')) people.add(cleanName(row.name));
for (const line of readFileSync(join(dir, 'names.txt'), 'utf8').split('\n')) people.add(cleanName(line));
const names = [...people].filter((n) => /^\p{Lu}[\p{L}'.-]+(?: [\p{L}'.-]+)+$/u.test(n)).sort();

// 5. PEP numbers, for "PEP" heard before a number
const peps = tsv('peps.tsv').map((row) => Number(row.number)).sort((a, b) => a - b);

// Each column is one string, a line per term: JSON.parse reads a few long strings much faster than
// thousands of small arrays, and the maps are built from them only when first used.
// the long tail of PyPI names, reached neither by sound nor with capitals to join to, is left out
const rows = [...terms.values()].filter(([, , bySound]) => bySound).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const lexicon = {
  about: 'Compiled by scripts/compile-lexicon.mjs from public data; sources and licences in the README (Term dictionary). Columns: one line per term.',
  display: rows.map(([display]) => display).join('\n'),
  key: rows.map(([display]) => termKeyOf(display)).join('\n'),
  sound: rows.map(([display]) => soundSpelling(display)).join('\n'),
  bySound: rows.map(([, , bySound]) => (bySound ? '1' : '0')).join(''),
  // '1' for a term of the field's own vocabulary (heard in pieces by sound, cased when English)
  field: rows.map(([display]) => (fieldKeys.has(display.toLowerCase()) ? '1' : '0')).join(''),
  // the word a term heard apart starts with: its first piece before an inner capital ("open" of
  // OpenSSL, "c" of cProfile), else nothing (a term without inner capitals joins only after a letter)
  first: rows.map(([display]) => (/\p{Ll}\p{Lu}|^\p{Ll}\p{Lu}/u.test(display) ? display.split(/(?<=\p{Ll})(?=\p{Lu})/u)[0].toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') : '')).join('\n'),
  people: names.join('\n'),
  // each person's sound spellings, of the first name and of the rest, so that loading costs no
  // sound spelling ("ralf gamars"; '' for a name not heard by sound)
  peopleSound: names.map((name) => {
    const words = name.split(' ');
    return /^\p{L}+$/u.test(words[0]) ? `${soundSpelling(words[0])} ${soundSpelling(words.slice(1).join(''))}` : '';
  }).join('\n'),
  peps: peps.join(' '),
};
writeFileSync(join(root, 'dictionaries/lexicon.json'), JSON.stringify(lexicon) + '\n');
console.log(`dictionaries/lexicon.json: ${rows.length} terms, ${names.length} people, ${peps.length} PEPs`);
