// Design aid for transcripts whose capitals carry no information: the stop decision on the
// development files with every next line's first letter capitalised, so the capital-blind rules are
// measured without the held-out file. `node scripts/eval/case-blind.mjs [held] [-v]` (after a build).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sentenceContinues } from '../../dist/normalize/sentence-ends.js';
import { DEVELOPMENT, corpusDir, nameOracle } from './text.mjs';

const GOLD = fileURLToPath(new URL('../../test/fixtures/corpus-text-gold', import.meta.url));
const CORPUS = corpusDir();
if (!CORPUS) {
  console.log('case-blind: no corpus found; skipped');
  process.exit(0);
}
const ASCII = { '，': ',', '。': '.', '？': '?', '！': '!' };
const isName = nameOracle(readdirSync(CORPUS).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').map((f) => readFileSync(join(CORPUS, f), 'utf8')));
const held = process.argv.includes('held');
const verbose = process.argv.includes('-v');
let n = 0, right = 0;
const byEvidence = {};
for (const g of readdirSync(GOLD).filter((f) => f.endsWith('.json'))) {
  if (DEVELOPMENT.has(g.replace('.json', '')) === held) continue;
  const gold = JSON.parse(readFileSync(join(GOLD, g), 'utf8'));
  const lines = readFileSync(join(CORPUS, gold.source), 'utf8').split('\n');
  for (const s of gold.stops) {
    if (s.doubt) continue;
    let j = s.line;
    while (j < lines.length && !(/^ \S/.test(lines[j]) && !/^ !\[/.test(lines[j]))) j++;
    const nextLine = (lines[j] ?? '').trim();
    const after = nextLine.split(/(?<=[，。？！])\s*/)[0].replace(/[，。？！]/g, (c) => ASCII[c]).split(/\s+/).slice(0, 6);
    after[0] = after[0].replace(/^\p{Ll}/u, (c) => c.toUpperCase());
    const before = lines[s.line - 1].trim().replace(/。$/, '').split(/[。？！]/).pop().trim().replace(/，/g, ',').split(/\s+/);
    const evidence = sentenceContinues({ before, after, caseInformative: false, isName });
    if (evidence) {
      byEvidence[evidence] ??= { right: 0, wrong: 0 };
      byEvidence[evidence][s.end ? 'wrong' : 'right']++;
    }
    n++;
    if (!!evidence === !s.end) right++;
    else if (verbose) console.log(s.end ? 'END ' : 'DROP', evidence, before.slice(-5).join(' '), '|', after.join(' '));
  }
}
console.log(byEvidence, { n, accuracy: right / n });
