// Hostile inputs, case 4 of the hardening list: times of a day or more. Every timestamp the tool
// writes must read back as the time it stands for, and `captions check` must accept the tool's output.

import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaptions } from '../src/read/captions.js';
import { parseTimeValue } from '../src/read/time.js';
import { formatTimestamp } from '../src/write/timestamp.js';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH } from './helpers/example.js';

describe('timestamps past 24 and 99 hours', () => {
  it('grow the hours field instead of wrapping', () => {
    expect(formatTimestamp(86_400.604, ',')).toBe('24:00:00,604');
    expect(formatTimestamp(30 * 3600 + 1.5, '.')).toBe('30:00:01.500');
    expect(formatTimestamp(100 * 3600, '.')).toBe('100:00:00.000');
    expect(formatTimestamp(999_999_999, ',')).toBe('277777:46:39,000');
  });

  it('read back as the same time, in both formats, for any length up to the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_999_999_000_000 }), fc.constantFrom<'srt' | 'vtt'>('srt', 'vtt'), (ms, format) => {
        const sep = format === 'srt' ? ',' : '.';
        const timing = `${formatTimestamp(ms / 1000, sep)} --> ${formatTimestamp(ms / 1000 + 1, sep)}`;
        const text = format === 'srt' ? `1\n${timing}\nhi\n` : `WEBVTT\n\n${timing}\nhi\n`;
        const cue = parseCaptions(text, format).cues[0];
        expect(Math.round(cue.start * 1000)).toBe(ms);
        expect(parseTimeValue(formatTimestamp(ms / 1000, sep))).toBeCloseTo(ms / 1000, 3);
      }),
    );
  });

  it('--offset 86399 writes SRT and VTT that captions check reads without an error', () => {
    const dir = tempDir();
    const run = runCli(['build', EXAMPLE_PATH, '--offset', '86399', '-f', 'srt,vtt', '-o', dir, '-q']);
    expect(run.status).toBe(0);
    for (const ext of ['srt', 'vtt']) {
      const path = join(dir, `pycon-2022-lightning-talks-day2-am.${ext}`);
      const text = readFileSync(path, 'utf8');
      expect(text).toMatch(/^(?:WEBVTT\n\n)?1\n23:59:59[.,]000 --> /);
      expect(text).toMatch(/\n24:\d\d:\d\d[.,]\d{3} --> 24:/);
      const cues = parseCaptions(text).cues;
      expect(cues.every((c, i) => c.end > c.start && (i === 0 || c.start >= cues[i - 1].start))).toBe(true);
      const check = runCli(['check', path]);
      expect(check.stdout).toMatch(/: 0 errors/);
    }
  });

  it('a marker past 100 hours is placed at its time', () => {
    const dir = tempDir();
    const transcript = join(dir, 't.md');
    writeFileSync(transcript, '# T\n\nHello there, everyone.\n![](img/t_1.png)\nAnd now the slide.\n');
    writeFileSync(join(dir, 'm.csv'), 'marker,time\n1,999999999\n');
    const run = runCli(['build', transcript, '--markers', join(dir, 'm.csv'), '-f', 'vtt']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('NOTE img/t_1.png at 999999999.000s');
    expect(run.stdout).toMatch(/\n277777:46:39\.000 --> 277777:46:\d\d\.\d{3}\n/);
  });

  it('refuses a time beyond the limit with one line', () => {
    const run = runCli(['build', EXAMPLE_PATH, '--offset', '1' + '0'.repeat(400), '-f', 'srt']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/--offset takes a time .* up to 10000000000 s/);
  });
});
