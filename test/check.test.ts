import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCaptions } from '../src/check/rules.js';
import { warningAt } from '../src/diagnostic.js';
import { BBC, NETFLIX } from '../src/cues/profile.js';
import { parseCaptions } from '../src/read/captions.js';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH } from './helpers/example.js';

const NAME = 'pycon-2022-lightning-talks-day2-am';
const SIXTY = 'This line is far too long for any caption profile to permit!';
const THIRTY = 'Thirty characters in 1 second.';

/** One fault a cue at a time; the comments give each fault's line. */
const BROKEN_SRT = [
  '1', //                                    1
  '00:00:01,000 --> 00:00:03,000', //        2
  'A fine first cue.', //                    3
  '',
  '2', //                                    5
  '00:00:02,500 --> 00:00:04,000', //        6  overlap with the cue of line 2
  'This one starts too early.', //           7
  '',
  '3', //                                    9
  '00:00:05,000 --> 00:00:08,000', //       10
  SIXTY, //                                 11  60 characters
  '',
  '4', //                                   13
  '00:00:09,000 --> 00:00:10,000', //       14  30 characters in 1 s
  THIRTY, //                                15
  '',
  '5', //                                   17
  '00:00:11,000 -> 00:00:12,000', //        18  bad timestamp line
  'No arrow here.', //                      19
  '',
  '6', //                                   21
  '00:00:06,000 --> 00:00:07,000', //       22  back in time
  'Back in time.', //                       23
  '',
].join('\n');

describe('check rules', () => {
  it('finds each fault of a broken SRT file at its line', () => {
    expect(SIXTY).toHaveLength(60);
    expect(THIRTY).toHaveLength(30);
    const findings = checkCaptions(parseCaptions(BROKEN_SRT), { profile: NETFLIX });
    const errors = findings.filter((f) => f.severity === 'error').map((f) => [f.line, f.code]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [6, 'overlap'],
        [11, 'line-too-long'],
        [14, 'reading-speed'],
        [18, 'bad-timing'],
        [22, 'out-of-order'],
      ]),
    );
    expect(findings.find((f) => f.code === 'reading-speed' && f.line === 14)!.message).toBe('cue reads at 30.0 characters a second (limit 20)');
    expect(findings.find((f) => f.code === 'line-too-long')!.message).toBe('line is 60 characters long (limit 42)');
    // nothing is found where nothing is wrong
    expect(findings.filter((f) => f.line >= 1 && f.line <= 3)).toEqual([]);
  });

  it('counts lines and characters as shown (tags and entities do not count), and lines per cue', () => {
    const vtt = 'WEBVTT\n\n00:00:00.000 --> 00:00:04.000\n<v Ann><i>Forty-two characters &amp; no more, see?</i></v>\n\n00:00:05.000 --> 00:00:09.000\none\ntwo\nthree\n';
    const findings = checkCaptions(parseCaptions(vtt), { profile: NETFLIX });
    expect(findings.map((f) => [f.line, f.code])).toEqual([[6, 'too-many-lines']]);
    expect(checkCaptions(parseCaptions(vtt), { profile: { ...NETFLIX, maxCharsPerLine: 30 } }).map((f) => [f.line, f.code])).toEqual([
      [4, 'line-too-long'],
      [6, 'too-many-lines'],
    ]);
  });

  it('counts a numeric character reference as the one character it shows', () => {
    // 40 characters shown in 2 s: 20 a second, Netflix's limit; counted as written, 33 a second
    const line = `Caf&#233; na&#xEF;ve r&#233;sum&#233; &#8212; all fine here today!`;
    const vtt = `WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n${line}\n`;
    expect(checkCaptions(parseCaptions(vtt), { profile: NETFLIX }).map((f) => f.code)).toEqual([]);
    expect(checkCaptions(parseCaptions(vtt), { profile: { ...NETFLIX, maxCharsPerLine: 39 } }).map((f) => f.code)).toEqual(['line-too-long']);
  });

  it('checks a companion track only for what a player cannot read, and its text for terms', () => {
    const chapters = parseCaptions(['WEBVTT', '', '00:00:00.000 --> 00:09:00.000', 'A first talk whose chapter title is far longer than any caption line', '', '00:08:00.000 --> 00:20:00.000', 'An overlapping second talk on the gill problem', ''].join('\n'), 'vtt');
    const terms = (text: string, line: number) => (text.includes('gill') ? [warningAt(line, 'term', '"gill" is written "GIL"')] : []);
    const asTrack = checkCaptions(chapters, { profile: NETFLIX, terms, track: true });
    expect(asTrack.map((f) => [f.code, f.line])).toEqual([['overlap', 6], ['term', 7]]);
    const asCaptions = checkCaptions(chapters, { profile: NETFLIX, terms }).map((f) => f.code);
    expect(asCaptions).toEqual(expect.arrayContaining(['overlap', 'term', 'line-too-long', 'too-long-on-screen']));
  });

  it('calls the term check on every text line with its file line', () => {
    const seen: Array<[string, number]> = [];
    checkCaptions(parseCaptions('1\n00:00:01,000 --> 00:00:03,000\nI use numpy\nand Pandas.\n'), {
      profile: BBC,
      terms: (text, line) => {
        seen.push([text, line]);
        return /numpy/.test(text) ? [warningAt(line, 'term', '"numpy" is written "NumPy"')] : [];
      },
    });
    expect(seen).toEqual([
      ['I use numpy', 3],
      ['and Pandas.', 4],
    ]);
  });
});

