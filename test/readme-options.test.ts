import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { createProgram } from '../src/cli/main.js';

// The README is the user's manual: every command and flag it names must exist, and every flag a
// command declares must be in it.
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** Every command of the program, as its words after `captions` (`dict suggest`). */
function commands(command: Command, prefix = ''): Array<{ name: string; command: Command }> {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`;
    return [{ name, command: sub }, ...commands(sub, `${name} `)];
  });
}

const declared = commands(createProgram());
const declaredFlags = new Set(declared.flatMap(({ command }) => command.options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined))));
// Flags written in the README: a dash or two, then a name, not inside a word or a path (`well-timed`, `a.md`).
const readmeFlags = new Set(README.match(/(?<![\w/.-])--?[a-z][a-z-]*/g) ?? []);

describe('the README against the command line', () => {
  it('names only flags some command declares', () => {
    const known = new Set([...declaredFlags, '--help', '--version']);
    expect([...readmeFlags].filter((flag) => !known.has(flag)).sort()).toEqual([]);
  });

  it('names every flag of every command', () => {
    expect([...declaredFlags].filter((flag) => flag.startsWith('--') && !readmeFlags.has(flag)).sort()).toEqual([]);
  });

  it('names only commands that exist, and each of them', () => {
    const names = declared.map(({ name }) => name);
    // `captions dict suggest talk.md`: the second word counts when the first has commands of its own
    const named = [...README.matchAll(/`captions ([a-z]+)(?: ([a-z]+))?/g)].map(([, first, second]) =>
      declared.some(({ name }) => name.startsWith(`${first} `)) ? `${first} ${second}` : first,
    );
    expect([...new Set(named)].filter((name) => !names.includes(name)).sort()).toEqual([]);
    const leaves = declared.filter(({ command }) => command.commands.length === 0).map(({ name }) => name);
    expect(leaves.filter((name) => !named.includes(name)).sort()).toEqual([]);
  });
});
