import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromDraft, piecesOfLine } from '../src/draft.js';
import { buildFromBytes } from '../src/pipeline.js';
import { parseCaptions, type DraftCue } from '../src/read/captions.js';
import type { CaptionDocument, Correction } from '../src/types.js';
import { renderFormat, writeSrt } from '../src/write/index.js';
import { launchBrowser, loadTrack } from './helpers/browser.js';
import { runCli, tempDir } from './helpers/cli.js';
import { DRAFT_FIXTURES, DRAFTS_DIR, exampleDocumentOnce, exampleDraft, readDraft, withFullwidthPunctuation } from './helpers/drafts.js';
import { parseVttStrict } from './helpers/parsers.js';
import { normalizeLines } from './helpers/pipeline.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const render = (doc: CaptionDocument, format: 'srt' | 'vtt') => renderFormat(doc, format)[0].text;
const timesOf = (cues: Array<{ start: number; end: number }>) => cues.map((c) => [c.start, c.end]);
const textsOf = (cues: DraftCue[]) => cues.map((c) => c.text);

describe('round trip of clean real-world drafts', () => {
  for (const name of DRAFT_FIXTURES) {
    const format = name.endsWith('.vtt') ? 'vtt' : 'srt';
    it(`${name}: no fix, and the same cues come out (times, text, identifiers, blocks)`, () => {
      const input = parseCaptions(readDraft(name).toString('utf8'));
      const doc = buildFromBytes(readDraft(name), name);
      expect(doc.corrections).toEqual([]);
      expect(doc.warnings).toEqual([]);
      const output = parseCaptions(render(doc, format), format);
      expect(timesOf(output.cues)).toEqual(timesOf(input.cues));
      expect(textsOf(output.cues)).toEqual(textsOf(input.cues));
      expect(output.cues.map((c) => c.id)).toEqual(input.cues.map((c) => c.id));
      expect(output.cues.map((c) => c.settings)).toEqual(input.cues.map((c) => c.settings));
      expect(output.blocks.map((b) => [b.kind, b.text, b.beforeCue])).toEqual(input.blocks.map((b) => [b.kind, b.text, b.beforeCue]));
      expect(output.warnings).toEqual([]);
    });
  }

  for (const format of ['srt', 'vtt'] as const) {
    it(`the example's own ${format.toUpperCase()} (945 cues) as a clean draft: no fix, every cue identical`, () => {
      const clean = exampleDraft(format);
      const doc = buildFromBytes(bytes(clean), `clean.${format}`);
      expect(doc.corrections).toEqual([]);
      const input = parseCaptions(clean, format);
      const output = parseCaptions(render(doc, format), format);
      expect(input.cues.length).toBe(exampleDocumentOnce().cues.length);
      expect(output.cues.map((c) => [c.start, c.end, c.text])).toEqual(input.cues.map((c) => [c.start, c.end, c.text]));
      if (format === 'vtt') expect(render(doc, format)).toBe(clean);
    });
  }

  it('converts either format to the other with every time kept and the shared markup kept', () => {
    for (const name of DRAFT_FIXTURES) {
      const input = parseCaptions(readDraft(name).toString('utf8'));
      const doc = buildFromBytes(readDraft(name), name);
      const vtt = render(doc, 'vtt');
      const strict = parseVttStrict(vtt);
      expect(strict.cues.map((c) => [c.startTime, c.endTime]), name).toEqual(timesOf(input.cues));
      expect(timesOf(parseCaptions(render(doc, 'srt'), 'srt').cues), name).toEqual(timesOf(input.cues));
    }
    const fromSrt = render(buildFromBytes(readDraft('tags.srt'), 'tags.srt'), 'vtt');
    expect(fromSrt).toContain('\n<i>Previously on our lightning talks...</i>\n');
    expect(fromSrt).toContain('\nThe speaker opens\na terminal and types <u>pip install</u>.\n');
    expect(fromSrt).not.toMatch(/font|\{\\an8\}/);
    const fromVtt = render(buildFromBytes(readDraft('tags-entities.vtt'), 'tags-entities.vtt'), 'srt');
    expect(fromVtt).toContain('\nWe are in New York City.\n');
    expect(fromVtt).toContain('\nTom & Jerry: 3 < 5 > 2\u00a0always.\n');
    expect(fromVtt).toContain('\n<i>Not</i> in Los Angeles, no.\n');
    const dialogue = render(buildFromBytes(readDraft('dialogue-events.srt'), 'dialogue-events.srt'), 'vtt');
    expect(parseVttStrict(dialogue).cues.map((c) => c.text)).toContain('&gt;&gt; HOST: Wait ... what happened?');
  });

  it('JSON keeps the identifiers and settings', () => {
    const doc = buildFromBytes(readDraft('note-style-region.vtt'), 'n.vtt');
    const json = JSON.parse(render(doc, 'json' as 'vtt'));
    expect(json.cues.map((c: { identifier: string; settings: string }) => [c.identifier, c.settings])).toEqual([
      ['1', 'region:fred align:left'],
      ['2', 'line:0 position:20% size:60% align:start'],
      ['3', 'vertical:rl line:-1'],
    ]);
    expect(json.title).toBe('Lightning talks, day two');
  });
});

