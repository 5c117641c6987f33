// npm run bench: the cold-start budget of `captions build` on the shipped example.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const out = mkdtempSync(join(tmpdir(), 'captions-bench-'));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

const [baseline, build] = medians(
  [
    [process.execPath, ['-e', '']],
    [process.execPath, [join(root, 'bin/captions.js'), 'build', example, '-o', out, '-f', 'vtt,srt,json,txt', '--quiet']],
  ],
  RUNS,
);
console.log(`cold build of the example, all formats; medians of ${RUNS} runs`);
report("node -e '' (baseline)", baseline, undefined, ' s');
report('captions build example -f vtt,srt,json,txt', build, undefined, ' s');
const ok = report('ratio build / baseline', build / baseline, 7, '×');
process.exitCode = ok ? 0 : 1;