describe('captions check', () => {
  const dir = tempDir();
  const broken = join(dir, 'broken.srt');
  writeFileSync(broken, BROKEN_SRT);

  for (const profile of ['netflix', 'bbc']) {
    it(`finds 0 errors in the tool's own output for the example (${profile})`, () => {
      const out = join(dir, profile);
      expect(runCli(['build', EXAMPLE_PATH, '--profile', profile, '-o', out, '-f', 'vtt,srt', '-q']).status).toBe(0);
      // the companion tracks too, as a shell glob over the output folder names them
      const files = ['vtt', 'srt', 'chapters.vtt', 'markers.vtt'].map((extension) => join(out, `${NAME}.${extension}`));
      const run = runCli(['check', ...files, '--profile', profile]);
      expect(run.stdout.trim().split('\n').pop()).toMatch(new RegExp(`^4 files checked \\(${profile}\\): 0 errors, \\d+ warnings?$`));
      expect(run.status).toBe(0);
    });
  }

  it('prints file:line diagnostics and exits 1 on errors', () => {
    const run = runCli(['check', broken]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${broken}:11: error: line is 60 characters long (limit 42) [line-too-long]`);
    expect(run.stdout).toContain(`${broken}:18: error:`);
  });

  it('prints GitHub Actions annotations with --format github', () => {
    const run = runCli(['check', broken, '--format', 'github']);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,:]+,line=\d+::\S.*$/);
    expect(lines).toContain(`::error file=${broken},line=14::cue reads at 30.0 characters a second (limit 20) [reading-speed]`);
    for (const line of [6, 11, 14, 18, 22]) expect(lines.some((l) => l.startsWith(`::error file=${broken},line=${line}::`))).toBe(true);
  });

  it('prints JSON with --format json, and takes custom limits over the profile', () => {
    const run = runCli(['check', broken, '--format', 'json', '--max-chars', '70', '--max-cps', '35']);
    const report = JSON.parse(run.stdout);
    expect(report.profile).toBe('netflix+custom');
    const codes = report.files[0].findings.map((f: { code: string }) => f.code);
    expect(codes).not.toContain('line-too-long');
    expect(codes).not.toContain('reading-speed');
    expect(codes).toContain('overlap');
    expect(run.status).toBe(1);
  });

  it('reports unreadable and non-caption files as errors, and bad options as usage errors', () => {
    const notCaptions = join(dir, 'notes.txt');
    writeFileSync(notCaptions, 'just some notes\n');
    const run = runCli(['check', notCaptions, join(dir, 'missing.vtt')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${notCaptions}:1: error: not a caption file`);
    expect(run.stdout).toContain(`${join(dir, 'missing.vtt')}: error: cannot read: no such file`);
    expect(runCli(['check', broken, '--format', 'xml']).status).toBe(2);
    expect(runCli(['check', broken, '--max-lines', 'two']).status).toBe(2);
    expect(runCli(['check', broken, '--profile', 'itv']).status).toBe(2);
    expect(runCli(['check', broken, '--min-duration', '9', '--max-duration', '3']).status).toBe(2);
  });
});