describe('protection of what a person wrote on purpose', () => {
  it('keeps punctuation the raw-transcript heuristics would change', () => {
    // the raw path glues a lone "..." to its word and drops the comma of "p.m.,"; a draft keeps both
    expect(normalizeLines('Wait ... what happened? At 3 p.m., right here.').corrections.map((c) => c.rule)).toEqual(['stray-punctuation', 'double-punctuation']);
    const doc = buildFromDraft('WEBVTT\n\n00:01.000 --> 00:02.000\nWait ... what happened?\nAt 3 p.m., right here.\n\n00:02.000 --> 00:03.000\n<i>Hello</i>. [Applause] (laughter)\n', 'x.vtt', 'vtt');
    expect(doc.corrections).toEqual([]);
    expect(doc.cues.map((c) => c.lines)).toEqual([['Wait ... what happened?', 'At 3 p.m., right here.'], ['<i>Hello</i>. [Applause] (laughter)']]);
  });

  it('fixes the text around markup, keeping the markup and its spacing as written', () => {
    const doc = buildFromDraft('WEBVTT\n\n00:01.000 --> 00:02.000\n[MUSIC  PLAYING] <v Ann>Hello，world。</v>\nSo　<i>we</i> begin？\n', 'x.vtt', 'vtt');
    expect(doc.cues[0].lines).toEqual(['[MUSIC  PLAYING] <v Ann>Hello, world.</v>', 'So <i>we</i> begin?']);
    expect(doc.corrections.map((c) => [c.line, c.column, c.rule])).toEqual([
      [4, 30, 'fullwidth-comma'],
      [4, 36, 'fullwidth-stop'],
      [5, 3, 'fullwidth-space'],
      [5, 19, 'fullwidth-question'],
    ]);
  });

  it('cuts a cue line into markup and text', () => {
    expect(piecesOfLine('>> <i>Hi</i>, [MUSIC] you').map((p) => [p.text, p.protected])).toEqual([
      ['>>', true],
      [' ', false],
      ['<i>', true],
      ['Hi', false],
      ['</i>', true],
      [',', true],
      [' ', false],
      ['[MUSIC]', true],
      [' you', false],
    ]);
  });
});

