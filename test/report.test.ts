import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromDraft } from '../src/draft.js';
import { buildFromText } from '../src/pipeline.js';
import { placeChanges, wordDiff } from '../src/report/changes.js';
import { renderDiff } from '../src/report/diff.js';
import { escapeHtml, renderHtmlReport } from '../src/report/html.js';
import type { CaptionDocument } from '../src/types.js';
import { writeJson } from '../src/write/index.js';
import { launchBrowser, serveFiles } from './helpers/browser.js';
import { runCli, tempDir } from './helpers/cli.js';
import { exampleDocumentOnce, exampleDraft, withFullwidthPunctuation } from './helpers/drafts.js';
import { EXAMPLE_PATH } from './helpers/example.js';

const ESC = '\u001b[';
const SCRIPT_LINE = '<script>alert(1)</script>';

interface OpenedPage {
  page: Page;
  consoleErrors: string[];
  dialogs: string[];
  close(): Promise<void>;
}

async function openReport(browser: Browser, html: string): Promise<OpenedPage> {
  const page = await browser.newPage();
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const { url, server } = await serveFiles({ '/': { type: 'text/html; charset=utf-8', body: html } });
  await page.goto(url + '/');
  await page.waitForLoadState('load');
  return {
    page,
    consoleErrors,
    dialogs,
    close: async () => {
      await page.close();
      server.close();
    },
  };
}

const visibleChanges = (page: Page) => page.locator('.change:visible').count();

describe('placing changes in cues', () => {
  it('places every correction of the example exactly once', () => {
    const doc = exampleDocumentOnce();
    const placed = placeChanges(doc);
    const count = [...placed.byCue.values()].reduce((n, list) => n + list.length, 0) + placed.unplaced.length;
    expect(count).toBe(doc.corrections.length);
    for (const [cue, list] of placed.byCue) for (const c of list) expect(c.line).toBeGreaterThanOrEqual(doc.cues[cue].sourceLines[0]);
  });
});

describe('word diff of a cue line', () => {
  it('marks the words that changed, before and after', () => {
    const diff = wordDiff('Good morning，everybody。 We are ready', 'Good morning, everybody. We are ready');
    expect(diff.before.filter((r) => r.changed).map((r) => r.text)).toEqual(['morning，everybody。 ']);
    expect(diff.after.filter((r) => r.changed).map((r) => r.text)).toEqual(['morning, everybody. ']);
    expect(diff.after.map((r) => r.text).join('')).toBe('Good morning, everybody. We are ready');
    expect(wordDiff('same words', 'same words').after).toEqual([{ text: 'same words', changed: false }]);
    expect(wordDiff('', 'new').after).toEqual([{ text: 'new', changed: true }]);
  });
});

