// Batch runs: directories and globs, bad files that do not stop the batch, interrupted runs that
// leave no partial output, --json, --fail-on, --changed-only and the config file.

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLE_PATH, ROOT } from './helpers/example.js';
import { runCli, tempDir } from './helpers/cli.js';
import { parseVttStrict, parseWithSubtitle } from './helpers/parsers.js';

const SMALL = '# Small\n\n Hello there， everyone。\n\n Thanks。\n';

/** Every file under a directory, relative to it, sorted. */
function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f), { throwIfNoEntry: false })?.isFile())
    .sort();
}

function writeBadFiles(dir: string): Record<string, string> {
  writeFileSync(join(dir, 'empty.md'), '');
  writeFileSync(join(dir, 'binary.md'), Buffer.from([0x23, 0x20, 0x41, 0x0a, 0x0a, 0x20, 0x00, 0xff, 0x10]));
  writeFileSync(join(dir, 'latin1.md'), Buffer.concat([Buffer.from('# Talk\n\n Caf'), Buffer.from([0xe9]), Buffer.from(' talk.\n')]));
  // UTF-16 without its byte order mark: named, not guessed
  writeFileSync(join(dir, 'utf16.md'), Buffer.from('# Talk\n\n Hello.\n', 'utf16le'));
  writeFileSync(join(dir, 'one-line.md'), '# Huge\n\n ' + 'word '.repeat(4 * 1024 * 1024) + '\n');
  writeFileSync(join(dir, 'markers-only.md'), '# Slides\n\n![](img/a_1.png)\n![](img/a_2.png)\n');
  return {
    'empty.md': ':1: error: empty transcript',
    'binary.md': ':3: error: file contains NUL bytes',
    'latin1.md': ':3: error: file is not valid UTF-8',
    'utf16.md': ':1: error: file looks like UTF-16LE without a byte order mark: give it with --encoding utf-16le',
    'one-line.md': ':3: error: line is 20,971,521 characters long',
    'markers-only.md': ':3: error: no speech found',
  };
}

