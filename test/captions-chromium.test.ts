// The WebVTT reader against the real consumer: Chromium's own parser, on generated files made of the
// blocks real files hold (cues with and without identifiers, good and bad timing lines, text with
// arrows, NOTE, STYLE, REGION and junk blocks, header text, one to three blank lines between blocks).

import fc from 'fast-check';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaptions } from '../src/read/captions.js';
import { launchBrowser, serveFiles } from './helpers/browser.js';

type Cue = [id: string, start: number, end: number, text: string];

const timing = fc.constantFrom(
  '00:00:01.000 --> 00:00:02.000',
  '00:01.500 --> 00:03.000 align:start line:0',
  '01:00:00.250 --> 01:00:01.000',
  '00:00:01,000 --> 00:00:02,000',
  '00:00:01.000 -> 00:00:02.000',
  '1:00.000 --> 2:00.000',
  '00:00:03.000 --> 00:00:02.000',
  '00:00:61.000 --> 00:01:02.000',
  '00:00:01.00 --> 00:00:02.000',
);
const identifier = fc.constantFrom(null, '1', 'slide-1', 'intro question', 'NOTE-ish');
const textLine = fc.constantFrom('Hello world.', '<i>Styled</i> &amp; more', 'a --> b', '- Dialogue', '  ', '♪ music ♪', 'x-->y');
const cueBlock = fc.tuple(identifier, timing, fc.array(textLine, { maxLength: 3 })).map(([id, t, lines]) => [...(id ? [id] : []), t, ...lines].join('\n'));
const otherBlock = fc.constantFrom('NOTE a note', 'NOTE\nmulti\nline', 'NOTE with --> arrow', 'junk line', 'junk\nmore junk', 'STYLE\n::cue { color: red }', 'REGION\nid:r1');
const vttFile = fc
  .tuple(fc.constantFrom('', 'Kind: captions'), fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: cueBlock }, otherBlock), fc.constantFrom('\n\n', '\n\n\n', '\n\n\n\n')), { maxLength: 8 }))
  .map(([header, blocks]) => `WEBVTT\n${header ? header + '\n' : ''}\n${blocks.map(([b, gap]) => b + gap).join('')}`);

/** Cues in the order a TextTrackCueList keeps them: start time, then the later end first, then file order. */
function inTrackOrder(cues: Cue[]): Cue[] {
  return cues
    .map((c, i) => [c, i] as const)
    .sort(([a, i], [b, j]) => a[1] - b[1] || b[2] - a[2] || i - j)
    .map(([c]) => c);
}

describe('WebVTT reader against Chromium', () => {
  let browser: Browser;
  let page: Page;
  let server: Server;
  let current = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    const served = await serveFiles({ '/': { type: 'text/html', body: '<!doctype html><video id="v" muted></video>' } });
    server = served.server;
    // one page for every file: each load swaps the track's source for the next generated file
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      if ((req.url ?? '').startsWith('/track.vtt')) res.writeHead(200, { 'content-type': 'text/vtt; charset=utf-8' }).end(current);
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><video id="v" muted></video>');
    });
    await page.goto(served.url + '/');
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function chromiumCues(text: string, n: number): Promise<Cue[]> {
    current = text;
    return page.evaluate(async (n) => {
      const video = document.getElementById('v') as HTMLVideoElement;
      video.replaceChildren();
      const track = document.createElement('track');
      track.src = `/track.vtt?${n}`;
      track.default = true;
      video.appendChild(track);
      track.track.mode = 'hidden';
      await new Promise((resolve) => {
        track.onload = resolve;
        track.onerror = resolve;
      });
      return Array.from(track.track.cues ?? [], (c) => {
        const cue = c as VTTCue;
        return [cue.id, cue.startTime, cue.endTime, cue.text] as Cue;
      });
    }, n);
  }

  it('reads 200 generated files with the same cues (identifiers, times, text) as Chromium', async () => {
    const files = fc.sample(vttFile, { numRuns: 200, seed: 11 });
    let cues = 0;
    for (const [n, text] of files.entries()) {
      const mine = parseCaptions(text, 'vtt').cues.map((c): Cue => [c.id ?? '', c.start, c.end, c.text]);
      cues += mine.length;
      expect(inTrackOrder(mine), text).toEqual(await chromiumCues(text, n));
    }
    expect(cues).toBeGreaterThan(200);
  });
});
