// Real consumers: the VTT the tool writes, loaded by Chromium's own WebVTT parser through <track>.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromText } from '../src/pipeline.js';
import { writeVtt } from '../src/write/vtt.js';
import { launchBrowser, loadTrack } from './helpers/browser.js';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH } from './helpers/example.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('headless Chromium', () => {
  it('loads the example VTT through <track> with exactly as many cues as the JSON', async () => {
    const dir = tempDir();
    expect(runCli(['build', EXAMPLE_PATH, '-o', dir, '-f', 'vtt,json', '--quiet']).status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.json'), 'utf8'));
    const track = await loadTrack(browser, readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.vtt'), 'utf8'));
    expect(track.cues).toHaveLength(json.cues.length);
    expect(track.cues.map((c) => Math.round(c.startTime * 1000) / 1000)).toEqual(json.cues.map((c: { start: number }) => c.start));
    expect(track.cues[0].shown).toBe(json.cues[0].lines.join('\n'));
    expect(track.consoleErrors).toEqual([]);
  });

  it('shows &, <b> and --> in speech as the text that was spoken', async () => {
    const doc = buildFromText('# T\n\n Tom & Jerry wrote <b>bold</b> code。\n\n The arrow --> points right。\n', 't.md');
    const track = await loadTrack(browser, writeVtt(doc));
    expect(track.cues.map((c) => c.shown)).toEqual(['Tom & Jerry wrote <b>bold</b> code.', 'The arrow --> points right.']);
  });
});
