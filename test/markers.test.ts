import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BBC, NETFLIX } from '../src/cues/profile.js';
import { buildFromText } from '../src/pipeline.js';
import { parseMarkersFile, type MarkerTable } from '../src/read/markers.js';
import { parseTimeValue } from '../src/read/time.js';
import { expectedLeadIn } from '../src/timing/anchors.js';
import { runCli, tempDir } from './helpers/cli.js';
import { EXAMPLE_PATH, EXAMPLE_TEXT } from './helpers/example.js';
import { namedInWarnings, profileBreaches } from './helpers/profile.js';
import { thrownBy } from './helpers/errors.js';

const inputError = (fn: () => unknown) => thrownBy('input', fn);

describe('time values', () => {
  it('reads seconds and clock times, and refuses what is no time', () => {
    expect(parseTimeValue('75')).toBe(75);
    expect(parseTimeValue('75.25')).toBe(75.25);
    expect(parseTimeValue('1:15')).toBe(75);
    expect(parseTimeValue('00:01:15.500')).toBe(75.5);
    expect(parseTimeValue('01:00:00,250')).toBe(3600.25);
    for (const bad of ['', 'abc', '-3', '1:75', '00:61:00', '1e3']) expect(parseTimeValue(bad)).toBeNull();
  });
});

describe('markers files', () => {
  it('reads CSV with the header marker,time and JSON objects, with the line of each marker', () => {
    const csv = parseMarkersFile('marker,time\r\nimg/a_1.png,5\r\n\r\na_3.png,00:01:00\r\n5,90.5\r\n"img/a,b_7.png",00:02:00,250\r\n', 'm.csv');
    expect(csv.anchors).toEqual([
      { key: 'img/a_1.png', time: 5, line: 2 },
      { key: 'a_3.png', time: 60, line: 4 },
      { key: '5', time: 90.5, line: 5 },
      { key: 'img/a,b_7.png', time: 120.25, line: 6 },
    ]);
    const json = parseMarkersFile('{\n  "1": "00:00:05",\n  "img/a_3.png": 60\n}\n', 'm.json');
    expect(json.anchors).toEqual([
      { key: '1', time: 5, line: 2 },
      { key: 'img/a_3.png', time: 60, line: 3 },
    ]);
  });

  it('names the file and line of a bad header, a bad time, a bad row, a marker given twice and broken JSON', () => {
    const cases: Array<[string, string, number, RegExp]> = [
      ['m.csv', 'image,at\n1,5\n', 1, /header "marker,time"/],
      ['m.csv', 'marker,time\n1,5\n3,soon\n', 3, /"soon" is not a time/],
      ['m.csv', 'marker,time\n1,5\njust-a-name\n', 3, /expected "marker,time"/],
      ['m.csv', 'marker,time\n1,5\n2,6\n1,7\n', 4, /given twice \(first on line 2\)/],
      ['m.json', '{\n  "1": "5",\n  "2": 6,\n}\n', 4, /not valid JSON/],
    ];
    for (const [name, text, line, message] of cases) {
      const error = inputError(() => parseMarkersFile(text, name));
      expect([error.file, error.line]).toEqual([name, line]);
      expect(error.message).toMatch(message);
    }
  });
});

const EXAMPLE_MARKERS = buildFromText(EXAMPLE_TEXT, 'example').markers;

/** Ten of the example's 29 markers, at times near (but not at) the model's estimate: a slower talk, with jitter. */
function tenMarkers(): MarkerTable {
  const chosen = EXAMPLE_MARKERS.filter((_, i) => i % 3 === 1).slice(0, 10);
  expect(chosen).toHaveLength(10);
  return {
    source: 'ten.csv',
    anchors: chosen.map((m, i) => ({ key: m.image.replace(/^.*_(\d+)\.png$/, '$1'), time: Math.round((m.time * 1.06 + 5 + ((i % 3) - 1) * 3) * 1000) / 1000, line: i + 2 })),
  };
}

