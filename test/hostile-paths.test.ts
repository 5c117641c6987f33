// Hostile inputs, cases 1, 2 and the last of 9 of the hardening list: nothing is written outside
// `-o`, and no input, option file, report, build record or other output is written over — compared
// by real path (symlinks) and by device and inode (hard links), before anything is written.

import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const SMALL = '# Small\n\nHello there, everyone.\n\nThanks.\n';
const DICT = 'entries:\n  - term: PyCon\n    variants: [pie con]\n';
const ROSTER = 'hosts: [Ann Host]\nspeakers:\n  - name: Bob Speaker\n';

/** Every file under a folder, as relative paths (symlinked folders are not followed). */
function walk(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(root, join(dir, e.name)) : [relative(root, join(dir, e.name))])).sort();
}

/** A folder with an input tree and the option files, each with known content. */
function setUp() {
  const dir = tempDir();
  mkdirSync(join(dir, 'in/day2'), { recursive: true });
  writeFileSync(join(dir, 'in/day2/t.md'), SMALL);
  writeFileSync(join(dir, 'd.yaml'), DICT);
  writeFileSync(join(dir, 'roster.yaml'), ROSTER);
  writeFileSync(join(dir, 'm.csv'), 'marker,time\n1,5\n');
  return dir;
}

describe('writes stay inside -o (case 1)', () => {
  it('refuses a symlinked subfolder of -o that leads elsewhere, and leaves its target alone', () => {
    const dir = setUp();
    mkdirSync(join(dir, 'elsewhere'));
    writeFileSync(join(dir, 'elsewhere/t.vtt'), 'precious\n');
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'out/day2'));
    const run = runCli(['build', join(dir, 'in'), '-o', join(dir, 'out'), '-f', 'vtt', '-q']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/in\/day2\/t\.md: error: refusing to write .*out\/day2\/t\.vtt: its folder leads outside the output directory .*out \(through a symlink/);
    expect(readFileSync(join(dir, 'elsewhere/t.vtt'), 'utf8')).toBe('precious\n');
    expect(readdirSync(join(dir, 'elsewhere'))).toEqual(['t.vtt']);
  });

  it('refuses a glob match whose mirrored path climbs out of -o with ..', () => {
    const dir = setUp();
    mkdirSync(join(dir, 'talks/a'), { recursive: true });
    mkdirSync(join(dir, 'secret'));
    writeFileSync(join(dir, 'secret/s.md'), SMALL);
    const run = runCli(['build', 'talks/*/../../secret/*.md', '-o', 'out/', '-f', 'vtt', '-q'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/refusing to write .*s\.vtt: it is outside the output directory/);
    expect(walk(dir).filter((f) => f.endsWith('.vtt'))).toEqual([]);
  });

  it('an input symlink into the output folder does not make reruns grow', () => {
    const dir = setUp();
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(dir, 'out'), join(dir, 'in/loop'));
    for (let i = 0; i < 3; i++) expect(runCli(['build', join(dir, 'in'), '-o', join(dir, 'out'), '-f', 'vtt', '-q']).status).toBe(0);
    expect(walk(join(dir, 'out'))).toEqual(['day2/t.vtt']);
  });
});

