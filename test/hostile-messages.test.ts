// Hostile inputs, cases 7 and 9 of the hardening list: a bad build record or config is a clear line
// (or a warning and a full rebuild), never a stack trace; write failures name the output and leave
// the previous outputs as they were; terminal output shows control characters instead of obeying
// them; line length counts what a viewer sees; concurrent --changed-only runs keep each other's records.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaptions } from '../src/read/captions.js';
import { checkCaptions } from '../src/check/rules.js';
import { NETFLIX } from '../src/cues/profile.js';
import { buildFromText } from '../src/pipeline.js';
import { textWidth } from '../src/cues/width.js';
import { runCli, tempDir } from './helpers/cli.js';
import { BIN, ROOT } from './helpers/example.js';

const SMALL = '# Small\n\nHello there, everyone.\n\nThanks.\n';

function twoInputs() {
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in/a.md'), SMALL);
  writeFileSync(join(dir, 'in/b.md'), SMALL.replace('Hello', 'Goodbye'));
  return dir;
}

describe('a hand-edited build record means "everything changed" (case 7)', () => {
  const records = {
    'files: null': '{"version": 2, "files": null}',
    'outputs not a list': '{"version": 2, "files": {"X": {"fingerprint": "f", "outputs": 5, "cues": 1, "corrections": 0, "diagnostics": []}}}',
    'diagnostics missing': '{"version": 2, "files": {"X": {"fingerprint": "f", "outputs": [], "cues": 1, "corrections": 0}}}',
    'not JSON': '{"version": 2, "fi',
  };
  for (const [name, text] of Object.entries(records)) {
    it(`${name}: a warning naming the record, every input rebuilt, exit 0`, () => {
      const dir = twoInputs();
      mkdirSync(join(dir, 'out'));
      writeFileSync(join(dir, 'out/.captions-state.json'), text.replace('"X"', JSON.stringify(join(dir, 'in/a.md'))));
      const run = runCli(['build', join(dir, 'in'), '-o', join(dir, 'out'), '-f', 'vtt', '--changed-only', '-q']);
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/\.captions-state\.json: warning: the build record cannot be used \(.+\): every input counts as changed\n$/);
      expect(readdirSync(join(dir, 'out')).sort()).toEqual(['.captions-state.json', 'a.vtt', 'b.vtt']);
      expect(Object.keys(JSON.parse(readFileSync(join(dir, 'out/.captions-state.json'), 'utf8')).files)).toHaveLength(2);
    });
  }

  it('a record that is a directory: the same warning, and a clear error where it is written', () => {
    const dir = twoInputs();
    mkdirSync(join(dir, 'out/.captions-state.json'), { recursive: true });
    const run = runCli(['build', join(dir, 'in'), '-o', join(dir, 'out'), '-f', 'vtt', '--changed-only', '-q']);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.stderr).toMatch(/warning: the build record cannot be used \(not a regular file \(a directory\)/);
    expect(run.stderr).toMatch(/captions: cannot write .*\.captions-state\.json: /);
    expect(run.status).toBe(1);
  });
});

describe('concurrent --changed-only runs keep each other\'s records (case 9)', () => {
  it('two runs on different inputs into one folder: both recorded', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const names = Array.from({ length: 6 }, (_, i) => `t${i}.md`);
    for (const n of names) writeFileSync(join(dir, 'in', n), SMALL.replace('Hello', `Hello ${n}`));
    const runOne = (files: string[]) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'build', ...files.map((f) => join(dir, 'in', f)), '-o', join(dir, 'out') + '/', '-f', 'vtt', '--changed-only', '-q', '-j', '1'], { cwd: ROOT });
        child.on('exit', resolve);
      });
    const codes = await Promise.all([runOne(names.slice(0, 3)), runOne(names.slice(3))]);
    expect(codes).toEqual([0, 0]);
    const recorded = Object.keys(JSON.parse(readFileSync(join(dir, 'out/.captions-state.json'), 'utf8')).files).map((f) => f.split('/').pop());
    expect(recorded.sort()).toEqual(names);
  });
});

