// The --audio recording and map are files the run reads: no output of `build` or `sync` may land on
// them (refused before anything is written), and `sync -o` may not be the draft or its recording.

import { execFileSync, spawnSync } from 'node:child_process';
import { linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { BIN } from './helpers/example.js';

const TRANSCRIPT = '# A talk\n\nGood morning, and thank you all for coming today.\n';
const RECORDING = Buffer.from('not really a recording, but it must stay as it is');

describe('the --audio files are never written', () => {
  it('refuses to write a build output over the --audio map', () => {
    const dir = tempDir('captions-audio-paths-');
    writeFileSync(join(dir, 'talk.md'), TRANSCRIPT);
    const map = JSON.stringify({ 'talk.md': 'talk.mp3' });
    writeFileSync(join(dir, 'talk.json'), map);
    const run = runCli(['build', 'talk.md', '--audio', 'talk.json', '-f', 'json,srt', '--no-speakers'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/refusing to write .*talk\.json.*the --audio map/);
    expect(readFileSync(join(dir, 'talk.json'), 'utf8')).toBe(map);
  });

  it('refuses to write a build output over the recording, also through a hard link', () => {
    const dir = tempDir('captions-audio-paths-');
    writeFileSync(join(dir, 'a.md'), TRANSCRIPT);
    writeFileSync(join(dir, 'a.mp3'), RECORDING);
    linkSync(join(dir, 'a.mp3'), join(dir, 'linked.srt'));
    for (const output of ['a.mp3', 'linked.srt']) {
      const run = runCli(['build', 'a.md', '--audio', 'a.mp3', '-o', output, '-f', 'srt', '--no-speakers'], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/the recording a\.mp3/);
      expect(readFileSync(join(dir, 'a.mp3'))).toEqual(RECORDING);
    }
  });
});

describe('captions sync -o', () => {
  it('refuses to write over the recording or the draft, also through a hard link or a symlink', () => {
    const dir = tempDir('captions-audio-paths-');
    const draft = '1\n00:00:01,000 --> 00:00:02,000\nHello.\n';
    writeFileSync(join(dir, 's.srt'), draft);
    writeFileSync(join(dir, 's.mp3'), RECORDING);
    linkSync(join(dir, 's.mp3'), join(dir, 'linked.srt'));
    symlinkSync(join(dir, 's.srt'), join(dir, 'alias.srt'));
    for (const output of ['s.mp3', 'linked.srt', 'alias.srt', './s.srt']) {
      const run = runCli(['sync', 's.srt', '--audio', 's.mp3', '-o', output], { cwd: dir });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/refusing to write the synced draft/);
      expect(readFileSync(join(dir, 's.mp3'))).toEqual(RECORDING);
      expect(readFileSync(join(dir, 's.srt'), 'utf8')).toBe(draft);
    }
  });
});

describe('bounded reads of the draft and the map', () => {
  // before the bounds these reads never ended: a timeout, not a hang, says so
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });

  it('refuses a device or a FIFO as the sync draft at once, with one line naming it', () => {
    const dir = tempDir('captions-audio-paths-');
    execFileSync('mkfifo', [join(dir, 'pipe.srt')]);
    for (const draft of ['/dev/zero', join(dir, 'pipe.srt')]) {
      const result = run(['sync', draft, '--audio', 'none.mp3'], dir);
      expect(result.status).toBe(1);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toContain(draft);
      expect(result.stderr).toMatch(/not a regular file/);
    }
  });

  it('refuses a device as the --audio map, and reads a map in another encoding', () => {
    const dir = tempDir('captions-audio-paths-');
    writeFileSync(join(dir, 'talk.md'), TRANSCRIPT);
    symlinkSync('/dev/zero', join(dir, 'zero.json'));
    const zero = run(['build', 'talk.md', '--audio', 'zero.json', '-o', 'out'], dir);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toMatch(/zero\.json: cannot read the map: not a regular file/);
    // a UTF-16 map (with its byte order mark) names the recording: the failure is the recording's, not the map's
    writeFileSync(join(dir, 'map.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('talk.md,talk.mp3\r\n', 'utf16le')]));
    const mapped = run(['build', 'talk.md', '--audio', 'map.csv', '-o', 'out', '--no-speakers'], dir);
    expect(mapped.stderr).not.toMatch(/map/);
    expect(mapped.stderr).toMatch(/talk\.mp3/);
  });
});

describe('"audio" in the config file', () => {
  it('takes true (the recording beside each transcript) as well as a file name', () => {
    const dir = tempDir('captions-audio-paths-');
    writeFileSync(join(dir, 'talk.md'), TRANSCRIPT);
    writeFileSync(join(dir, 'captions.config.json'), JSON.stringify({ audio: true }));
    const run = runCli(['build', 'talk.md', '-o', 'out', '--no-speakers'], { cwd: dir });
    // the option is taken: the input fails for want of a recording beside it, not the run for bad usage
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/--audio: no recording beside it/);
    writeFileSync(join(dir, 'captions.config.json'), JSON.stringify({ audio: 12 }));
    const bad = runCli(['build', 'talk.md', '-o', 'out', '--no-speakers'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/option "audio" takes one file name or true/);
  });
});
