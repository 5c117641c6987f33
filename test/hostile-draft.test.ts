// Hostile inputs, cases 3, 7 and 8 of the hardening list: what is taken for a caption draft, and
// drafts too large for a spread of their cues or a scan per speaker segment.

import { writeFileSync } from 'node:fs';
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
