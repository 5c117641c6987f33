// Cue measurement over the whole corpus: builds every transcript with the built pipeline (dist/) and
// counts what a captioner rejects: lines ending on an article, tight phrases split across a line or
// cue break, fragment cues, sentences cut at a slide marker with no known time, `>>`-only cues and
// chapters, sound-tag runs, and the garbage warnings.
//
//   evaluateCues(corpusDir, { profile }) → { files: [{ file, counts }], totals }

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { corpusDir } from './text.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = process.env.CAPTIONS_DIST ?? join(ROOT, 'dist');
const dist = (p) => import(pathToFileURL(join(DIST, p)).href);

const ARTICLES = new Set(['a', 'an', 'the']);
const bare = (w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
const SENTENCE_END = /[.?!…]["'”’)\]]*$/;
/** A cue or title with no word once `>>` turns and punctuation are taken out (a sound tag is a word). */
const isBareTurn = (text) => !/[\p{L}\p{N}]/u.test(text.replace(/>>/g, ''));

/** The counts for one built document. */
export function countCues(doc, splitsTightPhrase, sentencesCutAtMarkers) {
  const counts = {
    cues: 0,
    lines: 0,
    lineEndsOnArticle: 0,
    tightSplitLine: 0,
    tightSplitCue: 0,
    fragmentCues: 0,
    bareTurnCues: 0,
    bareTurnChapters: 0,
    soundRuns: 0,
    cutAtUnpinnedMarker: sentencesCutAtMarkers,
    examples: [],
  };
  const speechCues = doc.cues.filter((c) => !/^\[[^\]]*\]$/.test(c.lines.join(' ').trim()));
  counts.cues = doc.cues.length;
  doc.cues.forEach((cue, i) => {
    const text = cue.lines.join(' ').trim();
    if (isBareTurn(text)) counts.bareTurnCues++;
    const prev = doc.cues[i - 1];
    if (prev && /^\[[^\]]*\]$/.test(text) && prev.lines.join(' ').trim() === text) counts.soundRuns++;
    for (let l = 0; l < cue.lines.length; l++) {
      counts.lines++;
      const words = cue.lines[l].split(/\s+/);
      if (ARTICLES.has(bare(words[words.length - 1])) && !SENTENCE_END.test(words[words.length - 1])) {
        counts.lineEndsOnArticle++;
        counts.examples.push(`article: ${cue.lines.join(' / ')}`);
      }
      if (l + 1 < cue.lines.length) {
        const joined = [...words, ...cue.lines[l + 1].split(/\s+/)];
        if (splitsTightPhrase(joined, words.length - 1)) {
          counts.tightSplitLine++;
          counts.examples.push(`tight line: ${cue.lines.join(' / ')}`);
        }
      }
    }
  });
  speechCues.forEach((cue, i) => {
    const words = cue.lines.join(' ').split(/\s+/);
    const next = speechCues[i + 1];
    const prev = speechCues[i - 1];
    if (next && next.segment === cue.segment) {
      const joined = [...words, ...next.lines.join(' ').split(/\s+/)];
      if (splitsTightPhrase(joined, words.length - 1)) {
        counts.tightSplitCue++;
        counts.examples.push(`tight cue: ${cue.lines.join(' ')} || ${next.lines.join(' ')}`);
      }
    }
    // A fragment: three words or fewer that are not a whole sentence of their own.
    const startsSentence = !prev || SENTENCE_END.test(prev.lines.join(' ').trim()) || prev.segment !== cue.segment;
    const whole = startsSentence && SENTENCE_END.test(words[words.length - 1]);
    if (words.length <= 3 && !whole) {
      counts.fragmentCues++;
      counts.examples.push(`fragment: ${cue.lines.join(' ')}`);
    }
  });
  return counts;
}

/** Sentences the sentence stage ends at a marker with no known time, though their words go on. */
function sentencesCutAtMarkers(units) {
  let cut = 0;
  units.forEach((u, i) => {
    const next = units[i + 1];
    if (u.type === 'sentence' && next?.type === 'marker' && !SENTENCE_END.test(u.words[u.words.length - 1].text)) cut++;
  });
  return cut;
}

export async function evaluateCues(dir, { profileName = 'netflix' } = {}) {
  const { buildFromText, parseTranscript, profileByName, splitSentences, detectSpeakers } = await dist('index.js');
  const { cleanText } = await dist('clean-text.js');
  // The project's own list measures every build, an older one's too.
  const { splitsTightPhrase } = await import(pathToFileURL(join(ROOT, 'dist/cues/tight-phrases.js')).href);
  const profile = profileByName(profileName);
  const files = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.md') && x !== 'SOURCES.md').sort()) {
    const text = readFileSync(join(dir, f), 'utf8');
    const doc = buildFromText(text, f, { profile });
    const stream = cleanText(parseTranscript(text));
    const speakers = detectSpeakers(stream.tokens, {});
    const units = splitSentences(speakers.tokens, speakers.segments);
    const counts = countCues(doc, splitsTightPhrase, sentencesCutAtMarkers(units));
    counts.bareTurnChapters = doc.segments.filter((s) => s.role === 'speaker' && !doc.cues.some((c) => c.segment === doc.segments.indexOf(s) && !isBareTurn(c.lines.join(' ')))).length;
    counts.loops = doc.warnings.filter((w) => w.code === 'repetition-loop').map((w) => `${w.line}: ${w.message.slice(0, 120)}`);
    counts.soundTagWarnings = doc.warnings.filter((w) => w.code === 'sound-tag-run').length;
    files.push({ file: f.replace(/\.md$/, ''), counts });
  }
  const totals = {};
  for (const { counts } of files) for (const [k, v] of Object.entries(counts)) if (typeof v === 'number') totals[k] = (totals[k] ?? 0) + v;
  return { files, totals };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = corpusDir();
  if (!dir) {
    console.log('eval:cues: no ../shared/corpus (or CAPTIONS_SHARED) found; skipped');
    process.exit(0);
  }
  const profileName = process.argv.find((a) => a.startsWith('--profile='))?.slice(10) ?? 'netflix';
  const { files, totals } = await evaluateCues(dir, { profileName });
  const verbose = process.argv.includes('--examples');
  for (const { file, counts } of files) {
    const { examples, loops, ...numbers } = counts;
    console.log(file, JSON.stringify(numbers));
    for (const l of loops) console.log('   loop', l);
    if (verbose) for (const e of examples.slice(0, 40)) console.log('   ', e);
  }
  console.log(`\n${profileName} totals`, JSON.stringify(totals), `fragment share ${((totals.fragmentCues / totals.cues) * 100).toFixed(2)}%`);
}
