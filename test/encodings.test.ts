// Inputs in the encodings people have. Every file here is made at test time with iconv-lite from a
// UTF-8 original (test/fixtures/encodings/): UTF-16 and UTF-32 with a byte order mark, Windows-1252,
// GB2312, Big5 and Shift_JIS. Each must give the same cues and text as the original, through the
// library and the command line; mixed or undetectable bytes must give a clear error, not a guess.

import iconv from 'iconv-lite';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFromBytes } from '../src/pipeline.js';
import { decodeBytes } from '../src/read/decode.js';
import { renderFormat } from '../src/write/index.js';
import { toJsonObject } from '../src/write/json.js';
import type { CaptionDocument } from '../src/types.js';
import { EXAMPLE_PATH, ROOT } from './helpers/example.js';
import { runCli, tempDir } from './helpers/cli.js';
import { thrownBy } from './helpers/errors.js';

const ORIGINALS = join(ROOT, 'test/fixtures/encodings');
const original = (name: string) => readFileSync(join(ORIGINALS, name), 'utf8');

const UNICODE = ['utf-16le', 'utf-16be', 'utf-32le', 'utf-32be'];
/** The legacy encoding each original is written in, and the name the detector reads it by. */
const LEGACY: Record<string, { encoding: string; detectedAs: string }> = {
  latin: { encoding: 'windows-1252', detectedAs: 'windows-1252' },
  'zh-hans': { encoding: 'gb2312', detectedAs: 'gb18030' },
  'zh-hant': { encoding: 'big5', detectedAs: 'big5' },
  ja: { encoding: 'shift_jis', detectedAs: 'shift_jis' },
  // English with full-width punctuation, as the example is written: saved as GB2312
  'en-fullwidth': { encoding: 'gb2312', detectedAs: 'gb18030' },
};

interface Case {
  file: string;
  encoding: string;
  /** What decodeBytes must report. */
  expected: string;
  detected: boolean;
  bytes: Buffer;
}

const cases: Case[] = readdirSync(ORIGINALS)
  .sort()
  .flatMap((file) => {
    const text = original(file);
    const legacy = LEGACY[file.replace(/\.\w+$/, '')];
    return [
      { file, encoding: legacy.encoding, expected: legacy.detectedAs, detected: true, bytes: iconv.encode(text, legacy.encoding) },
      ...UNICODE.map((encoding) => ({ file, encoding, expected: encoding, detected: false, bytes: iconv.encode(text, encoding, { addBOM: true }) })),
    ];
  });

/** What a document says, less how its bytes were read. */
function content(doc: CaptionDocument) {
  const { encoding: _encoding, ...rest } = toJsonObject(doc);
  return { ...rest, warnings: rest.warnings.filter((w) => w.code !== 'encoding-detected') };
}

const errorOf = (bytes: Uint8Array, encoding?: string) => thrownBy('input', () => decodeBytes(bytes, encoding));
const cat = (...parts: Buffer[]) => Buffer.concat(parts);

