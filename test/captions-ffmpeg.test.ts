// The SRT reader against a common player's reader: ffmpeg's SubRip demuxer, on generated files with
// the oddities real files have (BOM, CRLF, leading and extra blank lines, no final newline, `.` or `,`
// before the milliseconds, tags, several lines a cue).

import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCaptions } from '../src/read/captions.js';
import { tempDir } from './helpers/cli.js';

function timestamp(ms: number, separator: string): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(ms / 3600000))}:${pad(Math.floor(ms / 60000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}${separator}${pad(ms % 1000, 3)}`;
}

const separator = fc.constantFrom(',', '.');
const textLine = fc.constantFrom('Hello world.', '<i>Styled</i> text', '<b>Bold</b> and <u>under</u>', '- Dialogue line', '[MUSIC]', '♪ la la ♪', 'Numbers 1, 2, 3', '>> HOST: hi');
const cue = fc
  .tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 3 * 3600000 }), fc.integer({ min: 1, max: 10000 }), separator, separator, fc.array(textLine, { minLength: 1, maxLength: 3 }))
  .map(([n, start, duration, a, b, lines]) => `${n}\n${timestamp(start, a)} --> ${timestamp(start + duration, b)}\n${lines.join('\n')}`);
const srtFile = fc
  .tuple(fc.array(fc.tuple(cue, fc.constantFrom('\n\n', '\n\n\n', '\n\n\n\n')), { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean(), fc.boolean(), fc.constantFrom('', '\n', '\n\n'))
  .map(([cues, bom, crlf, leadingBlankLines, ending]) => {
    const text = (leadingBlankLines ? '\n\n' : '') + cues.map(([c, gap]) => c + gap).join('').replace(/\n+$/, '') + ending;
    return (bom ? '\uFEFF' : '') + (crlf ? text.replace(/\n/g, '\r\n') : text);
  });

describe('SRT reader against ffmpeg', () => {
  it('reads 100 generated files with the same cues (times and text) as ffmpeg', () => {
    const dir = tempDir();
    const files = fc.sample(srtFile, { numRuns: 100, seed: 5 });
    files.forEach((text, n) => writeFileSync(join(dir, `draft-${n}.srt`), text));
    // one ffmpeg run reads every file and writes what it read as plain SRT, which both readers agree on
    const args = ['-v', 'error', '-nostdin', '-y', ...files.flatMap((_, n) => ['-i', join(dir, `draft-${n}.srt`)]), ...files.flatMap((_, n) => ['-map', `${n}`, join(dir, `replayed-${n}.srt`)])];
    execFileSync('ffmpeg', args, { stdio: 'pipe' });
    let cues = 0;
    files.forEach((text, n) => {
      const theirs = parseCaptions(readFileSync(join(dir, `replayed-${n}.srt`), 'utf8'), 'srt').cues.map((c) => [c.start, c.end, c.text]);
      // ffmpeg orders cues by start time, keeping file order for equal starts
      const mine = parseCaptions(text, 'srt')
        .cues.map((c, i) => ({ c, i }))
        .sort((a, b) => a.c.start - b.c.start || a.i - b.i)
        .map(({ c }) => [c.start, c.end, c.text]);
      cues += mine.length;
      expect(mine, JSON.stringify(text)).toEqual(theirs);
    });
    expect(cues).toBeGreaterThan(200);
  });
});
