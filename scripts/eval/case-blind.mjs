// Design aid for transcripts whose capitals carry no information: the stop decision on the
// development files with every next line's first letter capitalised, so the capital-blind rules are
// measured without the held-out file. `node scripts/eval/case-blind.mjs [held] [-v]` (after a build).
import { sentenceContinues } from '../../dist/normalize/sentence-ends.js';
import { stopSamples } from './stop-features.mjs';
import { corpusDir } from './text.mjs';

if (!corpusDir()) {
  console.log('case-blind: no corpus found; skipped');
  process.exit(0);
}
const ASCII = { '，': ',', '。': '.', '？': '?', '！': '!' };
const held = process.argv.includes('held');
const verbose = process.argv.includes('-v');
let n = 0, right = 0;
const byEvidence = {};
for (const s of stopSamples()) {
  if (s.dev === held) continue;
  const after = s.rawNext.split(/(?<=[，。？！])\s*/)[0].replace(/[，。？！]/g, (c) => ASCII[c]).split(/\s+/).slice(0, 6);
  after[0] = after[0].replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const evidence = sentenceContinues({ before: s.before, after, caseInformative: false, isName: s.isName });
  if (evidence) {
    byEvidence[evidence] ??= { right: 0, wrong: 0 };
    byEvidence[evidence][s.end ? 'wrong' : 'right']++;
  }
  n++;
  if (!!evidence === !s.end) right++;
  else if (verbose) console.log(s.end ? 'END ' : 'DROP', evidence, s.before.slice(-5).join(' '), '|', after.join(' '));
}
console.log(byEvidence, { n, accuracy: right / n });