describe('no input or option file is written over (case 2)', () => {
  it('an input reached through a symlink is refused as an output', () => {
    const dir = setUp();
    writeFileSync(join(dir, 'talk.vtt'), 'WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n');
    mkdirSync(join(dir, 'out'));
    symlinkSync(join(dir, 'talk.vtt'), join(dir, 'out/talk.vtt'));
    const run = runCli(['build', join(dir, 'talk.vtt'), '-o', join(dir, 'out') + '/', '-f', 'vtt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/talk\.vtt:1: error: refusing to overwrite the input with .*out\/talk\.vtt/);
    expect(readFileSync(join(dir, 'talk.vtt'), 'utf8')).toContain('00:01.000');
  });

  it('an input hard-linked in the output folder is refused as an output', () => {
    const dir = setUp();
    mkdirSync(join(dir, 'out'));
    linkSync(join(dir, 'in/day2/t.md'), join(dir, 'out/t.txt'));
    const run = runCli(['build', join(dir, 'in/day2/t.md'), '-o', join(dir, 'out') + '/', '-f', 'txt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/refusing to overwrite the input with .*out\/t\.txt/);
  });

  const refusals: Array<[string, (dir: string) => string[], RegExp, string]> = [
    ['-d d.yaml --report d.yaml', (d) => ['-d', join(d, 'd.yaml'), '--report', join(d, 'd.yaml'), '-o', join(d, 'out')], /refusing to write the report to .*d\.yaml: it is the dictionary/, 'd.yaml'],
    ['--markers m.csv --report m.csv', (d) => ['--markers', join(d, 'm.csv'), '--report', join(d, 'm.csv'), '-o', join(d, 'out')], /refusing to write the report to .*m\.csv: it is the markers file/, 'm.csv'],
    ['-o d.yaml -f vtt', (d) => ['-d', join(d, 'd.yaml'), '-o', join(d, 'd.yaml'), '-f', 'vtt'], /refusing to write .*d\.yaml \(an output of .*t\.md\): it is the dictionary/, 'd.yaml'],
    ['-o roster.yaml -f vtt', (d) => ['--speakers', join(d, 'roster.yaml'), '-o', join(d, 'roster.yaml'), '-f', 'vtt'], /it is the roster/, 'roster.yaml'],
  ];
  for (const [name, args, message, kept] of refusals) {
    it(`refuses ${name} before anything is written (exit 2)`, () => {
      const dir = setUp();
      const before = readFileSync(join(dir, kept), 'utf8');
      const run = runCli(['build', join(dir, 'in/day2/t.md'), ...args(dir)]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
      expect(readFileSync(join(dir, kept), 'utf8')).toBe(before);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  }

  it('refuses a report that would replace captions of the run, or the build record', () => {
    const dir = setUp();
    const onCaptions = runCli(['build', join(dir, 'in'), '-o', join(dir, 'out') + '/', '-f', 'vtt', '--report', join(dir, 'out/day2/t.vtt')]);
    expect(onCaptions.status).toBe(2);
    expect(onCaptions.stderr).toMatch(/refusing to write .*out\/day2\/t\.vtt \(an output of .*t\.md\): it is the report/);
    const onRecord = runCli(['build', join(dir, 'in'), '-o', join(dir, 'out') + '/', '-f', 'vtt', '--changed-only', '--report', join(dir, 'out/.captions-state.json')]);
    expect(onRecord.status).toBe(2);
    expect(onRecord.stderr).toMatch(/refusing to write the report to .*\.captions-state\.json: it is the build record/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses the config file as an output', () => {
    const dir = setUp();
    writeFileSync(join(dir, 'captions.config.json'), '{"formats": "json"}\n');
    const run = runCli(['build', 'in/day2/t.md', '-o', 'captions.config.json'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/it is the config file .*captions\.config\.json/);
    expect(readFileSync(join(dir, 'captions.config.json'), 'utf8')).toBe('{"formats": "json"}\n');
  });
});

describe('outputs of two inputs never share a path (case 2)', () => {
  it('a.chapters.md and a.md: the chapters track of one is the captions of the other', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/a.md'), SMALL);
    writeFileSync(join(dir, 'in/a.chapters.md'), SMALL);
    const run = runCli(['build', join(dir, 'in'), '-o', join(dir, 'out'), '-f', 'vtt', '-q']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/in\/a\.md: error: its outputs would overwrite those of .*in\/a\.chapters\.md \(.*out\/a\.chapters\.vtt\)/);
  });

  it('day2.x.md and day2/x.md would share one review page', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in/day2'), { recursive: true });
    writeFileSync(join(dir, 'in/day2.x.md'), SMALL);
    writeFileSync(join(dir, 'in/day2/x.md'), SMALL);
    const run = runCli(['build', join(dir, 'in'), '-o', join(dir, 'out'), '-f', 'vtt', '--report', join(dir, 'review.html'), '-q']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: its outputs would overwrite those of .* \(.*review\.day2\.x\.html\)/);
    expect(readdirSync(dir).filter((f) => f.startsWith('review'))).toHaveLength(1);
  });
});
