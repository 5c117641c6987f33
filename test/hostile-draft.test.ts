// Hostile inputs, cases 3, 7 and 8 of the hardening list: what is taken for a caption draft, and
// drafts too large for a spread of their cues or a scan per speaker segment.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
import { captionFormatOf, detectCaptionFormat } from '../src/read/captions.js';
import { runCli, tempDir } from './helpers/cli.js';

const QUOTING = '# Timing lines\n\nThe file format looks like this:\n00:00:01,000 --> 00:00:02,000\nand that is all there is to it.\n';

describe('a transcript is not taken for a draft without a real cue', () => {
  it('a timing line alone among the first lines leaves a transcript a transcript', () => {
    expect(detectCaptionFormat(QUOTING)).toBeNull();
    expect(captionFormatOf(QUOTING, 'talk.md')).toBeNull();
    const doc = buildFromText(QUOTING, 'talk.md');
    expect(doc.draft).toBeUndefined();
    expect(doc.cues.map((c) => c.lines.join(' ')).join(' ')).toMatch(/^The file format looks like this/);
  });

  it('the command line builds it as speech, nothing dropped, no warning', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'talk.md'), QUOTING);
    const run = runCli(['build', join(dir, 'talk.md'), '-f', 'txt']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('The file format looks like this');
    expect(run.stdout).toContain('and that is all there is to it');
  });

  it('a cue number over a timing line, or a WEBVTT signature, still says draft', () => {
    expect(detectCaptionFormat('1\n00:00:01,000 --> 00:00:02,000\nHi.\n')).toBe('srt');
    expect(detectCaptionFormat('WEBVTT\n\n00:01.000 --> 00:02.000\nHi.\n')).toBe('vtt');
    // a file named .srt with timing lines but no numbers is read as SRT (and its problems reported)
    expect(captionFormatOf('00:00:01,000 --> 00:00:02,000\nno counter\n', 'a.srt')).toBe('srt');
  });
});

const stamp = (ms: number, sep: string) => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${sep}${pad(ms % 1000, 3)}`;
};

describe('large drafts (cases 7 and 8)', () => {
  it('a draft of thousands of >> handoffs builds, each cue in its own segment, segments in time order', () => {
    const cues = Array.from({ length: 3000 }, (_, i) => `${i + 1}\n${stamp(i * 2000, ',')} --> ${stamp(i * 2000 + 1500, ',')}\n>> Speaker ${i} says hello there.\n`);
    const dir = tempDir();
    writeFileSync(join(dir, 'turns.srt'), cues.join('\n'));
    const run = runCli(['build', join(dir, 'turns.srt'), '-f', 'json', '-o', join(dir, 'turns.json'), '-q']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'turns.json'), 'utf8')) as { cues: unknown[]; segments: Array<{ start: number; end: number }> };
    expect(doc.cues).toHaveLength(3000);
    expect(doc.segments.length).toBeGreaterThan(1000);
    expect(doc.segments.every((s, k) => s.end >= s.start && (k === 0 || s.start >= doc.segments[k - 1].start))).toBe(true);
  });

  it('a draft over the cue limit is refused with its line, no stack trace', () => {
    const dir = tempDir();
    const count = 200_001;
    const parts = ['WEBVTT\n'];
    for (let i = 0; i < count; i++) parts.push(`${stamp(i * 1000, '.')} --> ${stamp(i * 1000 + 900, '.')}\nhi\n`);
    writeFileSync(join(dir, 'many.vtt'), parts.join('\n'));
    const run = runCli(['build', join(dir, 'many.vtt'), '-f', 'vtt', '-o', join(dir, 'out.vtt')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${join(dir, 'many.vtt')}:600003: error: more than 200,000 cues (200,001): a draft may have at most that many; split it\n`);
  });

  it('a transcript over the line limit is refused with its line', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'tiny.md'), '# Tiny\n\n' + 'ok.\n'.repeat(250_000));
    const run = runCli(['build', join(dir, 'tiny.md'), '-f', 'vtt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${join(dir, 'tiny.md')}:250001: error: more than 250,000 lines (250,002): a transcript may have at most that many; split it\n`);
  });
});
