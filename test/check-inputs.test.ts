// `captions check` on what a CI job hands it: a directory of built captions (companion tracks passed
// by), and the dictionary's canonical forms as warnings.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH } from './helpers/example.js';

describe('captions check', () => {
  it('walks a directory for .srt and .vtt files, passing chapter and marker tracks by', () => {
    const dir = tempDir();
    const out = join(dir, 'captions', 'day2');
    expect(runCli(['build', EXAMPLE_PATH, '-o', out, '-f', 'vtt,srt', '-q']).status).toBe(0);
    const run = runCli(['check', join(dir, 'captions'), '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    const files = (report.files as Array<{ file: string }>).map((f) => f.file).sort();
    expect(files).toEqual([join(out, 'pycon-2022-lightning-talks-day2-am.srt'), join(out, 'pycon-2022-lightning-talks-day2-am.vtt')]);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const none = runCli(['check', empty]);
    expect(none.status).toBe(1);
    expect(none.stdout).toContain(`${empty}: error: no .srt, .vtt files in this directory`);
  });

  it('reports terms not in their canonical form with --terms or -d, at their line, as warnings', () => {
    const dir = tempDir();
    const vtt = join(dir, 'talk.vtt');
    writeFileSync(vtt, 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nThe gill problem, again.\n\n2\n00:00:04.000 --> 00:00:06.000\nA fish and its gill.\n');
    expect(runCli(['check', vtt]).stdout).not.toContain('[term]');
    const run = runCli(['check', vtt, '--terms', '--format', 'github']);
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([`::warning file=${vtt},line=5::column 5: "gill" is written "GIL" (GIL, variant) [term]`]);
    writeFileSync(join(dir, 'fish.yaml'), '- term: Gill Sans\n  variants: [gill sands]\n');
    writeFileSync(vtt, 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nSet in gill sands.\n');
    expect(runCli(['check', vtt, '-d', join(dir, 'fish.yaml')]).stdout).toContain(`${vtt}:5: warning: column 8: "gill sands" is written "Gill Sans"`);
  });
});
