// The shipped PyCon transcript, end to end through the command line.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NETFLIX } from '../src/cues/profile.js';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH } from './helpers/example.js';
import { parseVttStrict, parseWithSubtitle } from './helpers/parsers.js';

const NAME = 'pycon-2022-lightning-talks-day2-am';
let dir: string;
let json: {
  cues: Array<{ id: number; start: number; end: number; lines: string[]; sourceLines: [number, number] }>;
  markers: Array<{ image: string; line: number; time: number }>;
  corrections: Array<{ line: number; rule: string }>;
};
let vtt: string;
let srt: string;
let txt: string;

beforeAll(() => {
  dir = tempDir();
  const run = runCli(['build', EXAMPLE_PATH, '-o', dir, '-f', 'vtt,srt,json,txt', '--quiet']);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  json = JSON.parse(readFileSync(join(dir, `${NAME}.json`), 'utf8'));
  vtt = readFileSync(join(dir, `${NAME}.vtt`), 'utf8');
  srt = readFileSync(join(dir, `${NAME}.srt`), 'utf8');
  txt = readFileSync(join(dir, `${NAME}.txt`), 'utf8');
});

describe('the example transcript', () => {
  it('writes the four formats named after the input, the chapters and markers tracks beside the VTT, and nothing else', () => {
    expect(readdirSync(dir).sort()).toEqual(['chapters.vtt', 'json', 'markers.vtt', 'srt', 'txt', 'vtt'].map((f) => `${NAME}.${f}`));
  });

  it('leaves no full-width punctuation in any output', () => {
    for (const text of [vtt, srt, txt, JSON.stringify(json.cues)]) expect(text).not.toMatch(/[，。？！：；、（）　]/);
  });

  it('joins the tokens the transcription split', () => {
    expect(txt).toContain('Python 3.10 and more'); // joined, then "PyCon 3.10" corrected by the term dictionary
    expect(txt).toContain('this is a Python 3.10 application');
    expect(txt).toContain('It supports Python 3.5 and above versions');
    expect(txt).toContain('at 5 p.m. for anyone');
    expect(txt).toContain('in the U.S. PyCon 2019');
    expect(txt).toContain('help 1,000 people, 1,000 people');
    expect(txt).toContain('$25,000 donation');
    // joined by the normalizer, then "piup" and "apis" corrected by the term dictionary
    expect(txt).toContain('pyup.io safety APIs');
    expect(txt).toContain('made up available by pyup.io and');
    expect(txt).not.toMatch(/\b3\. 10\b|p[iy]up\. io/);
  });

  it('keeps every cue within the Netflix limits, in order, without overlaps', () => {
    json.cues.forEach((cue, i) => {
      expect(cue.lines.length).toBeGreaterThanOrEqual(1);
      expect(cue.lines.length).toBeLessThanOrEqual(2);
      for (const line of cue.lines) expect(line.length).toBeLessThanOrEqual(42);
      expect(cue.end - cue.start).toBeGreaterThanOrEqual(NETFLIX.minDuration - 0.0005);
      expect(cue.end - cue.start).toBeLessThanOrEqual(7);
      if (i > 0) expect(cue.start - json.cues[i - 1].end).toBeGreaterThanOrEqual(0.083);
      expect(cue.sourceLines[0]).toBeLessThanOrEqual(cue.sourceLines[1]);
    });
  });

  it('never lets a cue span two sentences', () => {
    const spanning = json.cues.map((c) => c.lines.join(' ')).filter((t) => /[a-z][.?!]\s+[A-Z]/.test(t) && !/\b(p\.m|a\.m|U\.S)\.\s/.test(t));
    expect(spanning).toEqual([]);
  });

  it('never ends a line on an article', () => {
    const lines = json.cues.flatMap((c) => c.lines.slice(0, -1));
    expect(lines.filter((l) => /\b(the|a|an)$/i.test(l))).toEqual([]);
  });

  it('times all 29 image markers in increasing order', () => {
    expect(json.markers).toHaveLength(29);
    const times = json.markers.map((m) => m.time);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    expect(json.markers[0]).toMatchObject({ image: 'img/dec71df9a9cccc974b7fc9bc0af9e52c_1.png', line: 5 });
    expect((vtt.match(/^NOTE img\//gm) ?? []).length).toBe(29);
  });

  it('lasts as long as ~8,600 words of talk plausibly take (45 to 65 minutes)', () => {
    const words = txt.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
    expect(words).toBeGreaterThan(8000);
    const minutes = json.cues[json.cues.length - 1].end / 60;
    expect(minutes).toBeGreaterThanOrEqual(45);
    expect(minutes).toBeLessThanOrEqual(65);
  });

  it('records every punctuation change with its line', () => {
    const stops = json.corrections.filter((c) => c.rule.startsWith('fullwidth-'));
    const source = readFileSync(EXAMPLE_PATH, 'utf8');
    expect(stops).toHaveLength((source.match(/[，。？！：；]/g) ?? []).length - (source.split('\n')[0].match(/[，。？！：；]/g) ?? []).length);
    const lines = source.split('\n');
    for (const c of json.corrections) expect(lines[c.line - 1]).toBeDefined();
  });

  it('writes VTT and SRT that parse back cue for cue', () => {
    expect(parseVttStrict(vtt).errors).toEqual([]);
    expect(parseVttStrict(vtt).cues).toHaveLength(json.cues.length);
    const srtCues = parseWithSubtitle(srt);
    expect(srtCues).toHaveLength(json.cues.length);
    expect(srtCues.map((c) => c.start / 1000)).toEqual(json.cues.map((c) => c.start));
  });

  it('gives byte-identical files on a second run', () => {
    const again = tempDir();
    expect(runCli(['build', EXAMPLE_PATH, '-o', again, '-f', 'vtt,srt,json,txt', '--quiet']).status).toBe(0);
    for (const f of readdirSync(dir)) expect(readFileSync(join(again, f)).equals(readFileSync(join(dir, f)))).toBe(true);
  });

  it('converts with ffmpeg without error, SRT and VTT alike', () => {
    for (const ext of ['srt', 'vtt']) {
      const out = join(dir, `ffmpeg-${ext}.ass`);
      execFileSync('ffmpeg', ['-v', 'error', '-nostdin', '-y', '-i', join(dir, `${NAME}.${ext}`), out], { stdio: 'pipe' });
      const dialogues = readFileSync(out, 'utf8').split('\n').filter((l) => l.startsWith('Dialogue:'));
      expect(dialogues).toHaveLength(json.cues.length);
    }
  });
});
