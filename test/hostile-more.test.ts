// Hostile inputs beyond the hardening list's numbered cases: special files as outputs, odd option
// values, names that are an object's built-in properties, odd and overlong file names, empty and
// overlong lines, NUL bytes, mixed line ends, and drafts with reversed, zero-length or overlapping
// cues, with sound events a transcript would repair, with odd character references or marker times.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './helpers/cli.js';

const TALK = '# T\n\nhello there. this is a talk.\n';

function withFile(name: string, content: string | Buffer): { dir: string; path: string } {
  const dir = tempDir();
  const path = join(dir, name);
  writeFileSync(path, content);
  return { dir, path };
}

const errorLines = (stderr: string) => stderr.split('\n').filter((l) => / error: /.test(l));

describe('outputs that are not regular files', () => {
  it('-o naming a pipe is refused, naming the output, and the pipe stays a pipe', () => {
    const { dir, path } = withFile('talk.md', TALK);
    const fifo = join(dir, 'out.vtt');
    execFileSync('mkfifo', [fifo]);
    const run = runCli(['build', path, '-f', 'vtt', '-o', fifo]);
    expect(run.status).toBe(1);
    expect(errorLines(run.stderr)).toEqual([`${path}: error: cannot write ${fifo}: not a regular file (a pipe): captions writes only regular files`]);
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['out.vtt', 'talk.md']);
  });

  it('-o naming a file while several inputs need a folder: each input fails naming its output, inputs untouched', () => {
    const { dir, path } = withFile('a.md', TALK);
    const other = join(dir, 'b.md');
    writeFileSync(other, TALK);
    const run = runCli(['build', path, other, '-f', 'vtt', '-o', path]);
    expect(run.status).toBe(1);
    expect(errorLines(run.stderr)).toEqual([expect.stringContaining(`a.md: error: cannot write ${path}/a.vtt`), expect.stringContaining(`b.md: error: cannot write ${path}/b.vtt`)]);
    expect(readFileSync(path, 'utf8')).toBe(TALK);
  });
});

describe('option values with no meaning', () => {
  it('--duration 0 is bad usage (every cue would run past the end), in any spelling', () => {
    const { path } = withFile('talk.md', TALK);
    for (const value of ['0', '00:00:00.000']) {
      const run = runCli(['build', path, '-f', 'vtt', '--duration', value]);
      expect(run.status).toBe(2);
      expect(run.stderr.trim()).toBe(`captions: --duration takes the recording's length, above 0 s, not "${value}"`);
      expect(run.stdout).toBe('');
    }
  });
});

describe('names that are built-in properties of an object', () => {
  it('--profile constructor or __proto__ is an unknown profile for build and check, not an internal error', () => {
    const { path } = withFile('talk.md', TALK);
    for (const name of ['constructor', '__proto__', 'hasOwnProperty']) {
      for (const args of [['build', path, '-f', 'vtt', '-o', '-'], ['check', path]]) {
        const run = runCli([...args, '--profile', name]);
        expect(run.status).toBe(2);
        expect(run.stderr.trim()).toBe(`captions: unknown profile "${name}" (choose from netflix, bbc)`);
        expect(run.stdout).toBe('');
      }
    }
  });
});

describe('character references in a WebVTT draft', () => {
  it('a reference past U+10FFFF, to zero or to a surrogate reads as U+FFFD; a name like &constructor; stays as written', () => {
    const { dir, path } = withFile('draft.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nA &#99999999; b &#x110000; c &#0; d &#xD800; e &constructor; f &__proto__; g &amp;\n');
    const run = runCli(['build', path, '-f', 'srt,txt', '-o', dir]);
    expect(run.status, run.stderr).toBe(0);
    const text = 'A \ufffd b \ufffd c \ufffd d \ufffd e &constructor; f &__proto__; g &';
    expect(readFileSync(join(dir, 'draft.srt'), 'utf8')).toBe(`1\n00:00:01,000 --> 00:00:03,000\n${text}\n`);
    expect(readFileSync(join(dir, 'draft.txt'), 'utf8')).toBe(`${text}\n`);
  });
});

