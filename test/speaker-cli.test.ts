// The speaker flags of `captions build`: --no-speakers, --speaker-labels.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH } from './helpers/example.js';

const NAME = 'pycon-2022-lightning-talks-day2-am';

describe('captions build speaker flags', () => {
  it('--no-speakers keeps one segment, no voices, no labels, no chapters', () => {
    const dir = tempDir();
    expect(runCli(['build', EXAMPLE_PATH, '--no-speakers', '-o', dir, '-f', 'vtt,srt,json', '-q']).status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['json', 'markers.vtt', 'srt', 'vtt'].map((f) => `${NAME}.${f}`));
    const json = JSON.parse(readFileSync(join(dir, `${NAME}.json`), 'utf8'));
    expect(json.segments).toHaveLength(1);
    expect(json.segments[0]).toMatchObject({ speaker: null, role: null });
    expect(readFileSync(join(dir, `${NAME}.vtt`), 'utf8')).not.toContain('<v ');
    expect(readFileSync(join(dir, `${NAME}.srt`), 'utf8')).not.toMatch(/^(?:JEFF:|>>) /m);
  });

  it('--speaker-labels change (default), every and none shape the SRT', () => {
    const srtWith = (...flags: string[]) => {
      const run = runCli(['build', EXAMPLE_PATH, '-f', 'srt', '-o', '-', '-q', ...flags]);
      expect(run.status).toBe(0);
      return run.stdout;
    };
    const byDefault = srtWith();
    expect(byDefault.match(/^JEFF: /gm)).toHaveLength(1);
    expect(byDefault.match(/^[A-Z][A-Z -]+: /gm)).toHaveLength(9); // nine named talks (Jay's name is only the host's)
    expect(srtWith('--speaker-labels', 'every').match(/^JEFF: /gm)!.length).toBeGreaterThan(20);
    expect(srtWith('--speaker-labels', 'none')).not.toMatch(/^(?:[A-Z][A-Z -]+:|>>) /m);
  });

  it('refuses an unknown --speaker-labels mode with exit 2', () => {
    const run = runCli(['build', EXAMPLE_PATH, '--speaker-labels', 'sometimes', '-o', '-', '-f', 'srt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--speaker-labels takes none, change, every, not "sometimes"');
  });
});