describe('fixing a draft', () => {
  it('repairs full-width punctuation inside cues, with the line of the draft, and never moves a word into another cue', () => {
    const draft = '1\n00:00:01,000 --> 00:00:02,000\nWe use Python 3。\n\n2\n00:00:02,100 --> 00:00:04,000\n10 for this， Right？\n\n3\n00:00:04,100 --> 00:00:06,000\nPython 3。\n10 is out。\n';
    const doc = buildFromDraft(draft, 'd.srt', 'srt');
    // the number split over two lines of one cue is joined; "10" of cue 2 stays in cue 2
    expect(doc.cues.map((c) => c.lines)).toEqual([['We use Python 3.'], ['10 for this, Right?'], ['Python 3.10', 'is out.']]);
    expect(doc.corrections.map((c) => [c.line, c.from, c.rule])).toEqual([
      [3, '。', 'fullwidth-stop'],
      [7, '，', 'fullwidth-comma'],
      [7, '？', 'fullwidth-question'],
      [11, '3. ⏎ 10', 'split-number'],
      [11, '。', 'fullwidth-stop'],
      [12, '。', 'fullwidth-stop'],
    ]);
    expect(timesOf(doc.cues)).toEqual([
      [1, 2],
      [2.1, 4],
      [4.1, 6],
    ]);
    expect(render(doc, 'srt')).toContain('00:00:04,100 --> 00:00:06,000\nPython 3.10\nis out.\n');
  });

  for (const format of ['srt', 'vtt'] as const) {
    it(`a ${format.toUpperCase()} draft of the example with full-width punctuation put back comes out as the clean captions, every time unchanged`, () => {
      const clean = exampleDraft(format);
      const broken = withFullwidthPunctuation(clean);
      const original = parseCaptions(clean, format);
      const brokenCues = parseCaptions(broken, format).cues;
      const changedCues = brokenCues.filter((c, i) => c.text !== original.cues[i].text).length;
      expect(changedCues).toBeGreaterThan(500);

      const doc = buildFromBytes(bytes(broken), `draft.${format}`);
      expect(timesOf(doc.cues)).toEqual(timesOf(original.cues));
      const output = parseCaptions(render(doc, format), format);
      expect(timesOf(output.cues)).toEqual(timesOf(original.cues));
      expect(textsOf(output.cues)).toEqual(textsOf(original.cues));

      // the image markers the VTT carries as NOTE blocks come back as markers, at their times
      const markers = format === 'vtt' ? exampleDocumentOnce().markers.map((m) => [m.image, Math.round(m.time * 1000) / 1000]) : [];
      expect(doc.markers.map((m) => [m.image, m.time])).toEqual(markers);
      if (format === 'vtt') expect(markers).toHaveLength(29);

      // every correction points at a cue text line of the draft that holds what it changed
      const draftLines = broken.split('\n');
      const textLines = new Set(brokenCues.flatMap((c) => c.textLines));
      expect(doc.corrections.length).toBeGreaterThan(changedCues);
      for (const c of doc.corrections) {
        expect(textLines.has(c.line)).toBe(true);
        expect(draftLines[c.line - 1].slice(c.column - 1)).toMatch(/^[。，？]/);
      }
    });
  }

  // The example's own build fixes terms; a draft with those mis-hearings put back must come out
  // fixed, in the same cues, at the same times (speakers' names capitalized by the segment stage too).
  const termFixes = exampleDocumentOnce().corrections.filter((c) => (c.kind === 'term' || c.kind === 'name') && !/[⏎\n]/.test(c.from));
  it(`a draft of the example with the ${termFixes.length} mis-heard terms put back comes out with them fixed`, () => {
    expect(termFixes.length).toBeGreaterThan(50);
    const doc = exampleDocumentOnce();
    const misheard: CaptionDocument = { ...doc, cues: doc.cues.map((c) => ({ ...c, lines: [...c.lines] })) };
    let putBack = 0;
    for (const fix of termFixes) {
      const cue = misheard.cues.find((c) => fix.line >= c.sourceLines[0] && fix.line <= c.sourceLines[1] && c.lines.some((l) => l.includes(fix.to)));
      if (!cue) continue;
      const k = cue.lines.findIndex((l) => l.includes(fix.to));
      cue.lines[k] = cue.lines[k].replace(fix.to, fix.from);
      putBack++;
    }
    expect(putBack).toBeGreaterThan(termFixes.length / 2);
    const draft = writeSrt(misheard);
    const fixed = buildFromBytes(bytes(draft), 'misheard.srt');
    expect(fixed.corrections.filter((c: Correction) => c.kind === 'term' || c.kind === 'name').length).toBeGreaterThanOrEqual(putBack);
    expect(timesOf(fixed.cues)).toEqual(timesOf(parseCaptions(writeSrt(doc), 'srt').cues));
    expect(fixed.cues.map((c) => c.lines.join('\n'))).toEqual(parseCaptions(writeSrt(doc), 'srt').cues.map((c) => c.text));
  });
});