describe('captions build on a batch', () => {
  it('builds every good file, reports every bad one in one line, exits 1 and leaves no partial output', () => {
    const dir = tempDir();
    const input = join(dir, 'talks');
    mkdirSync(join(input, 'day2'), { recursive: true });
    copyFileSync(EXAMPLE_PATH, join(input, 'day2', 'lightning.md'));
    writeFileSync(join(input, 'small.md'), SMALL);
    const expected = writeBadFiles(input);
    // Not an input kind: a directory walk passes over it.
    writeFileSync(join(input, 'terms.yaml'), 'entries: [unclosed\n');
    const out = join(dir, 'out');
    const run = runCli(['build', input, '-o', out, '--jobs', '2']);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n').filter((l) => !l.includes(': warning: '));
    expect(lines).toHaveLength(Object.keys(expected).length + 1);
    for (const [file, message] of Object.entries(expected)) {
      expect(lines.filter((l) => l.startsWith(join(input, file) + message))).toHaveLength(1);
    }
    expect(lines.at(-1)).toMatch(/^captions: 8 files \(2 built, 6 failed\)/);
    expect(walk(out)).toEqual(['day2/lightning.chapters.vtt', 'day2/lightning.markers.vtt', 'day2/lightning.srt', 'day2/lightning.vtt', 'small.srt', 'small.vtt']);
    expect(parseVttStrict(readFileSync(join(out, 'day2/lightning.vtt'), 'utf8')).errors).toEqual([]);
    expect(parseWithSubtitle(readFileSync(join(out, 'day2/lightning.srt'), 'utf8')).length).toBeGreaterThan(900);
  });

  it('expands globs, mirrors the tree below the glob base, and builds a file named twice once', () => {
    const dir = tempDir();
    for (const sub of ['a', 'b/c']) {
      mkdirSync(join(dir, 'in', sub), { recursive: true });
      writeFileSync(join(dir, 'in', sub, 'talk.md'), SMALL);
    }
    writeFileSync(join(dir, 'in', 'b', 'notes.txt'), 'not a transcript');
    const out = join(dir, 'out');
    const run = runCli(['build', join(dir, 'in/**/*.md'), join(dir, 'in/a/talk.md'), '-o', out, '-f', 'srt']);
    expect(run.status).toBe(0);
    expect(walk(out)).toEqual(['a/talk.srt', 'b/c/talk.srt']);
    const none = runCli(['build', join(dir, 'in/**/*.vtt'), '-o', out]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain(`${join(dir, 'in/**/*.vtt')}: error: no files match this pattern`);
  });

  it('gives byte-identical outputs with one job and with two', () => {
    const dir = tempDir();
    for (let i = 0; i < 4; i++) writeFileSync(join(dir, `t${i}.md`), i % 2 ? SMALL : readFileSync(EXAMPLE_PATH));
    const files = ['t0.md', 't1.md', 't2.md', 't3.md'].map((f) => join(dir, f));
    const one = runCli(['build', ...files, '-o', join(dir, 'one'), '-f', 'vtt,srt,json', '--jobs', '1', '-q']);
    const two = runCli(['build', ...files, '-o', join(dir, 'two'), '-f', 'vtt,srt,json', '--jobs', '2', '-q']);
    expect([one.status, two.status]).toEqual([0, 0]);
    expect(walk(join(dir, 'one'))).toHaveLength(16); // two examples with a chapters and a slide-marker track each
    for (const f of walk(join(dir, 'one'))) expect(readFileSync(join(dir, 'two', f)).equals(readFileSync(join(dir, 'one', f)))).toBe(true);
  });

  it('prints one JSON summary with --json, and fails on warnings with --fail-on warning', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.md'), '');
    // A reading speed of 10 characters a second gives the example warnings.
    const run = runCli(['build', EXAMPLE_PATH, join(dir, 'empty.md'), '-o', dir, '--json', '--max-cps', '10']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.exitCode).toBe(1);
    expect(report.summary).toMatchObject({ files: 2, built: 1, failed: 1, skipped: 0 });
    expect(report.summary.cues).toBe(report.files[0].cues);
    expect(report.files[0]).toMatchObject({ input: EXAMPLE_PATH, status: 'built', outputs: ['vtt', 'chapters.vtt', 'markers.vtt', 'srt'].map((ext) => join(dir, `pycon-2022-lightning-talks-day2-am.${ext}`)) });
    expect(report.files[1]).toMatchObject({ status: 'failed', outputs: [], diagnostics: [{ line: 1, severity: 'error' }] });
    // Warnings are fine by default, a failure when warnings fail.
    expect(report.files[0].warnings).toBeGreaterThan(0);
    expect(runCli(['build', EXAMPLE_PATH, '-o', dir, '-q', '--max-cps', '10']).status).toBe(0);
    expect(runCli(['build', EXAMPLE_PATH, '-o', dir, '-q', '--max-cps', '10', '--fail-on', 'warning']).status).toBe(1);
    // The example alone warns that two spellings were taken as one speaker; the roster settles it.
    expect(runCli(['build', EXAMPLE_PATH, '-o', dir, '-q', '--fail-on', 'warning']).status).toBe(1);
    expect(runCli(['build', EXAMPLE_PATH, '-o', dir, '-q', '--fail-on', 'warning', '--speakers', join(ROOT, 'test/fixtures/example-roster.yaml')]).status).toBe(0);
  });

  it('skips unchanged inputs with --changed-only, and rebuilds when the input or the options change', () => {
    const dir = tempDir();
    const a = join(dir, 'a.md');
    const b = join(dir, 'b.md');
    writeFileSync(a, SMALL);
    writeFileSync(b, SMALL.replace('Hello', 'Goodbye'));
    const out = join(dir, 'out');
    const build = (...extra: string[]) => JSON.parse(runCli(['build', a, b, '-o', out, '--changed-only', '--json', ...extra]).stdout).summary;
    expect(build()).toMatchObject({ built: 2, skipped: 0 });
    expect(build()).toMatchObject({ built: 0, skipped: 2 });
    const later = new Date(Date.now() + 5000);
    utimesSync(a, later, later);
    expect(build()).toMatchObject({ built: 1, skipped: 1 });
    expect(build('--wpm', '150')).toMatchObject({ built: 2, skipped: 0 });
    expect(runCli(['build', a, '--changed-only']).status).toBe(2);
  });

  it('takes options from a config file found upward, command-line flags winning', () => {
    const dir = tempDir();
    const work = join(dir, 'project', 'talks');
    mkdirSync(work, { recursive: true });
    writeFileSync(join(work, 'talk.md'), SMALL);
    writeFileSync(join(dir, 'project', 'captions.config.json'), JSON.stringify({ formats: ['srt', 'json'], build: { output: 'out' } }));
    expect(runCli(['build', 'talk.md'], { cwd: work }).status).toBe(0);
    // Paths in the config are relative to the config file, wherever the tool runs.
    expect(walk(join(dir, 'project', 'out'))).toEqual(['talk.json', 'talk.srt']);
    expect(runCli(['build', 'talk.md', '-f', 'vtt', '-o', 'flags/'], { cwd: work }).status).toBe(0);
    expect(walk(join(work, 'flags'))).toEqual(['talk.vtt']);

    writeFileSync(join(dir, 'project', 'captions.config.json'), '{\n  "formats": "srt",\n  "fromats": "vtt"\n}\n');
    const unknown = runCli(['build', 'talk.md'], { cwd: work });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`${join(dir, 'project', 'captions.config.json')}: unknown option "fromats"`);
    writeFileSync(join(dir, 'project', 'captions.config.json'), '{\n  "formats": "srt",\n  "output": \n}\n');
    const broken = runCli(['build', 'talk.md'], { cwd: work });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(`${join(dir, 'project', 'captions.config.json')}:4: config is not valid JSON: Unexpected token '}'`);
  });

  it('reads the captions key of package.json', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'talks', captions: { formats: 'txt' } }));
    writeFileSync(join(dir, 'talk.md'), SMALL);
    expect(runCli(['build', 'talk.md', '-o', 'out/'], { cwd: dir }).status).toBe(0);
    expect(walk(join(dir, 'out'))).toEqual(['talk.txt']);
  });
});