describe('HTML review in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the example: no console error, one highlighted change per JSON correction, filters by kind work', async () => {
    const doc = exampleDocumentOnce();
    const jsonCorrections = JSON.parse(writeJson(doc)).corrections.length;
    const html = renderHtmlReport(doc);
    expect(html).not.toMatch(/<link|\bsrc=|https?:\/\//);
    const opened = await openReport(browser, html);
    try {
      const { page } = opened;
      expect(jsonCorrections).toBeGreaterThan(1000);
      expect(await page.locator('.change').count()).toBe(jsonCorrections);
      expect(await visibleChanges(page)).toBe(jsonCorrections);
      expect(await page.locator('section.cue[id^="cue-"]').count()).toBe(doc.cues.length);
      expect(await page.locator('.timeline .tick').count()).toBe(doc.cues.length);
      expect(await page.locator('.timeline .marker').count()).toBe(doc.markers.length);

      const punctuation = doc.corrections.filter((c) => c.kind === 'punctuation').length;
      await page.locator('input[data-kind-filter="punctuation"]').uncheck();
      expect(await visibleChanges(page)).toBe(jsonCorrections - punctuation);
      expect(await page.locator('#shown-count').textContent()).toBe(String(jsonCorrections - punctuation));
      await page.locator('#only-changed').check();
      const cuesWithCase = new Set([...placeChanges(doc).byCue].filter(([, list]) => list.some((c) => c.kind !== 'punctuation')).map(([cue]) => cue)).size;
      expect(await page.locator('section.cue:visible').count()).toBe(cuesWithCase);
      await page.locator('button[data-select="all"]').click();
      expect(await visibleChanges(page)).toBe(jsonCorrections);
      expect(opened.consoleErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('a draft of the example: changes shown with the draft line before and the cue after', async () => {
    const draft = withFullwidthPunctuation(exampleDraft('vtt'));
    const doc = buildFromDraft(draft, 'draft.vtt', 'vtt');
    const opened = await openReport(browser, renderHtmlReport(doc));
    try {
      const { page } = opened;
      expect(await page.locator('.change').count()).toBe(doc.corrections.length);
      const first = page.locator('section.cue.has-changes').first();
      expect(await first.locator('.before').textContent()).toMatch(/[。，？]/);
      expect(await first.locator('.before del').first().textContent()).toMatch(/[。，？]/);
      expect(await first.locator('.text').textContent()).not.toMatch(/[。，？]/);
      expect(await first.locator('.text mark').first().textContent()).toMatch(/[.,?]/);
      expect(await first.locator('.change .where').first().textContent()).toMatch(/^line \d+:\d+$/);
      expect(opened.consoleErrors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  it('shows a transcript line holding a script tag as text and runs nothing', async () => {
    const raw = buildFromText(`# Title ${SCRIPT_LINE}\n\n Look at this， ${SCRIPT_LINE} ok。\n\n <img src=x onerror=alert(2)> and "quotes" & more。\n`, `talk-${SCRIPT_LINE}.md`);
    const draft = buildFromDraft(`1\n00:00:01,000 --> 00:00:02,000\n${SCRIPT_LINE}\n\n2\n00:00:03,000 --> 00:00:04,000\n<img src=x onerror=alert(3)>， <b onmouseover=alert(4)>bold</b>\n`, 'x.srt', 'srt');
    for (const doc of [raw, draft] as CaptionDocument[]) {
      const opened = await openReport(browser, renderHtmlReport(doc));
      try {
        const { page } = opened;
        await page.locator('section.cue').first().hover();
        await page.locator('b, img').count().then((n) => expect(n).toBe(0));
        expect(await page.evaluate(() => document.scripts.length)).toBe(1);
        expect(await page.locator('main').textContent()).toContain(SCRIPT_LINE);
        expect(opened.dialogs).toEqual([]);
        expect(opened.consoleErrors).toEqual([]);
      } finally {
        await opened.close();
      }
    }
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;');
  });
});

describe('diff in the terminal', () => {
  const draft = '1\n00:00:01,000 --> 00:00:02,000\nWe use Python 3。\n\n2\n00:00:02,100 --> 00:00:04,000\nAll good.\n\n3\n00:00:04,100 --> 00:00:06,000\n10 for this， Right？\n';

  it('prints each changed cue before and after, with every change, and a summary', () => {
    const doc = buildFromDraft(draft, 'd.srt', 'srt');
    expect(renderDiff(doc, { color: false })).toBe(
      [
        'd.srt:2  cue 1 id 1  00:00:01.000 --> 00:00:02.000',
        '- We use Python 3。',
        '+ We use Python 3.',
        '    3:16  。 → .  fullwidth-stop (punctuation, 1.00)',
        '',
        'd.srt:10  cue 3 id 3  00:00:04.100 --> 00:00:06.000',
        '- 10 for this， Right？',
        '+ 10 for this, Right?',
        '    11:12  ， → ,  fullwidth-comma (punctuation, 1.00)',
        '    11:19  ？ → ?  fullwidth-question (punctuation, 1.00)',
        '',
        'd.srt: 3 changes (3 punctuation) in 2 of 3 cues, 0 warnings',
        '',
      ].join('\n'),
    );
    const coloured = renderDiff(doc, { color: true });
    // the line in red or green, the changed word in inverse inside it
    expect(coloured).toContain(`${ESC}31m- We use Python ${ESC}7m3。${ESC}27m${ESC}39m`);
    expect(coloured).toContain(`${ESC}32m+ We use Python ${ESC}7m3.${ESC}27m${ESC}39m`);
  });

  it('colours on request only: plain with NO_COLOR or when not a terminal', () => {
    const dir = tempDir();
    const input = join(dir, 'd.srt');
    writeFileSync(input, draft);
    const out = join(dir, 'out') + '/';
    const plain = runCli(['build', input, '-o', out, '--report', '-']);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('+ We use Python 3.\n');
    expect(plain.stdout).not.toContain(ESC);
    const notTty = runCli(['build', input, '-o', out, '--report', '-'], { env: { NO_COLOR: '' } });
    expect(notTty.stdout).not.toContain(ESC);
    const forced = runCli(['build', input, '-o', out, '--report', '-'], { env: { NO_COLOR: '', FORCE_COLOR: '1' } });
    expect(forced.stdout).toContain(`${ESC}32m+ We use Python ${ESC}7m3.${ESC}27m${ESC}39m`);
    const noColorWins = runCli(['build', input, '-o', out, '--report', '-'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(noColorWins.stdout).not.toContain(ESC);
    // with the captions on stdout, the diff goes to stderr
    const both = runCli(['build', input, '-f', 'srt', '--report', '-']);
    expect(both.stdout.startsWith('1\n00:00:01,000 --> 00:00:02,000\nWe use Python 3.\n')).toBe(true);
    expect(both.stderr).toContain('- We use Python 3。');
  });
});

describe('--report on the command line', () => {
  it('writes the review page of the example; its change count is the JSON correction count', () => {
    const dir = tempDir();
    const run = runCli(['build', EXAMPLE_PATH, '-o', dir, '-f', 'json', '-q', '--report', join(dir, 'review.html')]);
    expect(run.status).toBe(0);
    const html = readFileSync(join(dir, 'review.html'), 'utf8');
    const json = JSON.parse(readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.json'), 'utf8'));
    expect(html.match(/<li class="change"/g)?.length).toBe(json.corrections.length);
  });

  it('names one page per input when there are several, and refuses other report names', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.srt'), '1\n00:00:01,000 --> 00:00:02,000\nA。\n');
    writeFileSync(join(dir, 'b.vtt'), 'WEBVTT\n\n00:01.000 --> 00:02.000\nB。\n');
    expect(runCli(['build', join(dir, 'a.srt'), join(dir, 'b.vtt'), '-o', join(dir, 'out') + '/', '--report', join(dir, 'review.html')]).status).toBe(0);
    expect(existsSync(join(dir, 'review.a.html')) && existsSync(join(dir, 'review.b.html'))).toBe(true);
    // Any other name is the plain corrections log, of every input in one file.
    expect(runCli(['build', join(dir, 'a.srt'), join(dir, 'b.vtt'), '-o', join(dir, 'out') + '/', '--report', join(dir, 'changes.log')]).status).toBe(0);
    expect(readFileSync(join(dir, 'changes.log'), 'utf8')).toBe(
      `${join(dir, 'a.srt')}: 1 punctuation repair not listed (see the JSON output's corrections)\n${join(dir, 'b.vtt')}: 1 punctuation repair not listed (see the JSON output's corrections)\n`,
    );
    const bad = runCli(['build', join(dir, 'a.srt'), '-o', dir, '--report', '']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--report takes a file name/);
  });
});
