// The domain lexicon compiled into the project (dictionaries/lexicon.json, made by
// scripts/compile-lexicon.mjs from public data): Python projects and their display casing,
// standard-library modules, people of the CPython project, PEP numbers. Unlike the dictionary it
// holds no variants: its terms are candidates that a heard word reaches by sound, and only with
// evidence (see evidence.ts).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface LexiconTerm {
  display: string;
  /** The display's letters and digits, lower case ("scikit-learn" → scikitlearn). */
  key: string;
  /** A term of the field's own vocabulary (C API, interpreter words, organisations): see compile-lexicon. */
  field?: boolean;
}

export interface Person {
  first: string;
  last: string;
}

/** A person's whole name with the sound spelling of the words after the first (sound.ts). */
export interface FullName {
  name: string;
  /** Words after the first name ("van Rossum"), joined, as a sound spelling. */
  restSound: string;
}

export interface Lexicon {
  /** Terms reached by sound, by sound spelling (sound.ts). */
  readonly bySound: Map<string, LexiconTerm[]>;
  /** Terms by their key, for casing and for words heard split ("open SSL"). */
  readonly byKey: Map<string, LexiconTerm>;
  /** The field's terms by sound spelling, and every start of those sound spellings (words heard in pieces). */
  readonly fieldBySound: Map<string, LexiconTerm[]>;
  readonly fieldSoundStarts: ReadonlySet<string>;
  /** People by first name and by last name (lower case). */
  readonly byFirst: Map<string, Person[]>;
  readonly byLast: Map<string, Person[]>;
  /**
   * Whole names heard by sound: by the sound spellings of the first name and of the rest, space
   * between ("ralf gamars" → Ralf Gommers); the first name's sound with the rest's first sound
   * ("ralf g"), for a cheap first look; and all names whose first name sounds so, for near matches.
   */
  readonly namesBySound: Map<string, string[]>;
  readonly nameStarts: Set<string>;
  namesWithFirstSound(firstSound: string): FullName[];
  readonly peps: ReadonlySet<number>;
  /** First pieces of terms with inner capitals ("open" of OpenSSL): the words a term heard apart may start with. */
  readonly joinStarts: ReadonlySet<string>;
}

/** The compiled form: columns of one line per term (see scripts/compile-lexicon.mjs). */
export interface CompiledLexicon {
  display: string;
  key: string;
  sound: string;
  /** '1' for a term reached by sound, '0' for one reached only by its key. */
  bySound: string;
  /** '1' for a term of the field's own vocabulary. */
  field?: string;
  /** The first piece of a term with inner capitals, lower case ('' for others). */
  first: string;
  people: string;
  /** Per person, the sound spellings of the first name and of the rest, space-separated ('' for none). */
  peopleSound: string;
  peps: string;
}

export const LEXICON_PATH = fileURLToPath(new URL('../../dictionaries/lexicon.json', import.meta.url));

/** A term's key: its letters and digits, lower case. */
export const termKey = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function push<V>(map: Map<string, V[]>, key: string, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The lexicon over its compiled form; each map is built when first used (most texts need few). */
export function lexiconFrom(raw: CompiledLexicon): Lexicon {
  let terms: LexiconTerm[] | undefined;
  let byKey: Map<string, LexiconTerm> | undefined;
  let bySound: Map<string, LexiconTerm[]> | undefined;
  let people: { byFirst: Map<string, Person[]>; byLast: Map<string, Person[]> } | undefined;
  let peps: Set<number> | undefined;
  let namesBySound: Map<string, string[]> | undefined;
  let nameStarts: Set<string> | undefined;
  let byFirstSound: Map<string, FullName[]> | undefined;
  let joinStarts: Set<string> | undefined;
  const allTerms = () => {
    if (!terms) {
      const keys = raw.key.split('\n');
      const field = raw.field ?? '';
      terms = raw.display.split('\n').map((display, i) => (field[i] === '1' ? { display, key: keys[i], field: true } : { display, key: keys[i] }));
    }
    return terms;
  };
  let fieldMaps: { fieldBySound: Map<string, LexiconTerm[]>; fieldSoundStarts: Set<string> } | undefined;
  const fieldTerms = () => {
    if (!fieldMaps) {
      fieldMaps = { fieldBySound: new Map(), fieldSoundStarts: new Set() };
      const sounds = raw.sound.split('\n');
      const list = allTerms();
      for (let i = 0; i < list.length; i++) {
        if (!list[i].field) continue;
        push(fieldMaps.fieldBySound, sounds[i], list[i]);
        for (let n = 1; n <= sounds[i].length; n++) fieldMaps.fieldSoundStarts.add(sounds[i].slice(0, n));
      }
    }
    return fieldMaps;
  };
  const allPeople = () => {
    if (!people) {
      people = { byFirst: new Map(), byLast: new Map() };
      for (const name of raw.people.split('\n')) {
        const words = name.split(' ');
        if (words.length < 2 || words[0].includes('.')) continue;
        const person = { first: words[0], last: words[words.length - 1] };
        push(people.byFirst, person.first.toLowerCase(), person);
        push(people.byLast, person.last.toLowerCase(), person);
      }
    }
    return people;
  };
  return {
    get byKey() {
      if (!byKey) {
        byKey = new Map();
        for (const term of allTerms()) if (!byKey.has(term.key)) byKey.set(term.key, term);
      }
      return byKey;
    },
    get bySound() {
      if (!bySound) {
        bySound = new Map();
        const sounds = raw.sound.split('\n');
        const list = allTerms();
        for (let i = 0; i < list.length; i++) if (raw.bySound[i] === '1') push(bySound, sounds[i], list[i]);
      }
      return bySound;
    },
    get fieldBySound() {
      return fieldTerms().fieldBySound;
    },
    get fieldSoundStarts() {
      return fieldTerms().fieldSoundStarts;
    },
    get byFirst() {
      return allPeople().byFirst;
    },
    get byLast() {
      return allPeople().byLast;
    },
    get joinStarts() {
      return (joinStarts ??= new Set(raw.first.split('\n').filter(Boolean)));
    },
    get namesBySound() {
      if (!namesBySound) {
        namesBySound = new Map();
        nameStarts = new Set();
        byFirstSound = new Map();
        const names = raw.people.split('\n');
        const sounds = raw.peopleSound.split('\n');
        for (let k = 0; k < names.length; k++) {
          const space = sounds[k].indexOf(' ');
          if (space < 0 || space === sounds[k].length - 1) continue;
          push(namesBySound, sounds[k], names[k]);
          nameStarts.add(sounds[k].slice(0, space + 2));
          push(byFirstSound, sounds[k].slice(0, space), { name: names[k], restSound: sounds[k].slice(space + 1) });
        }
      }
      return namesBySound;
    },
    get nameStarts() {
      if (!nameStarts) this.namesBySound;
      return nameStarts!;
    },
    namesWithFirstSound(firstSound: string) {
      if (!byFirstSound) this.namesBySound;
      return byFirstSound!.get(firstSound) ?? [];
    },
    get peps() {
      return (peps ??= new Set(raw.peps.split(' ').map(Number)));
    },
  };
}

let lexicon: Lexicon | undefined;

/** The compiled lexicon, read on first use. */
export function loadLexicon(): Lexicon {
  lexicon ??= lexiconFrom(JSON.parse(readFileSync(LEXICON_PATH, 'utf8')) as CompiledLexicon);
  return lexicon;
}
