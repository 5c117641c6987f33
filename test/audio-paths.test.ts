// The --audio recording and map are files the run reads: no output of `build` or `sync` may land on
// them (refused before anything is written), and `sync -o` may not be the draft or its recording.

import { linkSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

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
