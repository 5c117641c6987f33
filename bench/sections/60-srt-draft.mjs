// A one-hour SRT draft turned into WebVTT (its text cleaned, its timing kept) against
// `ffmpeg -i draft.srt out.vtt`, which only converts. Budget: ≤ 3× ffmpeg. Medians of BENCH_RUNS runs.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { medians, report } from '../lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
if (spawnSync('ffmpeg', ['-version']).status !== 0) {
  console.log('ffmpeg is not installed: skipped (bash .ci/run installs it)');
  process.exit(0);
}

// The example's captions stretched over exactly one hour, with the transcription's full-width
// punctuation put back, as a draft from a recognizer would come.
const { buildFromText } = await import(join(root, 'dist/pipeline.js'));
const { writeSrt } = await import(join(root, 'dist/write/index.js'));
const example = readFileSync(join(root, 'fixtures/pycon-2022-lightning-talks-day2-am.md'), 'utf8');
const clean = writeSrt(buildFromText(example, 'example.md', { duration: 3600 }));
const work = mkdtempSync(join(tmpdir(), 'captions-bench-srt-'));
const draft = join(work, 'draft.srt');
writeFileSync(draft, clean.split('\n').map((l) => (l.includes('-->') || /^\d+$/.test(l) ? l : l.replace(/\.(?= |$)/g, '。').replace(/, /g, '，'))).join('\n'));
const cues = (clean.match(/-->/g) ?? []).length;

const [ffmpeg, captions] = medians(
  [
    ['ffmpeg', ['-y', '-loglevel', 'error', '-i', draft, join(work, 'ffmpeg.vtt')]],
    [process.execPath, [join(root, 'bin/captions.js'), 'build', draft, '-f', 'vtt', '-o', join(work, 'captions.vtt'), '-q']],
  ],
  RUNS,
);
console.log(`a one-hour SRT draft (${cues} cues) to WebVTT; medians of ${RUNS} runs`);
report('ffmpeg -i draft.srt out.vtt (baseline)', ffmpeg, undefined, ' s');
report('captions build draft.srt -f vtt', captions, undefined, ' s');
const ok = report('ratio captions / ffmpeg', captions / ffmpeg, 3, '×');
rmSync(work, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