describe('config values of the wrong kind (case 9)', () => {
  const cases: Array<[object, RegExp]> = [
    [{ build: null }, /"build" holds the options of captions build: it must be an object, not null/],
    [{ dict: 5 }, /"dict" holds the --dict files \(a name or a list of names\) or the options of captions dict \(an object\), not 5/],
    [{ markers: ['a', 'b'] }, /option "markers" takes one file name/],
  ];
  for (const [config, message] of cases) {
    it(`${JSON.stringify(config)}: one line, exit 2`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'captions.config.json'), JSON.stringify(config));
      writeFileSync(join(dir, 't.md'), SMALL);
      const run = runCli(['build', 't.md', '-f', 'vtt'], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    });
  }

  // a value the option's own parser refuses names the config file, the line and the key, not a flag
  const valueCases: Array<[string, string]> = [
    ['{\n  "profile": "bbc",\n  "maxCps": "fast"\n}', ':3: "maxCps" takes a number above 0 up to 200, not "fast"'],
    ['{\n  "build": { "profile": "nope" }\n}', ':2: "profile": unknown profile "nope" (choose from netflix, bbc)'],
    ['{ "formats": ["vtt", "xyz"] }', ':1: "formats": unknown format "xyz" (choose from vtt, srt, json, txt)'],
    ['{ "maxCps": 10, "build": { "maxCps": "x" } }', ': "maxCps" takes a number above 0 up to 200, not "x"'],
    ['{ "profile": ["bbc", "netflix"] }', ': option "profile" takes one value, not a list'],
  ];
  for (const [config, message] of valueCases) {
    it(`${config.replace(/\s+/g, ' ')}: the config's path and line, exit 2, nothing written`, () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'captions.config.json'), config);
      writeFileSync(join(dir, 't.md'), SMALL);
      const run = runCli(['build', 't.md', '-o', 'out'], { cwd: dir });
      expect([run.status, run.stderr]).toEqual([2, `captions: ${join(dir, 'captions.config.json')}${message}\n`]);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }

  it('dict suggest --min-score abc is bad usage', () => {
    const run = runCli(['dict', 'suggest', join(ROOT, 'fixtures/pycon-2022-lightning-talks-day2-am.md'), '--min-score', 'abc']);
    expect([run.status, run.stderr]).toEqual([2, 'captions: --min-score takes a number from 0 to 1, not "abc"\n']);
  });

  it('number options take decimals only: hexadecimal, binary and blank values are bad usage', () => {
    const example = join(ROOT, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
    for (const [flag, value] of [['--max-chars', '0x10'], ['--wpm', '0b10100000'], ['--jobs', '0o7'], ['--min-confidence', ' ']]) {
      const run = runCli(['build', example, flag, value, '-f', 'vtt', '-o', '-']);
      expect([run.status, run.stdout, run.stderr]).toEqual([2, '', expect.stringMatching(new RegExp(`^captions: ${flag} takes a .*not "${value}"\n$`))]);
    }
    expect(runCli(['dict', 'suggest', example, '--min-score', '0x1']).status).toBe(2);
  });

  it('an empty -o (an unset variable in a script) is bad usage, not "beside the input"', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.md'), SMALL);
    const run = runCli(['build', join(dir, 't.md'), '-o', '']);
    expect([run.status, run.stderr]).toEqual([2, 'captions: -o, --output: the path is empty (give a directory, a file, or - for stdout)\n']);
    expect(readdirSync(dir)).toEqual(['t.md']);
  });

  it('--max-lines and other limits have an upper bound', () => {
    const run = runCli(['build', join(ROOT, 'fixtures/pycon-2022-lightning-talks-day2-am.md'), '--max-lines', '1e12', '-f', 'vtt']);
    expect([run.status, run.stderr]).toEqual([2, 'captions: --max-lines takes a whole number above 0 up to 20, not "1e12"\n']);
  });
});

