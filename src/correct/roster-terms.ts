// The roster's people as dictionary entries. A one-word alias is another spelling of one word of the
// name ("Gajandra" of "Gajendra Deshpande"), so it is fixed to that word, not to the whole name: a
// host saying "Gajandra" gets "Gajendra", and "Lorraine" stays a first name, "Lorena".
// Multi-word aliases stand for the whole name.

import type { Roster } from '../types.js';
import { entriesForNames, type DictionaryEntry } from './dictionary.js';
import { similarity } from './fuzzy.js';

export function rosterEntries(roster: Roster, file: string): DictionaryEntry[] {
  const people = new Map<string, { aliases: string[]; line?: number }>();
  const add = (name: string, line: number | undefined, alias?: string) => {
    const person = people.get(name) ?? { aliases: [], line };
    if (alias && !person.aliases.includes(alias)) person.aliases.push(alias);
    people.set(name, person);
  };
  for (const person of [...roster.hosts, ...roster.speakers]) {
    const words = person.name.trim().split(/\s+/);
    add(person.name, person.line);
    for (const alias of person.aliases) {
      if (/\s/.test(alias.trim())) {
        add(person.name, person.line, alias);
        continue;
      }
      if (words.some((w) => w.toLowerCase() === alias.toLowerCase())) continue;
      const closest = words.reduce((best, w) => (similarity(w.toLowerCase(), alias.toLowerCase()) > similarity(best.toLowerCase(), alias.toLowerCase()) ? w : best));
      add(closest, person.line, alias);
    }
  }
  return entriesForNames([...people].map(([name, { aliases, line }]) => ({ name, aliases, line })), file);
}
