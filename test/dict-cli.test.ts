// The dictionary on the command line: --dict, --no-default-dict, --report, --dry-run, and the
// `dict test` and `dict suggest` subcommands.

import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH } from './helpers/example.js';

const SMALL = '# Small\n\n The solution to the gill problem。 We use Knox as task runner。\n';

function files(contents: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(contents)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('captions dict test', () => {
  it('passes on the default dictionary', () => {
    const run = runCli(['dict', 'test']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^dictionaries\/default\.yaml: \d{3} entries, \d+ specs passed, 0 failed\n$/);
  });

  it('fails with file and line of a broken spec', () => {
    const dir = files({ 'mine.yaml': 'entries:\n  - term: Nox\n    variants: [Knox]\n    specs:\n      - { in: "use Knox", out: "use Nox" }\n      - { in: "Fort Knox", out: "Fort Knox" }\n' });
    const run = runCli(['dict', 'test', join(dir, 'mine.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${join(dir, 'mine.yaml')}:6: error: spec of "Nox" failed: "Fort Knox" gave "Fort Nox", expected "Fort Knox"\n`);
    expect(run.stdout).toContain('1 specs passed, 1 failed');
  });

  it('names the line of a broken spec in a JSON dictionary too', () => {
    const json = '{\n "entries": [\n  {"term": "Nox", "variants": ["Knox"],\n   "specs": [\n     {"in": "use Knox", "out": "use Nox"},\n     {"keep": "Fort Knox"}\n   ]}\n ]\n}\n';
    const dir = files({ 'mine.json': json });
    const run = runCli(['dict', 'test', join(dir, 'mine.json')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${join(dir, 'mine.json')}:6: error: spec of "Nox" failed: "Fort Knox" gave "Fort Nox", expected "Fort Knox"\n`);
  });

  it('fails with one line naming file and line for a malformed file', () => {
    const dir = files({ 'bad.yaml': 'entries:\n  - term: GIL\n    variants: [gill\n' });
    const run = runCli(['dict', 'test', join(dir, 'bad.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^${join(dir, 'bad.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: error: malformed YAML: [^\\n]+\\n$`));
  });
});

describe('captions build with dictionaries', () => {
  it.each([
    ['malformed YAML', 'entries:\n  - term: GIL\n    variants: [gill\n', /:\d+: error: malformed YAML: /],
    ['a cyclic pair', '- term: colour\n  variants: [color]\n- term: color\n  variants: [colour]\n', /:2: error: cycle: "color" → "colour" here, and "colour" → "color" at .*d\.yaml:4$/m],
    ['an empty variant', '- term: GIL\n  variants:\n    - gill\n    - ""\n', /:4: error: empty variant in entry "GIL"/],
  ])('rejects %s with a one-line error naming file and line', (_name, text, message) => {
    const dir = files({ 'd.yaml': text, 'talk.md': SMALL });
    const run = runCli(['build', join(dir, 'talk.md'), '-d', join(dir, 'd.yaml'), '-o', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr.startsWith(join(dir, 'd.yaml') + ':')).toBe(true);
    expect(run.stderr).toMatch(message);
    expect(readdirSync(dir).sort()).toEqual(['d.yaml', 'talk.md']);
  });

  it('merges -d files over the default, later ones winning', () => {
    const dir = files({
      'a.yaml': '- term: Knox Tool\n  variants: [Knox]\n',
      'b.json': JSON.stringify([{ term: 'Knox Box', variants: ['Knox'] }]),
      'talk.md': SMALL,
    });
    const one = runCli(['build', join(dir, 'talk.md'), '-f', 'txt', '-d', join(dir, 'a.yaml')]);
    expect(one.stdout).toContain('the GIL problem. We use Knox Tool as task runner.');
    const two = runCli(['build', join(dir, 'talk.md'), '-f', 'txt', '-d', join(dir, 'a.yaml'), join(dir, 'b.json')]);
    expect(two.stdout).toContain('We use Knox Box as task runner.');
  });

  it('turns the default off with --no-default-dict', () => {
    const dir = files({ 'talk.md': SMALL });
    const run = runCli(['build', join(dir, 'talk.md'), '-f', 'txt', '--no-default-dict']);
    expect(run.stdout).toContain('the gill problem. We use Knox as task runner.');
  });

  it('puts term corrections in the JSON output', () => {
    const dir = files({ 'talk.md': SMALL });
    const json = JSON.parse(runCli(['build', join(dir, 'talk.md'), '-f', 'json']).stdout);
    expect(json.corrections.filter((c: { kind: string }) => c.kind === 'term')).toEqual([
      { line: 3, column: 22, from: 'gill', to: 'GIL', kind: 'term', rule: 'GIL, variant', confidence: 1 },
      { line: 3, column: 43, from: 'Knox', to: 'Nox', kind: 'term', rule: 'Nox, variant', confidence: 1 },
    ]);
  });

  it('writes the corrections log with --report, plain', () => {
    const dir = tempDir();
    const log = join(dir, 'fixes.log');
    const run = runCli(['build', EXAMPLE_PATH, '-o', dir, '-f', 'vtt', '--report', log, '-q'], { env: { FORCE_COLOR: '1' } });
    expect(run.status).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    expect(lines).toContain(`${EXAMPLE_PATH}:419:22  gill → GIL  (GIL, variant)`);
    expect(lines).toContain(`${EXAMPLE_PATH}:915:36  PEP X → pipx  (pipx, variant)`);
    expect(readFileSync(log, 'utf8')).not.toContain('\u001b[');
    expect(lines.filter((l) => l.includes('(GIL, variant)'))).toHaveLength(3);
  });

  it('writes nothing but the report with --dry-run (on stderr, plain under NO_COLOR)', () => {
    const dir = files({ 'talk.md': SMALL });
    const run = runCli(['build', join(dir, 'talk.md'), '--dry-run', '-q']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `${join(dir, 'talk.md')}:3:22  gill → GIL  (GIL, variant)\n${join(dir, 'talk.md')}:3:43  Knox → Nox  (Nox, variant)\n${join(dir, 'talk.md')}: 2 punctuation repairs not listed (see the JSON output's corrections)\n`,
    );
    expect(readdirSync(dir)).toEqual(['talk.md']);
  });

  it('checks --min-confidence', () => {
    const dir = files({ 'talk.md': SMALL });
    const run = runCli(['build', join(dir, 'talk.md'), '--min-confidence', 'lots']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--min-confidence takes a number from 0 to 1');
  });
});

describe('captions dict suggest', () => {
  it('reads dictionaries and transcripts in the encoding --encoding names, in both subcommands', () => {
    const dir = tempDir();
    const latin1 = (text: string) => Buffer.from(text, 'latin1');
    writeFileSync(join(dir, 'names.yaml'), latin1('- term: Renée\n  variants: [Renay]\n  specs:\n    - { in: "ask Renay", out: "ask Renée" }\n- term: Semgrep\n'));
    writeFileSync(join(dir, 'talk.md'), latin1('# Tools\n\n At the café we ran Samgrep on the code.\n'));
    const tested = runCli(['dict', 'test', join(dir, 'names.yaml'), '--encoding', 'windows-1252']);
    expect(tested.stdout).toContain('names.yaml: 2 entries, 1 specs passed, 0 failed');
    expect(tested.status).toBe(0);
    const suggested = runCli(['dict', 'suggest', join(dir, 'talk.md'), '--no-default-dict', '-d', join(dir, 'names.yaml'), '--encoding', 'windows-1252']);
    expect(suggested.status).toBe(0);
    expect(suggested.stdout).toMatch(/- "Samgrep" .*\n.*talk\.md:3: the café we ran Samgrep/);
    expect(runCli(['dict', 'test', join(dir, 'names.yaml'), '--encoding', 'klingon']).status).toBe(2);
  });

  it('proposes misheard spellings of dictionary terms as YAML, ranked by count', () => {
    const dir = files({ 'mine.yaml': '- term: Semgrep\n- term: Pyodide\n- term: Scikit-HEP\n' });
    const run = runCli(['dict', 'suggest', EXAMPLE_PATH, '--no-default-dict', '-d', join(dir, 'mine.yaml')]);
    expect(run.status).toBe(0);
    const proposals = parse(run.stdout) as Array<{ term: string; variants: string[] }>;
    const semgrep = proposals.find((p) => p.term === 'Semgrep');
    expect(semgrep?.variants.sort()).toEqual(['Samgrep', 'Samhgre']);
    expect(run.stdout).toMatch(/# .*pycon-2022-lightning-talks-day2-am\.md:373: .*Samgrep/);
    // nothing English is proposed
    expect(proposals.flatMap((p) => p.variants).every((v) => /^[A-Z]/.test(v) || !/^(the|and|code)$/.test(v))).toBe(true);
  });

  it('proposes nothing already in the dictionary', () => {
    const run = runCli(['dict', 'suggest', EXAMPLE_PATH]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toMatch(/Samgrep|Psycadep|PiDye/);
  });
});
