// The speaker outputs in a real consumer: headless Chromium loads the VTT with voice spans and the
// chapters track (kind "chapters") through <track>.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
import { renderFormat } from '../src/write/index.js';
import { launchBrowser, loadTrack } from './helpers/browser.js';
import { EXAMPLE_TEXT } from './helpers/example.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('speakers in headless Chromium', () => {
  const doc = buildFromText(EXAMPLE_TEXT, 'example.md');
  const [vtt, chapters] = renderFormat(doc, 'vtt');

  it('loads the VTT with voice spans: every cue, the speaker kept out of the shown text', async () => {
    const track = await loadTrack(browser, vtt.text);
    expect(track.consoleErrors).toEqual([]);
    expect(track.cues).toHaveLength(doc.cues.length);
    const firstOfJeff = doc.cues.findIndex((c) => c.speaker === 'Jeff');
    expect(track.cues[firstOfJeff].text).toBe(`<v Jeff>${doc.cues[firstOfJeff].lines.join('\n')}`);
    expect(track.cues[firstOfJeff].shown).toBe(doc.cues[firstOfJeff].lines.join('\n'));
    expect(track.cues.filter((c) => c.text.startsWith('<v ')).length).toBe(doc.cues.filter((c) => c.speaker).length);
  });

  it('loads the chapters track as kind "chapters" with one cue per talk', async () => {
    expect(chapters.extension).toBe('chapters.vtt');
    const track = await loadTrack(browser, chapters.text, 'chapters');
    expect(track.consoleErrors).toEqual([]);
    expect(track.cues).toHaveLength(10);
    expect(track.cues[3].text).toBe('Gajinder Deshpande');
    expect(track.cues.map((c) => c.startTime)).toEqual(doc.segments.filter((s) => s.role === 'speaker').map((s) => Math.round(s.start * 1000) / 1000));
  });
});
