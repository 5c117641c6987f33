// npm run bench: fixing a caption draft of the example, and writing its review page, cold.
// Budget: the same ≤ 7× `node -e ''` as a cold build of the raw example.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin/captions.js');
const example = join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const out = mkdtempSync(join(tmpdir(), 'captions-bench-draft-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// the example's own VTT with the transcription's full-width punctuation put back: a draft to fix
const { buildFromText } = await import(join(root, 'dist/pipeline.js'));
const { writeVtt } = await import(join(root, 'dist/write/index.js'));
const { readFileSync } = await import('node:fs');
const clean = writeVtt(buildFromText(readFileSync(example, 'utf8'), 'example.md'));
const draft = join(out, 'draft.vtt');
writeFileSync(
  draft,
  clean
    .split('\n')
    .map((l) => (l.includes('-->') || /^(WEBVTT|NOTE)/.test(l) ? l : l.replace(/(\p{Ll})\.(?=\s|$)/gu, '$1。').replace(/(\p{L}), (?=\p{L})/gu, '$1，')))
    .join('\n'),
);

const [baseline, fix, review] = medians(
  [
    [process.execPath, ['-e', '']],
    [process.execPath, [bin, 'build', draft, '-o', join(out, 'out') + '/', '-f', 'vtt,srt,json', '--quiet']],
    [process.execPath, [bin, 'build', draft, '-o', join(out, 'out') + '/', '-f', 'vtt', '--quiet', '--report', join(out, 'review.html')]],
  ],
  RUNS,
);
console.log(`caption draft of the example (945 cues, full-width punctuation put back); medians of ${RUNS} runs`);
report("node -e '' (baseline)", baseline, undefined, ' s');
report('captions build draft.vtt -f vtt,srt,json', fix, undefined, ' s');
report('captions build draft.vtt --report review.html', review, undefined, ' s');
const ok = [report('ratio draft build / baseline', fix / baseline, 7, '×'), report('ratio draft build with review page / baseline', review / baseline, 7, '×')].every(Boolean);
process.exitCode = ok ? 0 : 1;