describe('write failures (case 9)', () => {
  it('name the output, not the input, and leave the previous set of outputs as it was (a full disk)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out/pycon-2022-lightning-talks-day2-am.vtt'), 'old vtt\n');
    writeFileSync(join(dir, 'out/pycon-2022-lightning-talks-day2-am.json'), 'old json\n');
    // a file size limit of 200 kB: the VTT (about 100 kB) can be written, the JSON cannot (EFBIG, as a full disk fails)
    const run = spawnSync('bash', ['-c', `ulimit -f 200; exec "$0" "$@"`, process.execPath, BIN, 'build', join(ROOT, 'fixtures/pycon-2022-lightning-talks-day2-am.md'), '-o', join(dir, 'out') + '/', '-f', 'vtt,json', '-q'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/day2-am\.md: error: cannot write .*out\/pycon-2022-lightning-talks-day2-am\.json: file too large/);
    expect(readFileSync(join(dir, 'out/pycon-2022-lightning-talks-day2-am.vtt'), 'utf8')).toBe('old vtt\n');
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['pycon-2022-lightning-talks-day2-am.json', 'pycon-2022-lightning-talks-day2-am.vtt']);
  });

  it('a folder where an output must go fails before any output of the set is replaced', () => {
    const dir = twoInputs();
    mkdirSync(join(dir, 'out/a.srt'), { recursive: true });
    writeFileSync(join(dir, 'out/a.vtt'), 'old vtt\n');
    const run = runCli(['build', join(dir, 'in/a.md'), '-o', join(dir, 'out') + '/', '-f', 'vtt,srt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/in\/a\.md: error: cannot write .*out\/a\.srt: is a directory/);
    expect(readFileSync(join(dir, 'out/a.vtt'), 'utf8')).toBe('old vtt\n');
    expect(readdirSync(join(dir, 'out')).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('what is printed and measured (case 9)', () => {
  it('control characters of a file name or of the text are escaped in messages', () => {
    const run = runCli(['build', join(tempDir(), 'no\u001b]0;x\u0007such.md'), '-f', 'vtt']);
    expect(run.stderr).toContain('no\\u001b]0;x\\u0007such.md: error:');
    expect(run.stderr).not.toMatch(/[\u0007\u001b]/);
  });

  it('UTF-16 without a byte order mark is named as such', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'u16.md'), Buffer.from(SMALL, 'utf16le'));
    const run = runCli(['build', join(dir, 'u16.md'), '-f', 'vtt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/u16\.md:1: error: file looks like UTF-16LE without a byte order mark: give it with --encoding utf-16le/);
  });

  it('a transcript of punctuation only is an error with its line, exit 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'p.md'), '# P\n\n。。。\n\n！！\n');
    const run = runCli(['build', join(dir, 'p.md'), '-f', 'vtt']);
    expect([run.status, run.stdout]).toEqual([1, '']);
    expect(run.stderr).toMatch(/p\.md:3: error: no words found/);
  });

  it('line length counts characters as seen: combining marks and emoji count once', () => {
    expect(textWidth('Cafe\u0301')).toBe(4);
    expect(textWidth('👩‍👩‍👧‍👦 ok')).toBe(4);
    // 40 decomposed letters (80 UTF-16 units) fit a 42-character line
    const line = 'e\u0301'.repeat(40);
    const findings = checkCaptions(parseCaptions(`WEBVTT\n\n00:00.000 --> 00:05.000\n${line}\n`), { profile: NETFLIX });
    expect(findings.filter((f) => f.code === 'line-too-long')).toEqual([]);
    const doc = buildFromText(`# T\n\n${Array.from({ length: 12 }, () => 'cafe\u0301').join(' ')}.\n`, 't.md');
    expect(doc.cues).toHaveLength(1);
    expect(doc.cues[0].lines.every((l) => textWidth(l) <= 42)).toBe(true);
  });
});
