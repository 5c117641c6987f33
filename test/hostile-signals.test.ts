// Hostile inputs, case 6 of the hardening list: Ctrl-C and kill stop a build even of one large input
// (it runs where it can be interrupted), with exit 130/143 and nothing written; a device or FIFO is
// refused at once instead of read without end.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { BIN, EXAMPLE_TEXT, ROOT } from './helpers/example.js';

/** Starts a build, sends `signal` once it has had `after` ms to get going, and resolves with how it ended. */
function interruptBuild(args: string[], signal: NodeJS.Signals, after: number): Promise<{ code: number | null; stderr: string; ranFor: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let sentAt = 0;
    const timer = setTimeout(() => {
      sentAt = performance.now();
      child.kill(signal);
    }, after);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, ranFor: sentAt ? performance.now() - sentAt : -1 });
    });
  });
}

describe('signals stop a single-input build (case 6)', () => {
  // 30 talks in one file: many seconds of building, far more than the time before the signal
  const dir = tempDir();
  const big = join(dir, 'big.md');
  writeFileSync(big, Array.from({ length: 30 }, () => EXAMPLE_TEXT).join('\n'));

  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal}: exit ${code}, no output and no temporary file left`, async () => {
      const out = join(dir, `out-${signal}`);
      const run = await interruptBuild(['build', big, '-o', out + '/', '-f', 'vtt,srt,json'], signal, 1500);
      expect(run.ranFor).toBeGreaterThan(0);
      expect(run.code).toBe(code);
      expect(run.stderr).toBe('');
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    });
  }
});

describe('reads are bounded (case 6)', () => {
  it('refuses a device as an input, a dictionary, a roster or a markers file at once, in one line', () => {
    const dir = tempDir();
    const talk = join(dir, 't.md');
    writeFileSync(talk, '# T\n\nHello there.\n');
    const cases: Array<[string[], RegExp]> = [
      [['build', '/dev/zero'], /^\/dev\/zero: error: not a regular file \(a device\)/],
      [['check', '/dev/zero'], /^\/dev\/zero: error: not a regular file \(a device\)/],
      [['build', talk, '-d', '/dev/zero', '-f', 'vtt'], /^\/dev\/zero: error: not a regular file/],
      [['build', talk, '--markers', '/dev/zero', '-f', 'vtt'], /^\/dev\/zero: error: cannot read the markers file: not a regular file/],
      [['build', talk, '--speakers', '/dev/urandom', '-f', 'vtt'], /^\/dev\/urandom: error: not a regular file/],
      [['dict', 'test', '/dev/zero'], /^\/dev\/zero: error: not a regular file/],
    ];
    for (const [args, message] of cases) {
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(1);
      const output = (run.stderr + run.stdout).trim().split('\n').filter((l) => !/files? checked/.test(l));
      expect(output, args.join(' ')).toHaveLength(1);
      expect(output[0], args.join(' ')).toMatch(message);
    }
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.md');
    const mk = spawnSyncShell(`mkfifo '${fifo}'`);
    if (mk !== 0) return; // no mkfifo here
    const run = runCli(['build', fifo, '-f', 'vtt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/pipe\.md: error: not a regular file \(a pipe\)/);
  });

  it('refuses a transcript over the size limit from its size alone', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const huge = join(dir, 'in/huge.md');
    // a sparse file: 65 MB long, nothing on disk
    writeFileSync(huge, '');
    spawnSyncShell(`truncate -s 65M '${huge}'`);
    const run = runCli(['build', huge, '-f', 'vtt']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/huge\.md: error: file is 65 MB: a transcript or draft may be at most 64 MB$/);
  });
});

function spawnSyncShell(command: string): number | null {
  return spawnSync('sh', ['-c', command]).status;
}
