// `--speakers <roster>`: names, spellings and titles from the conference schedule.

import { DiagnosticError } from '../src/diagnostic.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
import { parseRoster, rosterTerms } from '../src/segment/roster.js';
import { writeChapters } from '../src/write/chapters.js';
import { writeJson } from '../src/write/json.js';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH, EXAMPLE_TEXT } from './helpers/example.js';
import { parseVttStrict } from './helpers/parsers.js';

const ROSTER_PATH = new URL('./fixtures/example-roster.yaml', import.meta.url);
const roster = parseRoster(readFileSync(ROSTER_PATH, 'utf8'), 'example-roster.yaml');

describe('roster files', () => {
  it('reads hosts and speakers with aliases and titles, from YAML or JSON', () => {
    // each person keeps its line, for messages about the dictionary entries made from it
    expect(roster.hosts).toEqual([{ name: 'Lorena Mesa', aliases: ['Lorena', 'Lorraine'], title: null, line: 3 }]);
    expect(roster.speakers[3]).toEqual({ name: 'Gajendra Deshpande', aliases: ['Gajandra', 'Gajinder'], title: 'Security considerations in Python packaging', line: 12 });
    const json = parseRoster(JSON.stringify({ speakers: ['Ann', { name: 'Bo', aliases: 'Beau' }] }), 'r.json');
    expect(json).toEqual({ hosts: [], speakers: [{ name: 'Ann', aliases: [], title: null, line: 1 }, { name: 'Bo', aliases: ['Beau'], title: null, line: 1 }] });
  });

  const bad: Array<[string, number, RegExp]> = [
    ['speakers:\n  - name: Ann\n    titel: Oops\n', 3, /unknown key "titel"/],
    ['speakers:\n  - name: Ann\n  - aliases: [B]\n', 3, /needs a name/],
    ['hosts: Ann\n', 1, /"hosts" must be a list/],
    ['speakers:\n  - name: [1, 2]\n', 2, /name must be a non-empty text/],
    ['speakers:\n  - name: Ann\n    name: Bo\n', 3, /unique/],
    ['{ "speakers": [ "Ann"\n\n  "Bo" ] }\n', 3, /.+/],
    ['- Ann\n- Bo\n', 1, /mapping/],
    ['speakers: []\n', 1, /no hosts and no speakers/],
  ];
  for (const [text, line, message] of bad) {
    it(`refuses ${JSON.stringify(text)} at line ${line}`, () => {
      let error: unknown;
      try {
        parseRoster(text, 'r.yaml');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DiagnosticError);
      expect((error as DiagnosticError).line).toBe(line);
      expect((error as DiagnosticError).message).toMatch(message);
      expect((error as DiagnosticError).file).toBe('r.yaml');
    });
  }

  it('lists every name with its aliases for the term dictionary', () => {
    expect(rosterTerms(roster)).toContainEqual({ name: 'Gajendra Deshpande', aliases: ['Gajandra', 'Gajinder'] });
    expect(rosterTerms(roster)).toHaveLength(11);
  });
});

describe('a roster helps place boundaries', () => {
  const BODY = 'Today I want to show you how we test the parsers in our team. We start with small inputs and grow them until something breaks. Every bug became a new case.';
  const text = ['# Session', '', ' Good morning. Our first speaker needs no introduction. [applause]', '', " Hello. I'm Kofi.", '', ` ${BODY}`, '', ` ${BODY} Thank you.`, ''].join('\n');

  it('"I\'m X" after applause opens a talk the host did not name; the roster gives its full name and title', () => {
    const without = buildFromText(text, 's.md').segments;
    expect(without.map((s) => [s.role, s.speaker, s.startLine])).toEqual([
      ['host', null, 3],
      ['speaker', 'Kofi', 5],
    ]);
    const withRoster = buildFromText(text, 's.md', { speakers: parseRoster('speakers:\n  - name: Kofi Mensah\n    aliases: [Kofi]\n    title: Testing parsers\n', 'r.yaml') }).segments;
    expect(withRoster.map((s) => [s.role, s.speaker, s.title, s.startLine])).toEqual([
      ['host', null, null, 3],
      ['speaker', 'Kofi Mensah', 'Testing parsers', 5],
    ]);
  });
});

describe('the example with its roster', () => {
  const doc = buildFromText(EXAMPLE_TEXT, 'example.md', { speakers: roster });
  const talks = doc.segments.filter((s) => s.role === 'speaker');

  it('uses the roster\'s spelling "Gajendra Deshpande" and its titles in the JSON', () => {
    const json = JSON.parse(writeJson(doc));
    const talkJson = json.segments.filter((s: { role: string }) => s.role === 'speaker');
    expect(talkJson.map((s: { speaker: string }) => s.speaker)).toEqual(roster.speakers.map((p) => p.name));
    expect(talkJson.map((s: { title: string }) => s.title)).toEqual(roster.speakers.map((p) => p.title));
    expect(talkJson[3]).toMatchObject({ speaker: 'Gajendra Deshpande', title: 'Security considerations in Python packaging', startLine: 283, endLine: 395 });
    expect(json.segments.filter((s: { role: string }) => s.role === 'host').every((s: { speaker: string }) => s.speaker === 'Lorena Mesa')).toBe(true);
  });

  it('raises no spelling warning the roster has settled', () => {
    expect(doc.warnings.filter((w) => w.code === 'speaker-name')).toEqual([]);
  });

  it('titles the chapters "Name — Title" from the roster', () => {
    const chapters = writeChapters(doc)!;
    const parsed = parseVttStrict(chapters);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => c.text)).toEqual(roster.speakers.map((p) => `${p.name} — ${p.title}`));
    expect(parsed.cues[3].text).toBe('Gajendra Deshpande — Security considerations in Python packaging');
    expect(parsed.cues.map((c) => c.startTime)).toEqual(talks.map((t) => Math.round(t.start * 1000) / 1000));
  });

  it('matches a talk by any spelling and the rest by order', () => {
    const partial = parseRoster('speakers:\n  - Jeff\n  - Jessica\n  - Roy\n  - name: Gajendra Deshpande\n    aliases: [Gajinder]\n  - Diamond\n  - Manabu Terada\n  - Jay\n  - Jack\n  - Henry\n  - Christopher N.\n', 'r.yaml');
    const named = buildFromText(EXAMPLE_TEXT, 'example.md', { speakers: partial }).segments.filter((s) => s.role === 'speaker');
    expect(named.map((s) => s.speaker)).toEqual(partial.speakers.map((p) => p.name));
  });

  it('is read by `captions build --speakers`, and a bad roster stops with file:line and exit 1, like any bad input', () => {
    const dir = tempDir();
    const ok = runCli(['build', EXAMPLE_PATH, '--speakers', ROSTER_PATH.pathname, '-o', dir, '-f', 'json,vtt', '-q']);
    expect(ok.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.json'), 'utf8'));
    expect(json.segments.find((s: { speaker: string }) => s.speaker === 'Gajendra Deshpande')).toBeTruthy();
    expect(readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.chapters.vtt'), 'utf8')).toContain('Gajendra Deshpande — Security considerations in Python packaging');

    const badRoster = join(dir, 'bad.yaml');
    writeFileSync(badRoster, 'speakers:\n  - name: Ann\n    titel: x\n');
    const bad = runCli(['build', EXAMPLE_PATH, '--speakers', badRoster, '-o', dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(`${badRoster}:3: error: unknown key "titel" (a person has name, aliases and title)`);
    const missing = runCli(['build', EXAMPLE_PATH, '--speakers', join(dir, 'none.yaml'), '-o', dir]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('none.yaml: error: no such roster file');
  });
});
