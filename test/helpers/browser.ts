// Loads WebVTT files in Debian's headless Chromium through a <track> element and reports what the
// browser's own WebVTT parser made of them.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface TrackResult {
  cues: Array<{ id: string; startTime: number; endTime: number; text: string; shown: string }>;
  consoleErrors: string[];
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS, headless: true });
}

/** Serves the given files from 127.0.0.1 (a <track> will not load from file:// pages). */
export async function serveFiles(files: Record<string, { body: string; type: string }>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const file = files[(req.url ?? '/').split('?')[0]];
    if (req.url === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The cues Chromium reads from a VTT text loaded as a <track>. */
export async function loadTrack(browser: Browser, vtt: string, kind = 'subtitles'): Promise<TrackResult> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const { url, server } = await serveFiles({
    '/': { type: 'text/html', body: `<!doctype html><video id="v" muted></video>` },
    '/track.vtt': { type: 'text/vtt; charset=utf-8', body: vtt },
  });
  try {
    await page.goto(url + '/');
    const cues = await page.evaluate(async (kind) => {
      const video = document.getElementById('v') as HTMLVideoElement;
      const track = document.createElement('track');
      track.kind = kind as TextTrackKind;
      track.src = '/track.vtt';
      track.default = true;
      video.appendChild(track);
      track.track.mode = 'hidden';
      await new Promise<void>((resolve, reject) => {
        track.addEventListener('load', () => resolve());
        track.addEventListener('error', () => reject(new Error('track failed to load')));
      });
      return Array.from(track.track.cues ?? [], (c) => {
        const cue = c as VTTCue;
        return { id: cue.id, startTime: cue.startTime, endTime: cue.endTime, text: cue.text, shown: cue.getCueAsHTML().textContent ?? '' };
      });
    }, kind);
    return { cues, consoleErrors };
  } finally {
    await page.close();
    server.close();
  }
}
