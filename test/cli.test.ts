import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH } from './helpers/example.js';

const SMALL = '# Small\n\n Hello there， everyone。\n\n Thanks。\n';

describe('captions build', () => {
  it('writes to stdout with one input, one format and no -o', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'small.md'), SMALL);
    const run = runCli(['build', join(dir, 'small.md'), '-f', 'srt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^1\n00:00:00,000 --> 00:00:0\d,\d{3}\nHello there, everyone\.\n/);
    expect(readdirSync(dir)).toEqual(['small.md']);
  });

  it('reads stdin given as -', () => {
    const run = runCli(['build', '-', '-f', 'vtt'], { input: SMALL });
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('WEBVTT\n\n1\n')).toBe(true);
  });

  it('writes a single named file with -o file.json', () => {
    const dir = tempDir();
    const run = runCli(['build', EXAMPLE_PATH, '-f', 'json', '-o', join(dir, 'talk.json'), '-q']);
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['talk.json']);
    expect(JSON.parse(readFileSync(join(dir, 'talk.json'), 'utf8')).cues.length).toBeGreaterThan(500);
  });

  it('writes the default formats (vtt, srt) beside the input without -o', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'small.md'), SMALL);
    expect(runCli(['build', join(dir, 'small.md')]).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['small.md', 'small.srt', 'small.vtt']);
  });

  it('keeps going past a bad input, names file and line, and exits 1', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'good.md'), SMALL);
    writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x00, 0x01]));
    const out = join(dir, 'out');
    const run = runCli(['build', join(dir, 'empty.md'), join(dir, 'good.md'), join(dir, 'binary.md'), '-o', out]);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines.slice(0, -1)).toEqual([
      `${join(dir, 'empty.md')}:1: error: empty transcript: no title, speech or markers`,
      `${join(dir, 'binary.md')}:2: error: file contains NUL bytes: binary data, not a text transcript`,
    ]);
    expect(lines.at(-1)).toMatch(/^captions: 3 files \(1 built, 2 failed\); 2 cues, \d+ corrections, 0 warnings in [\d.]+ s$/);
    expect(readdirSync(out).sort()).toEqual(['good.srt', 'good.vtt']);
  });

  it('exits 2 on bad usage', () => {
    expect(runCli(['build']).status).toBe(2);
    expect(runCli(['build', EXAMPLE_PATH, '-f', 'doc']).status).toBe(2);
    expect(runCli(['build', EXAMPLE_PATH, '--wpm', 'fast']).status).toBe(2);
    expect(runCli(['frobnicate']).status).toBe(2);
    const twoFormatsToFile = runCli(['build', '-', '-f', 'vtt,srt'], { input: SMALL });
    expect([twoFormatsToFile.status, twoFormatsToFile.stderr]).toEqual([2, 'captions: reading stdin with several formats needs -o <dir>\n']);
  });

  it('names a missing input and exits 1', () => {
    const run = runCli(['build', 'no-such-file.md', '-f', 'vtt']);
    expect([run.status, run.stderr]).toEqual([1, 'no-such-file.md: error: cannot read: no such file\n']);
  });

  it('never overwrites its input', () => {
    const dir = tempDir();
    const input = join(dir, 'talk.vtt');
    writeFileSync(input, SMALL);
    const run = runCli(['build', input, '-f', 'vtt', '-o', dir + '/']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refusing to overwrite the input');
    expect(readFileSync(input, 'utf8')).toBe(SMALL);
  });

  it('leaves no temporary files behind', () => {
    const dir = tempDir();
    expect(runCli(['build', EXAMPLE_PATH, '-o', dir, '-f', 'vtt,srt,json,txt', '-q']).status).toBe(0);
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('prints warnings as file:line diagnostics unless --quiet', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'long.md'), ` Visit https://example.com/${'a'.repeat(60)} now。\n`);
    const run = runCli(['build', join(dir, 'long.md'), '-f', 'srt']);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/long\.md:1: warning: .* longer than 42 characters .*\[line-too-long\]/);
    expect(runCli(['build', join(dir, 'long.md'), '-f', 'srt', '-q']).stderr).toBe('');
    expect(existsSync(join(dir, 'long.srt'))).toBe(false);
  });

  it('honours --wpm', () => {
    const end = (args: string[]) => {
      const json = JSON.parse(runCli(['build', EXAMPLE_PATH, '-f', 'json', '-q', ...args]).stdout);
      return json.cues[json.cues.length - 1].end;
    };
    expect(end(['--wpm', '120']) / end(['--wpm', '240'])).toBeGreaterThan(1.6);
  });
});