describe('timing pinned at the example markers', () => {
  for (const profile of [NETFLIX, BBC]) {
    it(`puts ten known markers exactly on their times, the others in order between, cues within ${profile.name} or named`, () => {
      const table = tenMarkers();
      const doc = buildFromText(EXAMPLE_TEXT, 'example', { anchors: table, profile });
      const byNumber = new Map(doc.markers.map((m) => [m.image.replace(/^.*_(\d+)\.png$/, '$1'), m]));
      for (const a of table.anchors) {
        expect(byNumber.get(a.key)!.time).toBe(a.time);
        expect(byNumber.get(a.key)!.pinned).toBe(true);
      }
      expect(doc.markers.filter((m) => m.pinned)).toHaveLength(10);
      const times = doc.markers.map((m) => m.time);
      expect(times).toEqual([...times].sort((a, b) => a - b));

      // the speech after a pinned marker starts exactly there, and no cue spans a pinned time
      for (const a of table.anchors) {
        const marker = byNumber.get(a.key)!;
        const after = doc.cues.find((c) => c.sourceLines[0] > marker.line)!;
        expect(after.start).toBe(a.time);
        expect(doc.cues.some((c) => c.start < a.time && c.end > a.time)).toBe(false);
      }
      const breaches = profileBreaches(doc.cues, profile);
      for (const b of breaches) expect(namedInWarnings(b.id, doc.warnings), `cue ${b.id} (${b.what}) is named in a warning`).toBe(true);
    });
  }

  it('names every cue the pins force past the profile when they leave too little time', () => {
    // the speech between markers 5 and 7 (about a minute of it) must fit in 20 s
    const at = (n: number) => EXAMPLE_MARKERS.find((m) => m.image.endsWith(`_${n}.png`))!.time;
    const anchors = [
      { key: '5', time: at(5), line: 2 },
      { key: '7', time: at(5) + 20, line: 3 },
    ];
    expect(at(7) - at(5)).toBeGreaterThan(40);
    const doc = buildFromText(EXAMPLE_TEXT, 'example', { anchors: { source: 'tight.csv', anchors } });
    const breaches = profileBreaches(doc.cues, NETFLIX);
    expect(breaches.length).toBeGreaterThan(0);
    for (const b of breaches) expect(namedInWarnings(b.id, doc.warnings), `cue ${b.id} (${b.what}) is named in a warning`).toBe(true);
    expect(doc.markers.filter((m) => m.pinned).map((m) => m.time)).toEqual(anchors.map((a) => a.time));
  });

  it('refuses markers that name nothing, are ambiguous, or go backwards, naming the markers file line', () => {
    const unknown = inputError(() => buildFromText(EXAMPLE_TEXT, 'ex', { anchors: { source: 'm.csv', anchors: [{ key: '1', time: 3, line: 2 }, { key: '99', time: 9, line: 3 }] } }));
    expect([unknown.file, unknown.line, unknown.message]).toEqual(['m.csv', 3, 'marker "99" names no image marker in the transcript']);
    const backwards = inputError(() =>
      buildFromText(EXAMPLE_TEXT, 'ex', {
        anchors: { source: 'm.csv', anchors: [{ key: '5', time: 300, line: 2 }, { key: '3', time: 400, line: 3 }] },
      }),
    );
    expect([backwards.file, backwards.line]).toEqual(['m.csv', 2]);
    expect(backwards.message).toMatch(/times go backwards: marker "5" \(line 2\) at 00:05:00.000 comes after marker "3" \(line 3\) at 00:06:40.000/);
    const twoDecks = '# Talk\n\n Hello。\n\n![](img/a_1.png)\n\n More。\n\n![](img/b_1.png)\n\n The end。\n';
    const ambiguous = inputError(() => buildFromText(twoDecks, 'ex', { anchors: { source: 'm.csv', anchors: [{ key: '1', time: 3, line: 2 }] } }));
    expect([ambiguous.line, ambiguous.message]).toEqual([2, 'marker "1" is ambiguous: it names the markers on transcript lines 5, 9']);
    expect(buildFromText(twoDecks, 'ex', { anchors: { source: 'm.csv', anchors: [{ key: 'b_1.png', time: 30, line: 2 }] } }).markers.map((m) => [m.pinned, m.time])).toEqual([
      [false, expect.any(Number)],
      [true, 30],
    ]);
    const twice = inputError(() =>
      buildFromText(EXAMPLE_TEXT, 'ex', { anchors: { source: 'm.csv', anchors: [{ key: '3', time: 30, line: 2 }, { key: 'img/dec71df9a9cccc974b7fc9bc0af9e52c_3.png', time: 31, line: 3 }] } }),
    );
    expect(twice.line).toBe(3);
    expect(twice.message).toMatch(/same image marker as "3"/);
  });

  it('starts the speech at --offset and ends it by --duration', () => {
    const doc = buildFromText(EXAMPLE_TEXT, 'ex', { offset: 12, duration: 3000 });
    expect(doc.cues[0].start).toBe(12);
    expect(doc.cues[doc.cues.length - 1].end).toBeLessThanOrEqual(3000);
    expect(doc.cues[doc.cues.length - 1].end).toBeGreaterThan(2990);
  });

  it('with --duration alone, starts the speech after a likely silent lead-in rather than at 0', () => {
    const durationOnly = buildFromText(EXAMPLE_TEXT, 'ex', { duration: 3000 });
    expect(durationOnly.cues[0].start).toBeGreaterThan(3);
    expect(durationOnly.cues[0].start).toBeLessThan(8);
    expect(durationOnly.cues[durationOnly.cues.length - 1].end).toBeLessThanOrEqual(3000);
    // a known offset still wins, and with no known time at all the speech starts at 0
    expect(buildFromText(EXAMPLE_TEXT, 'ex', { offset: 0, duration: 3000 }).cues[0].start).toBe(0);
    expect(buildFromText(EXAMPLE_TEXT, 'ex').cues[0].start).toBe(0);
  });

  it('weighs the lead-in prior against the slack by how long the known stretch is', () => {
    // over a long talk the slack is mostly the speaker's pace: the lead-in stays near the prior
    for (const real of [560, 600, 640]) expect(expectedLeadIn(real, 600)).toBeCloseTo(5, 0);
    // over a short clip the slack is mostly silence
    expect(expectedLeadIn(20, 10)).toBeGreaterThan(8);
    expect(expectedLeadIn(20, 10)).toBeLessThan(10);
    expect(expectedLeadIn(8, 10)).toBeLessThan(1);
    // never before 0, never after the known time
    expect(expectedLeadIn(1, 30)).toBe(0);
    expect(expectedLeadIn(3, 0)).toBe(3);
    expect(expectedLeadIn(0, 0)).toBe(0);
  });
});

