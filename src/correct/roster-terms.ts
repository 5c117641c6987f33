// The roster's people as dictionary entries. A one-word alias is another spelling of one word of the
// name ("Gajandra" of "Gajendra Deshpande"), so it is fixed to that word, not to the whole name: a
// host saying "Gajandra" gets "Gajendra", and "Lorraine" stays a first name, "Lorena".
// Multi-word aliases stand for the whole name.

import type { Roster } from '../types.js';
import { entriesForNames, type DictionaryEntry } from './dictionary.js';
import { similarity } from './fuzzy.js';

export function rosterEntries(roster: Roster, file: string): DictionaryEntry[] {
  const people = new Map<string, string[]>();
  const add = (name: string, alias?: string) => {
    const aliases = people.get(name) ?? [];
    if (alias && !aliases.includes(alias)) aliases.push(alias);
    people.set(name, aliases);
  };
  for (const person of [...roster.hosts, ...roster.speakers]) {
    const words = person.name.trim().split(/\s+/);
    add(person.name);
    for (const alias of person.aliases) {
      if (/\s/.test(alias.trim())) {
        add(person.name, alias);
        continue;
      }
      if (words.some((w) => w.toLowerCase() === alias.toLowerCase())) continue;
      const closest = words.reduce((best, w) => (similarity(w.toLowerCase(), alias.toLowerCase()) > similarity(best.toLowerCase(), alias.toLowerCase()) ? w : best));
      add(closest, alias);
    }
  }
  return entriesForNames([...people].map(([name, aliases]) => ({ name, aliases })), file);
}