describe('marker notes in a WebVTT draft', () => {
  it('a marker time past the last one captions hold stays a note, with a warning at its line; the tracks written pass check', () => {
    const { dir, path } = withFile('draft.vtt', 'WEBVTT\n\nNOTE slide at 99999999999999999999s\n\nNOTE chart at 1.5s\n\n00:00:01.000 --> 00:00:02.000\nHello.\n');
    const out = join(dir, 'out');
    const run = runCli(['build', path, '-f', 'vtt,json', '-o', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${path}:3: warning: marker "slide" at 99999999999999999999 s is past the last time captions can hold (10000000000 s): kept as a note [bad-marker]`);
    expect(JSON.parse(readFileSync(join(out, 'draft.json'), 'utf8')).markers.map((m: { image: string }) => m.image)).toEqual(['chart']);
    expect(readFileSync(join(out, 'draft.vtt'), 'utf8')).toContain('NOTE slide at 99999999999999999999s');
    expect(runCli(['check', join(out, 'draft.markers.vtt')]).status).toBe(0);
  });
});

describe('odd file names', () => {
  it('a name with a newline, spaces and accents, and a name that is only an extension, build beside each other', () => {
    const dir = tempDir();
    for (const name of ['new\nline.md', 'sp ace ü.md', '.md']) writeFileSync(join(dir, name), TALK);
    const out = join(dir, 'out');
    const run = runCli(['build', join(dir, 'new\nline.md'), join(dir, 'sp ace ü.md'), join(dir, '.md'), '-f', 'vtt', '-o', out, '-q']);
    expect(run.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['.md.vtt', 'new\nline.vtt', 'sp ace ü.vtt']);
  });

  it('a name as long as the file system allows builds; one whose outputs cannot fit fails naming the output, nothing written', () => {
    const dir = tempDir();
    const fits = join(dir, `${'x'.repeat(250)}.md`); // x….vtt and x….json are 254 and 255 bytes
    const over = join(dir, `${'y'.repeat(251)}.md`); // y….json would be 256
    writeFileSync(fits, TALK);
    writeFileSync(over, TALK);
    const out = join(dir, 'out');
    const run = runCli(['build', fits, over, '-f', 'vtt,json', '-o', out]);
    expect(run.status).toBe(1);
    expect(errorLines(run.stderr)).toEqual([`${over}: error: cannot write ${join(out, `${'y'.repeat(251)}.json`)}: file name too long`]);
    expect(readdirSync(out).sort()).toEqual([`${'x'.repeat(250)}.json`, `${'x'.repeat(250)}.vtt`]);
  });

  it('a missing file whose name holds a newline is named on one line', () => {
    const dir = tempDir();
    const run = runCli(['build', join(dir, 'no\nsuch.md'), '-f', 'vtt']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no\\u000asuch.md: error: cannot read');
  });
});

describe('empty, overlong and binary text', () => {
  it('an empty file and a file of a byte order mark alone are errors at line 1', () => {
    for (const [name, content] of [['empty.md', ''], ['bom.md', Buffer.from([0xef, 0xbb, 0xbf])]] as const) {
      const { path } = withFile(name, content);
      const run = runCli(['build', path, '-f', 'vtt']);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(`${path}:1: error: empty transcript: no title, speech or markers`);
    }
  });

  it('a line of 10 MB and markdown nested 20,000 deep are refused at their line, nothing written', () => {
    const cases: Array<[string, string, number]> = [
      ['huge.md', `# T\n\n${'word '.repeat(2_000_000)}`, 3],
      ['nested.md', `# T\n\n${'> '.repeat(20_000)}hello.\n${'- '.repeat(20_000)}more.\n${'['.repeat(50_000)}x${']'.repeat(50_000)}\n`, 5],
    ];
    for (const [name, content, line] of cases) {
      const { dir, path } = withFile(name, content);
      const run = runCli(['build', path, '-f', 'vtt', '-o', join(dir, 'out')]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}: error: line is [\\d,]+ characters long \\(at most 100,000\\): not a transcript$`));
      expect(existsSync(join(dir, 'out'))).toBe(false);
    }
  });

  it('NUL bytes inside a transcript are refused as binary data, with their line', () => {
    const { path } = withFile('nul.md', '# T\n\nhello\0 there.\n');
    const run = runCli(['build', path, '-f', 'vtt']);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${path}:3: error: file contains NUL bytes: binary data, not a text transcript`);
  });
});

describe('mixed line ends', () => {
  it('CR, CRLF and LF mixed in a transcript and in a draft: every line read as one', () => {
    const transcript = withFile('mix.md', '# T\r\n\r\nhello there.\rthis is a line.\r\nand another one.\nlast one.\r');
    const built = runCli(['build', transcript.path, '-f', 'txt']);
    expect(built.status).toBe(0);
    expect(built.stdout.replace(/\s+/g, ' ').trim()).toBe('T hello there. this is a line. and another one. last one.');
    const draft = withFile('cr.srt', '1\r00:00:01,000 --> 00:00:02,000\rHello there.\r\r2\r\n00:00:03,000 --> 00:00:04,000\nBye now.\r');
    const run = runCli(['build', draft.path, '-f', 'srt']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('1\n00:00:01,000 --> 00:00:02,000\nHello there.\n\n2\n00:00:03,000 --> 00:00:04,000\nBye now.\n');
  });
});

describe('drafts the transcript rules do not fit', () => {
  it('reversed, zero-length and overlapping cues keep their times, each warned at its line', () => {
    const { path } = withFile('odd.srt', '1\n00:00:05,000 --> 00:00:02,000\nReversed cue.\n\n2\n00:00:01,000 --> 00:00:01,000\nZero length.\n\n3\n00:00:00,500 --> 00:00:09,000\nOverlapping all.\n');
    const run = runCli(['build', path, '-f', 'srt']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path, 'utf8'));
    expect(run.stderr.trim().split('\n').map((l) => l.replace(/^[^:]+:(\d+): warning: .*\[([a-z-]+)\]$/, '$1 $2'))).toEqual(['2 bad-duration', '6 bad-duration', '6 out-of-order', '10 out-of-order']);
  });

  it('sound events of a draft are kept as written, and no repair of them is claimed', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n[silence] hello [applause] [applause]\n\n00:00:03.000 --> 00:00:04.000\n<i><i><i>bye</i></i></i>\n';
    const { path } = withFile('events.vtt', text);
    const run = runCli(['build', path, '-f', 'vtt']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(text);
  });
});
