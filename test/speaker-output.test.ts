// Speakers in the outputs: `<v Name>` voice spans in VTT, labels in SRT within the caption profile,
// the chapters track, and the JSON segments.

import { describe, expect, it } from 'vitest';
import { NETFLIX } from '../src/cues/profile.js';
import { buildFromText } from '../src/pipeline.js';
import { renderFormat } from '../src/write/index.js';
import { writeChapters } from '../src/write/chapters.js';
import { voiceSpan, writeVtt } from '../src/write/vtt.js';
import { writeSrt } from '../src/write/srt.js';
import { EXAMPLE_TEXT } from './helpers/example.js';
import { exampleDocument } from './helpers/example-build.js';
import { parseVttStrict, parseWithSubtitle } from './helpers/parsers.js';

const SESSION = [
  '# Session',
  '',
  ' Welcome back, everyone. Next up we have Dana Scully-Mulder. [applause]',
  '',
  ' Hi everyone, my name is Dana Scully-Mulder and I work on the reliability of very large distributed storage systems.',
  '',
  ' We start with small inputs and we grow them slowly until something breaks, and then we write it all down.',
  '',
  ' That is my story. Thank you. [applause] Thanks very much, Dana. We will be back after the break.',
  '',
].join('\n');

describe('speaker labels in SRT', () => {
  const srtCues = (labels: 'none' | 'change' | 'every') => parseWithSubtitle(writeSrt(buildFromText(SESSION, 's.md', { speakerLabels: labels }))).map((c) => c.text);

  it('label the first cue of each speaker by default ("change"), ">>" when an unnamed voice takes over', () => {
    const cues = srtCues('change');
    expect(cues.filter((t) => t.startsWith('DANA SCULLY-MULDER: '))).toHaveLength(1);
    expect(cues.find((t) => t.startsWith('DANA SCULLY-MULDER: '))).toMatch(/^DANA SCULLY-MULDER: Hi everyone/);
    expect(cues.filter((t) => t.startsWith('>> '))).toEqual([expect.stringMatching(/^>> Thanks very much, Dana\./)]);
  });

  it('label every cue of a named speaker with "every", none with "none"', () => {
    const doc = buildFromText(SESSION, 's.md', { speakerLabels: 'every' });
    const dana = doc.cues.filter((c) => c.speaker === 'Dana Scully-Mulder');
    expect(dana.length).toBeGreaterThan(2);
    expect(dana.every((c) => c.labelledLines?.[0].startsWith('DANA SCULLY-MULDER: '))).toBe(true);
    expect(srtCues('none').some((t) => /^(?:[A-Z -]+:|>>) /.test(t))).toBe(false);
  });

  it('count the label in the layout: every SRT line keeps the 42-character, 2-line profile', () => {
    for (const labels of ['change', 'every'] as const) {
      for (const text of [SESSION, EXAMPLE_TEXT]) {
        const doc = buildFromText(text, 's.md', { speakerLabels: labels });
        for (const cue of doc.cues) {
          const lines = cue.labelledLines ?? cue.lines;
          expect(lines.length).toBeLessThanOrEqual(NETFLIX.maxLines);
          for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(NETFLIX.maxCharsPerLine);
        }
      }
    }
  });

  it('shorten a label too long for the line to the first name', () => {
    const roster = { hosts: [], speakers: [{ name: 'Dana Scully-Mulder Konstantinopoulou', aliases: ['Dana'], title: null }] };
    const doc = buildFromText(SESSION, 's.md', { speakers: roster });
    expect(doc.segments[1].speaker).toBe('Dana Scully-Mulder Konstantinopoulou');
    const labelled = doc.cues.find((c) => c.labelledLines && c.speaker)!;
    expect(labelled.labelledLines![0]).toMatch(/^DANA: Hi everyone/);
    expect(doc.warnings.filter((w) => w.code === 'line-too-long')).toEqual([]);
  });

  it('keep the label out of the VTT and JSON text', () => {
    const doc = buildFromText(SESSION, 's.md');
    expect(writeVtt(doc)).not.toContain('DANA SCULLY-MULDER:');
    expect(doc.cues.some((c) => c.lines.join(' ').includes('DANA'))).toBe(false);
  });
});

describe('voice spans in VTT', () => {
  it('open each cue of a named speaker with <v Name>, and none for the unnamed host', () => {
    const doc = buildFromText(SESSION, 's.md');
    const vtt = writeVtt(doc);
    const parsed = parseVttStrict(vtt);
    expect(parsed.errors).toEqual([]);
    const dana = parsed.cues.filter((c) => c.text.startsWith('<v Dana Scully-Mulder>'));
    expect(dana).toHaveLength(doc.cues.filter((c) => c.speaker === 'Dana Scully-Mulder').length);
    expect(parsed.cues.find((c) => c.text.includes('Thanks very much'))!.text).not.toContain('<v');
  });

  it('give no voice to a sound event inside a talk', () => {
    const doc = buildFromText(SESSION.replace('and then we write it all down.', 'and then we write it all down. [laughter] Really.'), 's.md');
    const vtt = writeVtt(doc);
    expect(vtt).toMatch(/\n\[laughter\]\n/);
    expect(vtt).toContain('<v Dana Scully-Mulder>Really.');
  });

  it('escape a name that holds markup characters', () => {
    expect(voiceSpan('Tom <&> Jerry')).toBe('<v Tom &lt;&amp;&gt; Jerry>');
    expect(voiceSpan(null)).toBe('');
  });
});

describe('chapters track', () => {
  it('is written beside the VTT with one cue per talk', () => {
    const doc = exampleDocument();
    const files = renderFormat(doc, 'vtt');
    expect(files.map((f) => f.extension)).toEqual(['vtt', 'chapters.vtt', 'markers.vtt']);
    const parsed = parseVttStrict(files[1].text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cues.map((c) => c.text)).toEqual([
      'Jeff — Teaching Python for community, outreach',
      'Jessica',
      'Roy — Biometric attack',
      'Gajinder Deshpande',
      'Diamond — Scaling PyTorch and fraud',
      'Manabu Terada',
      "DevRel sharing your company's skills with the world",
      'Jack',
      'Henry — Scikit-HEP developer pages',
      'Chris',
    ]);
    for (let i = 1; i < parsed.cues.length; i++) expect(parsed.cues[i].startTime).toBeGreaterThanOrEqual(parsed.cues[i - 1].endTime);
  });

  it('is not written without a handoff (no segmentation, or one lecturer)', () => {
    expect(writeChapters(buildFromText(EXAMPLE_TEXT, 'example.md', { detectSpeakers: false }))).toBeNull();
    expect(writeChapters(buildFromText('# Lecture\n\n Hello, my name is Rosa. Today we look at parsers.\n', 'l.md'))).toBeNull();
  });
});

describe('JSON segments', () => {
  it('carry role, speaker, title, lines and times for every segment, in order', () => {
    const doc = exampleDocument();
    expect(doc.segments).toHaveLength(21);
    expect(doc.segments.map((s) => s.id)).toEqual(doc.segments.map((_, i) => i + 1));
    for (let i = 1; i < doc.segments.length; i++) expect(doc.segments[i].start).toBeGreaterThanOrEqual(doc.segments[i - 1].end);
    expect(doc.segments[1]).toMatchObject({ role: 'speaker', speaker: 'Jeff', title: 'Teaching Python for community, outreach', startLine: 19, endLine: 139 });
  });
});