describe('captions build on drafts (CLI)', () => {
  it('tells a draft by its content whatever its name, and writes SRT, VTT and JSON', () => {
    const dir = tempDir();
    const input = join(dir, 'draft.txt');
    writeFileSync(input, withFullwidthPunctuation(readDraft('ids-slides.vtt').toString('utf8')));
    const run = runCli(['build', input, '-o', dir, '-f', 'vtt,srt,json']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const vtt = readFileSync(join(dir, 'draft.vtt'), 'utf8');
    expect(vtt).toBe(readDraft('ids-slides.vtt').toString('utf8'));
    const json = JSON.parse(readFileSync(join(dir, 'draft.json'), 'utf8'));
    expect(json.corrections.map((c: Correction) => [c.line, c.from, c.to])).toEqual([
      [5, '。', '.'],
      [9, '。', '.'],
      [13, '？', '?'],
      [17, '，', ','],
      [17, '。', '.'],
      [21, '。', '.'],
    ]);
    expect(readFileSync(join(dir, 'draft.srt'), 'utf8').split('\n\n')[0]).toBe('1\n00:00:00,000 --> 00:00:02,500\nWelcome to the talk.');
  });

  it('never overwrites the draft it fixes, and says how to write elsewhere', () => {
    const dir = tempDir();
    const input = join(dir, 'draft.srt');
    writeFileSync(input, readDraft('tags.srt'));
    const run = runCli(['build', input]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/draft\.srt:1: error: refusing to overwrite the input with .*draft\.srt \(write to another directory: -o <dir>\)/);
    expect(readFileSync(input).equals(readDraft('tags.srt'))).toBe(true);
  });

  it('prints each malformed draft problem with its file and line', () => {
    const dir = tempDir();
    const cases: Array<[string, string, number, RegExp]> = [
      ['unsigned.vtt', '00:00.000 --> 00:01.000\nHello.\n', 1, /unsigned\.vtt:1: error: missing WEBVTT signature/],
      ['bad-time.vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\nOne.\n\n00:01,000 --> 00:02.000\nTwo.\n', 0, /bad-time\.vtt:6: warning: bad timing line .*\[bad-timing\]/],
      ['empty.srt', '1\n00:00:01,000 --> 00:00:02,000\n\n2\n00:00:02,000 --> 00:00:03,000\nText.\n', 0, /empty\.srt:2: warning: cue without text \[empty-cue\]/],
      ['overlap.srt', '1\n00:00:01,000 --> 00:00:03,000\nA.\n\n2\n00:00:02,000 --> 00:00:04,000\nB.\n', 0, /overlap\.srt:6: warning: cue overlaps the cue of line 2/],
      ['arrow.vtt', 'WEBVTT\n\n00:00.000 --> 00:01.000\nif a --> b\n', 0, /arrow\.vtt:4: warning: cue text contains "-->"/],
      ['nothing.srt', '1\n00:00:01 --> 00:00:02\nHello\n', 1, /nothing\.srt:2: error: no cues: .*bad timing line/],
    ];
    for (const [name, text, status, message] of cases) {
      writeFileSync(join(dir, name), text);
      const run = runCli(['build', join(dir, name), '-o', join(dir, 'out') + '/', '-f', 'vtt']);
      expect(run.status, name).toBe(status);
      expect(run.stderr, name).toMatch(message);
    }
  });

  it('round-trips every fixture through the command line into both formats', () => {
    const dir = tempDir();
    const run = runCli(['build', ...DRAFT_FIXTURES.map((f) => join(DRAFTS_DIR, f)), '-o', dir, '-f', 'vtt,srt']);
    expect(run.status).toBe(0);
    for (const name of DRAFT_FIXTURES) {
      const stem = name.replace(/\.(srt|vtt)$/, '');
      const input = parseCaptions(readDraft(name).toString('utf8'));
      for (const format of ['srt', 'vtt'] as const) {
        const output = parseCaptions(readFileSync(join(dir, `${stem}.${format}`), 'utf8'), format);
        expect(timesOf(output.cues), `${name} → ${format}`).toEqual(timesOf(input.cues));
      }
    }
  });
});

describe('draft VTT output in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('every fixture, from SRT or VTT, loads with the same cue identifiers, times and text it had', async () => {
    for (const name of DRAFT_FIXTURES) {
      const input = parseCaptions(readDraft(name).toString('utf8'));
      const vtt = render(buildFromBytes(readDraft(name), name), 'vtt');
      const track = await loadTrack(browser, vtt);
      expect(track.consoleErrors, name).toEqual([]);
      expect(track.cues.map((c) => [c.id, c.startTime, c.endTime]), name).toEqual(input.cues.map((c) => [c.id ?? '', c.start, c.end]));
      if (name.endsWith('.vtt')) expect(track.cues.map((c) => c.text), name).toEqual(textsOf(input.cues));
    }
  });
});