/** Starts a batch, kills it once some outputs exist, and resolves when it has exited. */
async function killMidBatch(args: string[], out: string, signal: NodeJS.Signals): Promise<number | null> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, sig) => resolve(code ?? (sig ? -1 : null))));
  for (let waited = 0; waited < 30_000; waited += 20) {
    if (walk(out).filter((f) => f.endsWith('.vtt')).length >= 3) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill(signal);
  return exited;
}

describe('an interrupted batch', () => {
  const setUp = () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    for (let i = 0; i < 60; i++) copyFileSync(EXAMPLE_PATH, join(input, `talk${String(i).padStart(2, '0')}.md`));
    const reference = runCli(['build', join(input, 'talk00.md'), '-o', join(dir, 'ref'), '-f', 'vtt,srt,json', '-q']);
    expect(reference.status).toBe(0);
    return { dir, input, out: join(dir, 'out') };
  };
  const expectOnlyComplete = (dir: string, out: string) => {
    const files = walk(out).filter((f) => !f.startsWith('.') && !f.includes('/.'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const ext = file.slice(file.indexOf('.'));
      const [written, reference] = [join(out, file), join(dir, 'ref', `talk00${ext}`)].map((f) => readFileSync(f, 'utf8'));
      // The JSON names its source file; everything else is the same bytes for the same input.
      if (ext === '.json') expect({ ...JSON.parse(written), source: '' }, `${file} is complete`).toEqual({ ...JSON.parse(reference), source: '' });
      else expect(written === reference, `${file} is complete`).toBe(true);
    }
    return files;
  };

  it('stopped with SIGTERM, leaves only complete outputs and no temporary files', async () => {
    const { dir, input, out } = setUp();
    const code = await killMidBatch(['build', input, '-o', out, '-f', 'vtt,srt,json', '--jobs', '2', '-q'], out, 'SIGTERM');
    expect(code).toBe(143);
    const files = expectOnlyComplete(dir, out);
    expect(files.length).toBeLessThan(300);
    expect(walk(out).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('killed outright (SIGKILL), leaves only complete outputs under their names, and a re-run finishes the job', async () => {
    const { dir, input, out } = setUp();
    await killMidBatch(['build', input, '-o', out, '-f', 'vtt,srt,json', '--jobs', '2', '-q'], out, 'SIGKILL');
    expectOnlyComplete(dir, out);
    const rerun = runCli(['build', input, '-o', out, '-f', 'vtt,srt,json', '--jobs', '2', '-q']);
    expect(rerun.status).toBe(0);
    expect(expectOnlyComplete(dir, out)).toHaveLength(300); // vtt, chapters.vtt, markers.vtt, srt, json for each
    expect(walk(out).filter((f) => relative(out, join(out, f)).includes('.tmp-'))).toEqual([]);
  });
});

describe('the progress bar', () => {
  // `script` (util-linux) runs the command on a pseudo-terminal, so the tool sees a TTY.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('shows files done, the current file and an ETA on a terminal, and only a summary otherwise', () => {
    const dir = tempDir();
    const input = join(dir, 'in');
    mkdirSync(input);
    for (let i = 0; i < 6; i++) writeFileSync(join(input, `t${i}.md`), SMALL);
    const command = `${process.execPath} ${BIN} build ${input} -o ${join(dir, 'out')} --jobs 2`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    const screen = tty.stdout.replace(/\x1b\[[0-9;?]*[a-zA-Z]|\x1b[78]/g, '');
    expect(screen).toMatch(/captions .* [1-6]\/6 files \| ETA \w+ \| .*t\d\.md/);
    expect(screen).toMatch(/captions: 6 files \(6 built, 0 failed\)/);
    const piped = runCli(['build', input, '-o', join(dir, 'out2'), '--jobs', '2']);
    expect(piped.stderr).toMatch(/^captions: 6 files \(6 built, 0 failed\); 12 cues, \d+ corrections, 0 warnings in [\d.]+ s\n$/);
  });
});

describe('batch edge cases', () => {
  it('says why an input loses a clash of output paths, and mirrors files named one by one below their common folder', () => {
    const dir = tempDir();
    for (const sub of ['d1', 'd2']) {
      mkdirSync(join(dir, sub));
      writeFileSync(join(dir, sub, 'intro.md'), SMALL);
    }
    writeFileSync(join(dir, 'd1', 'intro.srt'), '1\n00:00:01,000 --> 00:00:02,000\nHello.\n');
    const run = runCli(['build', join(dir, 'd1/intro.md'), join(dir, 'd2/intro.md'), join(dir, 'd1/intro.srt'), '-o', join(dir, 'out'), '-f', 'vtt', '-q']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'd1/intro.srt')}: error: its outputs would overwrite those of ${join(dir, 'd1/intro.md')}`);
    expect(walk(join(dir, 'out'))).toEqual(['d1/intro.vtt', 'd2/intro.vtt']);
  });

  it('builds a folder again without -o, passing by the outputs it wrote beside the transcripts', () => {
    const dir = tempDir();
    copyFileSync(EXAMPLE_PATH, join(dir, 'talk.md'));
    expect(runCli(['build', dir, '-q']).status).toBe(0);
    const again = runCli(['build', dir, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout).summary).toMatchObject({ files: 1, built: 1, failed: 0 });
  });

  it('--changed-only replays the warnings of skipped inputs and is not fooled by its own report', () => {
    const dir = tempDir();
    copyFileSync(EXAMPLE_PATH, join(dir, 'talk.md'));
    const args = ['build', join(dir, 'talk.md'), '-o', join(dir, 'out'), '--changed-only', '--fail-on', 'warning', '--report', join(dir, 'changes.log'), '-q', '--json'];
    const first = runCli(args);
    const second = runCli(args);
    expect(first.status).toBe(1); // the example warns about a speaker's two spellings
    expect(JSON.parse(second.stdout).summary).toMatchObject({ skipped: 1, built: 0 });
    expect(second.status).toBe(1);
  });

  it('keeps stdout for the --json summary: the captions need -o, and the terminal review goes to stderr', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.md'), SMALL);
    const clash = runCli(['build', join(dir, 'a.md'), '-f', 'srt', '--json']);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toContain('--json prints its summary on stdout');
    const run = runCli(['build', join(dir, 'a.md'), '-o', join(dir, 'out'), '--report', '-', '--json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).summary.built).toBe(1);
    expect(run.stderr).toContain('Hello there');
  });

  it('reads dict and the negated flags from the config file', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'talk.md'), '# T\n\n Zorb spoke。\n\n Thanks Zorb。\n');
    writeFileSync(join(dir, 'terms.yaml'), '- term: Zorblax\n  variants: [Zorb]\n');
    writeFileSync(join(dir, 'captions.config.json'), JSON.stringify({ dict: ['terms.yaml'], speakers: false, formats: 'txt' }));
    mkdirSync(join(dir, 'sub'));
    expect(runCli(['build', '../talk.md', '-o', '-'], { cwd: join(dir, 'sub') }).stdout).toContain('Zorblax spoke. Thanks Zorblax.');
  });

  it('warns that timing options do not apply to a caption draft, whose timing is kept', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'draft.srt'), '1\n00:00:01,000 --> 00:00:02,000\nHello。\n');
    const run = runCli(['build', join(dir, 'draft.srt'), '-o', join(dir, 'out') + '/', '--duration', '60', '--wpm', '150', '-f', 'srt']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${join(dir, 'draft.srt')}:1: warning: a caption draft keeps its timing: the duration, speech rate options do not apply [timing-kept]`);
    expect(readFileSync(join(dir, 'out', 'draft.srt'), 'utf8')).toBe('1\n00:00:01,000 --> 00:00:02,000\nHello.\n');
  });
});
