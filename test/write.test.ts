import { describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
import { writeJson, writeSrt, writeTxt, writeVtt } from '../src/write/index.js';
import { parseVttStrict, parseWithSubtitle } from './helpers/parsers.js';

const TRICKY = '# Tricky\n\n Tom & Jerry wrote <b>bold</b> code。\n\n The arrow --> points right。\n![](img/t_1.png)\n Done。\n';

describe('writers', () => {
  const doc = buildFromText(TRICKY, 'tricky.md');

  it('escape &, < and > in VTT so the text reads back as written', () => {
    const vtt = writeVtt(doc);
    expect(vtt).toContain('Tom &amp; Jerry wrote &lt;b&gt;bold&lt;/b&gt; code.');
    expect(vtt).toContain('The arrow --&gt; points right.');
    const parsed = parseVttStrict(vtt);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues).toHaveLength(3);
    // what a browser shows from that text is checked in chromium.test.ts
  });

  it('places each image marker as a NOTE block before the speech at its time', () => {
    const vtt = writeVtt(doc);
    expect(vtt).toMatch(/points right\.\n\nNOTE img\/t_1\.png at \d+\.\d{3}s\n\n3\n/);
    expect(vtt).not.toMatch(/\n\n\n/);
  });

  it('never put an arrow or a blank line inside an SRT cue', () => {
    const srt = writeSrt(doc);
    const cues = parseWithSubtitle(srt);
    expect(cues).toHaveLength(doc.cues.length);
    expect(cues.map((c) => c.text)).toEqual(['Tom & Jerry wrote <b>bold</b> code.', 'The arrow -> points right.', 'Done.']);
    expect(srt.split('\n').filter((l) => l.includes('-->'))).toHaveLength(doc.cues.length);
  });

  it('write JSON in the documented schema with millisecond times', () => {
    const json = JSON.parse(writeJson(doc));
    expect(Object.keys(json)).toEqual(['source', 'title', 'segments', 'cues', 'markers', 'corrections', 'warnings', 'words']);
    expect(Object.keys(json.words[0])).toEqual(['text', 'start', 'end', 'line']);
    // one lecturer: one segment, a speaker with no name (none is given)
    expect(json.segments).toEqual([{ id: 1, speaker: null, role: 'speaker', title: null, startLine: 3, endLine: 7, start: 0, end: json.cues[2].end, confidence: 1, evidence: { start: [], name: [] } }]);
    expect(Object.keys(json.cues[0])).toEqual(['id', 'start', 'end', 'speaker', 'lines', 'sourceLines']);
    expect(json.markers).toEqual([{ image: 'img/t_1.png', line: 6, time: expect.any(Number), pinned: false }]);
    for (const cue of json.cues) expect(Math.round(cue.start * 1000)).toBe(cue.start * 1000);
  });

  it('write the cleaned transcript in paragraphs', () => {
    expect(writeTxt(doc)).toBe('Tricky\n\nTom & Jerry wrote <b>bold</b> code. The arrow --> points right.\n\nDone.\n');
  });
});
