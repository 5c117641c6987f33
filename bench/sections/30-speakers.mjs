// npm run bench: what speaker segmentation adds to the cold build of the example — the same build
// with and without it (--no-speakers keeps one segment), alternated run after run in one process.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const out = mkdtempSync(join(tmpdir(), 'captions-bench-speakers-'));
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 7));
const build = (...flags) => [process.execPath, [join(root, 'bin/captions.js'), 'build', example, '-o', out, '-f', 'vtt,srt,json,txt', '--quiet', ...flags]];

const [without, withSpeakers] = medians([build('--no-speakers'), build()], RUNS);
console.log(`cold build of the example, all formats, with and without speaker segmentation; medians of ${RUNS} runs`);
report('captions build --no-speakers (one segment)', without, undefined, ' s');
report('captions build (speaker segments, labels, chapters)', withSpeakers, undefined, ' s');
const ok = report('ratio with / without segmentation', withSpeakers / without, 1.2, '×');
process.exitCode = ok ? 0 : 1;
