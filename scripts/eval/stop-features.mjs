// Design aid: features of each annotated line-final stop, for measuring candidate stop rules on the
// panel-style transcript and on the other files with their capitals removed.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { DEVELOPMENT, corpusDir, nameOracle } from './text.mjs';

const GOLD = fileURLToPath(new URL('../../test/fixtures/corpus-text-gold', import.meta.url));
const CORPUS = corpusDir();
const ASCII = { '，': ',', '。': '.', '？': '?', '！': '!' };

/** Every annotated line-final stop (but doubtful ones) with the words before it and the next spoken line. */
export function stopSamples() {
  const isName = nameOracle(readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').map((f) => readFileSync(join(CORPUS, f), 'utf8')));
  const out = [];
  for (const g of readdirSync(GOLD).filter((f) => f.endsWith('.json'))) {
    const file = g.replace('.json', '');
    const gold = JSON.parse(readFileSync(join(GOLD, g), 'utf8'));
    const lines = readFileSync(join(CORPUS, gold.source), 'utf8').split('\n');
    for (const s of gold.stops) {
      if (s.doubt) continue;
      let j = s.line;
      while (j < lines.length && !(/^ \S/.test(lines[j]) && !/^ !\[/.test(lines[j]))) j++;
      const nextLine = (lines[j] ?? '').trim().replace(/[，。？！]/g, (c) => ASCII[c]);
      const nextWords = nextLine.split(/\s+/);
      const before = lines[s.line - 1].trim().replace(/。$/, '').split(/[。？！]/).pop().trim().replace(/，/g, ',').split(/\s+/);
      out.push({ file, dev: DEVELOPMENT.has(file), line: s.line, end: s.end, before, nextWords, rawNext: (lines[j] ?? '').trim(), isName, lines });
    }
  }
  return out;
}

/** Tags and chunks of the two lines joined without the stop, the next line's capital lowered. */
export function joinedParse(sample) {
  const next = sample.nextWords.slice(0, 8).map((w, k) => (k === 0 && !sample.isName(w) ? w.toLowerCase() : w));
  const before = sample.before.slice(-8);
  const text = [...before, ...next].join(' ');
  const doc = nlp(text);
  const terms = doc.terms().json().map((t) => ({ text: t.text, tags: t.terms[0].tags, chunk: t.terms[0].chunk }));
  return { text, terms, boundary: before.length };
}