describe('captions build --markers', () => {
  it('writes the pinned times to JSON, the VTT NOTEs and the markers track', () => {
    const dir = tempDir();
    const markers = join(dir, 'times.csv');
    writeFileSync(markers, 'marker,time\n3,00:02:00\ndec71df9a9cccc974b7fc9bc0af9e52c_9.png,400.5\n');
    const run = runCli(['build', EXAMPLE_PATH, '--markers', markers, '-o', dir, '-f', 'json,vtt', '-q']);
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.json'), 'utf8'));
    const pinned = json.markers.filter((m: { pinned: boolean }) => m.pinned).map((m: { image: string; time: number }) => [m.image.replace(/^.*_/, ''), m.time]);
    expect(pinned).toEqual([
      ['3.png', 120],
      ['9.png', 400.5],
    ]);
    
    const vtt = readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.vtt'), 'utf8');
    expect(vtt).toContain('NOTE img/dec71df9a9cccc974b7fc9bc0af9e52c_3.png at 120.000s');
    const track = readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.markers.vtt'), 'utf8');
    expect(track).toMatch(/\n00:02:00\.000 --> 00:\d\d:\d\d\.\d{3}\nimg\/dec71df9a9cccc974b7fc9bc0af9e52c_3\.png\n/);
    expect(track).toMatch(/\n00:06:40\.500 --> /);
    expect(track.match(/-->/g)).toHaveLength(29);
  });

  it('pins ten markers from a CSV file on the command line, with no unnamed breach of the profile', () => {
    const dir = tempDir();
    const table = tenMarkers();
    const markers = join(dir, 'ten.csv');
    writeFileSync(markers, ['marker,time', ...table.anchors.map((a) => `${a.key},${a.time}`)].join('\n') + '\n');
    const run = runCli(['build', EXAMPLE_PATH, '--markers', markers, '-o', dir, '-f', 'json']);
    expect(run.status).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'pycon-2022-lightning-talks-day2-am.json'), 'utf8'));
    const pinned = json.markers.filter((m: { pinned: boolean }) => m.pinned).map((m: { time: number }) => m.time);
    expect(pinned).toEqual(table.anchors.map((a) => a.time));
    // every warning printed about the timing is one of the named cue warnings
    const timing = run.stderr.trim().split('\n').filter((l) => l && !/\[speaker-[a-z-]+\]$/.test(l));
    for (const line of timing) expect(line).toMatch(/: warning: cues? \d+.*\[(reading-speed|pinned-too-close)\]$/);
  });

  it('refuses an --offset after the first known marker, naming the marker', () => {
    const doc = () => buildFromText(EXAMPLE_TEXT, 'ex', { offset: 200, anchors: { source: 'm.csv', anchors: [{ key: '3', time: 150, line: 2 }] } });
    const error = inputError(doc);
    expect([error.file, error.line]).toEqual(['m.csv', 2]);
    expect(error.message).toBe('times go backwards: marker "3" (line 2) at 00:02:30.000 comes after the start (--offset) at 00:03:20.000 in the transcript');
  });

  it('reports a bad markers file as file:line and exits 1; a bad time flag is a usage error', () => {
    const dir = tempDir();
    const markers = join(dir, 'times.csv');
    writeFileSync(markers, 'marker,time\n3,120\n77,200\n');
    const run = runCli(['build', EXAMPLE_PATH, '--markers', markers, '-o', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${markers}:3: error: marker "77" names no image marker in the transcript`);
    writeFileSync(markers, 'marker,time\n3,2 minutes\n');
    const bad = runCli(['build', EXAMPLE_PATH, '--markers', markers, '-o', dir]);
    expect([bad.status, bad.stderr.trim()]).toEqual([1, `${markers}:2: error: "2 minutes" is not a time (seconds, or HH:MM:SS.mmm)`]);
    expect(runCli(['build', EXAMPLE_PATH, '--duration', 'long', '-o', dir]).status).toBe(2);
    // A missing markers file is a bad input like a missing dictionary or roster: exit 1, naming it.
    const missing = runCli(['build', EXAMPLE_PATH, '--markers', join(dir, 'none.csv'), '-o', dir]);
    expect([missing.status, missing.stderr.trim()]).toEqual([1, `${join(dir, 'none.csv')}: error: cannot read the markers file: no such file`]);
  });
});
