// npm run eval: builds the shipped example and every corpus transcript once, through the library,
// then runs each section in eval/sections (in name order) over the results and prints its table.
// A section scores one family of rules (speakers, text rules, cue breaking, term fixes):
// it exports `title` and `run(results)` (which may be async), returning the lines to print.
// EVAL_VERBOSE=1 lists each wrong name. `npm run eval -- <word>` runs only the sections whose file name contains that word.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, inputs } from './corpus.mjs';

// EVAL_LIB points at another build of the library (an older one, to compare against).
const { buildFromText } = await import(process.env.EVAL_LIB ? pathToFileURL(process.env.EVAL_LIB).href : '../dist/index.js');
const filter = process.argv[2];
const { list, dir } = inputs();
if (!dir) console.log('eval: no ../shared/corpus (set CAPTIONS_SHARED to the folder holding corpus/): only the shipped example is scored');

const started = performance.now();
const results = list.map((input) => {
  const t0 = performance.now();
  try {
    const document = buildFromText(input.text, input.name);
    return { ...input, document, ms: performance.now() - t0 };
  } catch (error) {
    return { ...input, error: String(error?.message ?? error), ms: performance.now() - t0 };
  }
});
const buildSeconds = (performance.now() - started) / 1000;

const sectionsDir = fileURLToPath(new URL('./sections', import.meta.url));
for (const file of readdirSync(sectionsDir).filter((f) => f.endsWith('.mjs')).sort()) {
  if (filter && !file.includes(filter)) continue;
  const section = await import(pathToFileURL(join(sectionsDir, file)).href);
  console.log(`\n## ${section.title}\n`);
  for (const line of await section.run(results)) console.log(line);
}
const failed = results.filter((r) => r.error);
for (const r of failed) console.log(`build failed: ${r.name}: ${r.error}`);
console.log(`\n${results.length} inputs built in ${buildSeconds.toFixed(1)} s (${ROOT})`);
process.exitCode = failed.length ? 1 : 0;