describe('reading files in other encodings (library)', () => {
  it('has every kind of input and encoding the issue names', () => {
    expect(new Set(cases.map((c) => c.file.split('.')[1]))).toEqual(new Set(['srt', 'vtt', 'md']));
    expect(new Set(cases.map((c) => c.encoding))).toEqual(new Set([...UNICODE, 'windows-1252', 'gb2312', 'big5', 'shift_jis']));
    // the originals hold what makes each encoding hard: curly quotes, dashes, accents, CJK
    expect(original('latin.srt')).toMatch(/[“”’].*|–|—|é|€/);
  });

  it.each(cases.map((c) => [`${c.file} in ${c.encoding}`, c] as const))('%s gives the text and the captions of the UTF-8 original', (_name, c) => {
    const decoded = decodeBytes(c.bytes);
    expect(decoded.text).toBe(original(c.file));
    expect([decoded.encoding, decoded.detected]).toEqual([c.expected, c.detected]);
    const fromUtf8 = buildFromBytes(Buffer.from(original(c.file)), c.file);
    const fromEncoded = buildFromBytes(c.bytes, c.file);
    expect(fromEncoded.cues.length).toBeGreaterThan(0);
    expect(content(fromEncoded)).toEqual(content(fromUtf8));
    for (const format of ['srt', 'vtt', 'txt'] as const) expect(renderFormat(fromEncoded, format)).toEqual(renderFormat(fromUtf8, format));
    expect(fromEncoded.encoding).toBe(c.expected);
    expect(fromUtf8.encoding).toBe('utf-8');
    // a guess is said; a byte order mark is not a guess
    expect(fromEncoded.warnings.some((w) => w.code === 'encoding-detected' && w.message.includes(c.expected))).toBe(c.detected);
  });

  it('keeps CRLF drafts read as today (line ends as LF), whatever the encoding', () => {
    const crlf = original('latin.srt').replace(/\n/g, '\r\n');
    for (const encoding of ['windows-1252', 'utf-16le']) {
      const doc = buildFromBytes(iconv.encode(crlf, encoding, { addBOM: encoding !== 'windows-1252' }), 'latin.srt');
      expect(content(doc)).toEqual(content(buildFromBytes(Buffer.from(crlf), 'latin.srt')));
    }
  });

  // A film's draft as subtitle sites give them: 1,332 cues, CRLF, in Windows-1252 or with a byte order mark.
  const clock = (s: number) => `${String(Math.floor(s / 3600)).padStart(2, '0')}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const filmDraft = (lines: string[], asciiCuesFirst = 0) =>
    Array.from({ length: asciiCuesFirst + 1332 }, (_, i) => `${i + 1}\r\n${clock(i * 3)},000 --> ${clock(i * 3 + 2)},500\r\n${i < asciiCuesFirst ? 'Okay, go on.' : lines[i % lines.length]}\r\n`).join('\r\n');
  const FILM = ['I don’t know what you’re talking about.', '“Nowhere,” she said.', 'It’s late – we should go.', 'Wait… did you hear that?', 'No — listen to me.', 'Meet me at the café.', 'Señor Pérez is here.', 'Okay.'];

  it.each(['windows-1252', 'utf-8', 'utf-16le', 'utf-16be', 'utf-32le'])('reads a long film draft with CRLF in %s', (encoding) => {
    const srt = filmDraft(FILM);
    const doc = buildFromBytes(iconv.encode(srt, encoding, { addBOM: encoding !== 'windows-1252' }), 'film.srt');
    expect([doc.encoding, doc.cues.length]).toEqual([encoding, 1332]);
    expect(doc.cues[1].lines).toEqual(['“Nowhere,” she said.']);
    expect(content(doc)).toEqual(content(buildFromBytes(Buffer.from(srt), 'film.srt')));
  });

  it('finds the evidence in a long file however late it comes, and mixing however late', () => {
    // 3,000 ASCII cues (over 100 KB) before the first curly quote
    const late = filmDraft(FILM, 3000);
    expect(Buffer.byteLength(late)).toBeGreaterThan(100_000);
    expect(decodeBytes(iconv.encode(late, 'windows-1252'))).toEqual({ text: late.replace(/\r\n/g, '\n'), encoding: 'windows-1252', detected: true });
    const mixedLate = cat(iconv.encode(filmDraft(FILM), 'windows-1252'), Buffer.from('\r\n9999\r\n10:00:00,000 --> 10:00:01,000\r\n“The end.”\r\n'));
    expect(errorOf(mixedLate).message).toMatch(/^file mixes UTF-8 \(line \d{4,}\) with another encoding \(likely windows-1252\)/);
  });

  it('refuses a file that mixes UTF-8 with another encoding, naming both lines', () => {
    const utf8ThenLatin = cat(Buffer.from(original('latin.srt')), iconv.encode('\n9\n00:00:30,000 --> 00:00:31,000\n“Fin” – café\n', 'windows-1252'));
    const mixed = errorOf(utf8ThenLatin);
    expect(mixed.line).toBe(original('latin.srt').split('\n').length + 3);
    expect(mixed.message).toMatch(/^file mixes UTF-8 \(line 3\) with another encoding \(likely windows-1252\)/);
    const gbThenUtf8 = errorOf(cat(iconv.encode(original('zh-hans.srt'), 'gb2312'), Buffer.from(original('zh-hant.srt'))));
    expect([gbThenUtf8.line, gbThenUtf8.message]).toEqual([3, expect.stringMatching(/^file mixes UTF-8 \(line 26\) with another encoding/)]);
    const sjisThenUtf8 = errorOf(cat(iconv.encode(original('ja.srt'), 'shift_jis'), Buffer.from(original('ja.vtt'))));
    expect(sjisThenUtf8.message).toMatch(/^file mixes UTF-8 \(line 27\)/);
    // the example, UTF-8, with one Latin-1 byte typed into line 11
    const example = readFileSync(EXAMPLE_PATH);
    example[example.indexOf('Keynotes') + 1] = 0xe9;
    expect([errorOf(example).line, errorOf(example).message]).toEqual([11, expect.stringMatching(/^file mixes UTF-8 \(line 1\) with another encoding/)]);
  });

  it('refuses bytes whose encoding is not certain, naming the likely one and the flag', () => {
    // Shift_JIS then Windows-1252: the detector's first choice cannot read the end
    const sjisThenLatin = errorOf(cat(iconv.encode(original('ja.srt'), 'shift_jis'), iconv.encode(original('latin.vtt'), 'windows-1252')));
    expect(sjisThenLatin.message).toBe('file is not valid UTF-8 and its encoding is not certain (likely shift_jis): give it with --encoding shift_jis');
    // one accented letter is too little to go on
    const short = errorOf(Buffer.from('# Talk\n\n Caf\xe9 talk.\n', 'latin1'));
    expect([short.line, short.message]).toEqual([3, expect.stringMatching(/^file is not valid UTF-8 and its encoding is not certain \(likely [\w-]+\): give it with --encoding [\w-]+$/)]);
    // EUC-JP and GB18030 both read these bytes, differently
    expect(errorOf(iconv.encode(original('ja.vtt'), 'euc-jp')).message).toMatch(/likely euc-jp or gb18030\)/);
    // noise
    const noise = Buffer.from(Array.from({ length: 2000 }, (_, i) => 1 + ((i * 7919 + 13) % 255)));
    expect(errorOf(noise).message).toMatch(/^file is not valid UTF-8 and its encoding (is not certain|could not be told)/);
  });

  it('names UTF-16 and UTF-32 without a byte order mark, and still refuses NUL bytes in other files', () => {
    const text = original('latin.srt');
    for (const encoding of UNICODE) {
      const error = errorOf(iconv.encode(text, encoding));
      expect([error.line, error.message]).toEqual([1, `file looks like ${encoding.toUpperCase()} without a byte order mark: give it with --encoding ${encoding}`]);
      expect(decodeBytes(iconv.encode(text, encoding), encoding)).toEqual({ text, encoding, detected: false });
    }
    expect(errorOf(Buffer.from('# T\n\n Hi\u0000 there.\n')).message).toMatch(/NUL bytes: binary data/);
  });

  it('reads in the encoding given, over the detector; UTF-8 and byte order marks stay as they are', () => {
    const latin = iconv.encode(original('latin.srt'), 'windows-1252');
    // the same bytes read as Windows-1250 (Central European) differ where the two disagree
    const asCentral = decodeBytes(latin, 'windows-1250');
    expect([asCentral.encoding, asCentral.detected]).toEqual(['windows-1250', false]);
    expect(asCentral.text).not.toBe(original('latin.srt'));
    expect(asCentral.text).toBe(iconv.decode(latin, 'windows-1250'));
    expect(decodeBytes(iconv.encode(original('ja.vtt'), 'euc-jp'), 'EUC-JP')).toEqual({ text: original('ja.vtt'), encoding: 'euc-jp', detected: false });
    expect(decodeBytes(Buffer.from(original('ja.srt')), 'shift_jis').encoding).toBe('utf-8');
    expect(decodeBytes(iconv.encode(original('ja.srt'), 'utf-16be', { addBOM: true }), 'shift_jis').encoding).toBe('utf-16be');
    // a byte the given encoding does not define is an error with its line
    const undefinedByte = errorOf(Buffer.from('1\n00:00:01,000 --> 00:00:02,000\nab\x81 c\n', 'latin1'), 'shift_jis');
    expect([undefinedByte.line, undefinedByte.message]).toEqual([3, 'file is not valid shift_jis']);
  });
});

describe('reading files in other encodings (command line)', () => {
  it('builds every encoded file as its UTF-8 original, says which encoding was used, and reads dictionaries, rosters and markers the same way', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    // one output stem per input: talk.srt and talk.md would claim the same outputs
    const distinct = (file: string) => file.replace(/\.(\w+)$/, '-$1.$1');
    for (const file of readdirSync(ORIGINALS)) writeFileSync(join(dir, 'in', `utf-8.${distinct(file)}`), original(file));
    const written = cases.map((c) => {
      const name = `${c.encoding}.${distinct(c.file)}`;
      writeFileSync(join(dir, 'in', name), c.bytes);
      return { ...c, name };
    });
    const run = runCli(['build', 'in', '-o', 'out', '-f', 'json,srt,vtt', '--json', '--jobs', '2'], { cwd: dir });
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as { summary: { built: number }; files: Array<{ input: string; diagnostics: Array<{ code?: string; message: string }> }> };
    expect(summary.summary.built).toBe(78);
    for (const c of written) {
      const stem = c.name.replace(/\.\w+$/, '');
      const utf8Stem = `utf-8.${distinct(c.file).replace(/\.\w+$/, '')}`;
      const json = JSON.parse(readFileSync(join(dir, 'out', `${stem}.json`), 'utf8'));
      const reference = JSON.parse(readFileSync(join(dir, 'out', `${utf8Stem}.json`), 'utf8'));
      expect([c.name, json.encoding], 'the JSON names the encoding').toEqual([c.name, c.expected]);
      expect(reference.encoding).toBe('utf-8');
      const same = (doc: { source: string; encoding?: string; warnings: Array<{ code: string }> }) => ({ ...doc, source: '', encoding: '', warnings: doc.warnings.filter((w) => w.code !== 'encoding-detected') });
      expect(same(json), `${c.name} gives the cues and text of ${c.file}`).toEqual(same(reference));
      for (const ext of ['srt', 'vtt']) {
        expect(readFileSync(join(dir, 'out', `${stem}.${ext}`), 'utf8')).toBe(readFileSync(join(dir, 'out', `${utf8Stem}.${ext}`), 'utf8'));
      }
      // the log (stderr and the --json summary) says when the encoding was a guess
      const warning = `in/${c.name}:1: warning: not UTF-8: read as ${c.expected}, as detected (give --encoding ${c.expected} to confirm) [encoding-detected]`;
      expect(run.stderr.split('\n').includes(warning), warning).toBe(c.detected);
      expect(summary.files.find((f) => f.input === `in/${c.name}`)?.diagnostics.some((d) => d.code === 'encoding-detected')).toBe(c.detected);
    }
  });

  it('refuses mixed and uncertain files in one line naming the file, and --encoding or the config key reads them', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'mixed.srt'), cat(Buffer.from(original('latin.srt')), iconv.encode('\n9\n00:00:30,000 --> 00:00:31,000\n“Fin” – café\n', 'windows-1252')));
    writeFileSync(join(dir, 'short.md'), Buffer.from('# Talk\n\n Caf\xe9 talk.\n', 'latin1'));
    writeFileSync(join(dir, 'euc.vtt'), iconv.encode(original('ja.vtt'), 'euc-jp'));
    writeFileSync(join(dir, 'no-bom.srt'), iconv.encode(original('latin.srt'), 'utf-16le'));
    const refused = runCli(['build', 'mixed.srt', 'short.md', 'euc.vtt', 'no-bom.srt', '-o', 'out/', '-f', 'json'], { cwd: dir });
    expect(refused.status).toBe(1);
    const errors = refused.stderr.split('\n').filter((l) => l.includes(': error: ')).sort();
    expect(errors).toEqual([
      expect.stringMatching(/^euc\.vtt:4: error: file is not valid UTF-8 and its encoding is not certain \(likely euc-jp or gb18030\): give it with --encoding euc-jp$/),
      expect.stringMatching(/^mixed\.srt:38: error: file mixes UTF-8 \(line 3\) with another encoding \(likely windows-1252\)/),
      'no-bom.srt:1: error: file looks like UTF-16LE without a byte order mark: give it with --encoding utf-16le',
      expect.stringMatching(/^short\.md:3: error: file is not valid UTF-8 and its encoding is not certain/),
    ]);
    expect(() => readdirSync(join(dir, 'out'))).toThrow();

    const given = runCli(['build', 'euc.vtt', '-o', 'out/', '-f', 'json', '--encoding', 'euc-jp'], { cwd: dir });
    expect(given.stderr).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out/euc.json'), 'utf8')).encoding).toBe('euc-jp');
    writeFileSync(join(dir, 'captions.config.json'), JSON.stringify({ encoding: 'utf-16le', build: { formats: 'json' } }));
    const configured = runCli(['build', 'no-bom.srt', '-o', 'conf/'], { cwd: dir });
    expect([configured.status, configured.stderr]).toEqual([0, '']);
    expect(JSON.parse(readFileSync(join(dir, 'conf/no-bom.json'), 'utf8')).encoding).toBe('utf-16le');
    const unknown = runCli(['build', 'euc.vtt', '--encoding', 'klingon'], { cwd: dir });
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringMatching(/^captions: --encoding: unknown encoding "klingon"/)]);
  });

  it('reads dictionaries, rosters and markers files in other encodings', () => {
    const dir = tempDir();
    const talk = original('latin.md').replace('Zoë Müller from', 'Zoe Muller from').replace('São Paulo', 'Sao Paulo');
    writeFileSync(join(dir, 'talk.md'), talk.replace('\n\n [ Applause ]', '\n\n![](img/talk_1.png)\n\n [ Applause ]'));
    writeFileSync(join(dir, 'terms.yaml'), iconv.encode('entries:\n  - term: São Paulo\n    variants: [Sao Paulo]\n', 'utf-16le', { addBOM: true }));
    writeFileSync(join(dir, 'roster.yaml'), iconv.encode('hosts:\n  - name: Mélanie Françoise\nspeakers:\n  - name: Zoë Müller\n    aliases: [Zoe Muller]\n    title: “Naïve résumé parsing”\n', 'utf-32be', { addBOM: true }));
    writeFileSync(join(dir, 'times.csv'), iconv.encode('marker,time\n1,5\n', 'utf-16be', { addBOM: true }));
    const run = runCli(['build', 'talk.md', '-o', 'out/', '-f', 'json', '-d', 'terms.yaml', '--speakers', 'roster.yaml', '--markers', 'times.csv'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'out/talk.json'), 'utf8'));
    const fixed = json.corrections.map((c: { to: string }) => c.to).join(' | ');
    expect(fixed).toContain('São Paulo');
    expect(fixed).toContain('Zoë Müller');
    expect(json.markers).toEqual([expect.objectContaining({ image: 'img/talk_1.png', time: 5, pinned: true })]);
    // a Windows-1252 dictionary is detected
    writeFileSync(join(dir, 'terms-1252.yaml'), iconv.encode('entries:\n  - term: Zoë Müller\n    variants: [Zoe Muller]\n', 'windows-1252'));
    const latin = runCli(['build', 'talk.md', '-o', 'out2/', '-f', 'json', '-d', 'terms-1252.yaml'], { cwd: dir });
    expect(latin.status, latin.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out2/talk.json'), 'utf8')).corrections.some((c: { to: string }) => c.to === 'Zoë Müller')).toBe(true);
    // one that cannot be read with confidence stops the run, naming it, and is read when given its encoding
    writeFileSync(join(dir, 'mixed.yaml'), cat(Buffer.from('entries:\n  - term: Zoë\n    variants: [Zoe]\n'), Buffer.from('  - term: Caf\xe9\n    variants: [Cafe]\n', 'latin1')));
    const bad = runCli(['build', 'talk.md', '-o', 'out3/', '-d', 'mixed.yaml'], { cwd: dir });
    expect([bad.status, bad.stderr]).toEqual([1, expect.stringMatching(/^mixed\.yaml:4: error: file mixes UTF-8 \(line 2\) with another encoding/)]);
    const given = runCli(['build', 'talk.md', '-o', 'out3/', '-d', 'mixed.yaml', '--encoding', 'windows-1252'], { cwd: dir });
    expect(given.status, given.stderr).toBe(0);
    writeFileSync(join(dir, 'times-bad.csv'), cat(Buffer.from('marker,time\n1,5 é\n'), Buffer.from('2,7 caf\xe9\n', 'latin1')));
    const badMarkers = runCli(['build', 'talk.md', '-o', 'out4/', '--markers', 'times-bad.csv'], { cwd: dir });
    expect([badMarkers.status, badMarkers.stderr]).toEqual([1, expect.stringMatching(/^times-bad\.csv:3: error: file mixes UTF-8 \(line 2\)/)]);
  });

  it('checks caption files in other encodings and says which encoding each was read in', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.srt'), iconv.encode(original('latin.srt'), 'windows-1252'));
    writeFileSync(join(dir, 'b.vtt'), iconv.encode(original('zh-hant.vtt'), 'utf-16le', { addBOM: true }));
    writeFileSync(join(dir, 'c.srt'), original('ja.srt'));
    const run = runCli(['check', 'a.srt', 'b.vtt', 'c.srt', '--format', 'json'], { cwd: dir });
    const report = JSON.parse(run.stdout) as { files: Array<{ file: string; encoding: string; cues: number; findings: Array<{ code: string }> }> };
    expect(report.files.map((f) => [f.file, f.encoding, f.cues])).toEqual([
      ['a.srt', 'windows-1252', 8],
      ['b.vtt', 'utf-16le', 5],
      ['c.srt', 'utf-8', 6],
    ]);
    expect(report.files.map((f) => f.findings.some((x) => x.code === 'encoding-detected'))).toEqual([true, false, false]);
    const confirmed = JSON.parse(runCli(['check', 'a.srt', '--format', 'json', '--encoding', 'windows-1252'], { cwd: dir }).stdout);
    expect(confirmed.files[0].findings.some((x: { code: string }) => x.code === 'encoding-detected')).toBe(false);
  });

  it('loads the decoder and the detector only for a file that is not UTF-8', () => {
    const dir = tempDir();
    // reports, at exit, which of the two packages the run had loaded
    writeFileSync(join(dir, 'loaded.cjs'), "process.on('exit', () => process.stderr.write('loaded:' + Object.keys(require.cache).filter((k) => /node_modules[\\\\/](iconv-lite|chardet)[\\\\/]/.test(k)).map((k) => k.match(/(iconv-lite|chardet)/)[1]).filter((v, i, a) => a.indexOf(v) === i).sort().join(',') + '\\n'));\n");
    writeFileSync(join(dir, 'latin.srt'), iconv.encode(original('latin.srt'), 'windows-1252'));
    const env = { NODE_OPTIONS: `--require ${join(dir, 'loaded.cjs')}` };
    const utf8 = runCli(['build', EXAMPLE_PATH, '-o', join(dir, 'out'), '-f', 'vtt,srt,json,txt', '--quiet'], { env });
    expect(utf8.stderr.trim().split('\n').at(-1)).toBe('loaded:');
    const latin = runCli(['build', join(dir, 'latin.srt'), '-o', join(dir, 'out'), '-f', 'json', '--quiet'], { env });
    expect(latin.stderr.trim().split('\n').at(-1)).toBe('loaded:chardet,iconv-lite');
  });
});
