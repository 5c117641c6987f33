import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Tests that run the built CLI, a browser or another program (ffmpeg), or that read the corpus of real
 * transcripts (through `corpusDir`), are integration tests: they are told apart by what they import,
 * so a new test lands in the right project without a list to keep.
 */
const INTEGRATION = /from '(?:\.\/helpers\/(?:cli|browser)\.js|node:child_process|playwright-core)'|\bcorpusDir\b/;
const testDir = fileURLToPath(new URL('./test', import.meta.url));
const testFiles = readdirSync(testDir).filter((f) => f.endsWith('.test.ts'));
const integration = testFiles.filter((f) => INTEGRATION.test(readFileSync(`${testDir}/${f}`, 'utf8'))).map((f) => `test/${f}`);

// The unit tests call pure functions and leave no state behind, so each worker keeps one module graph
// for all its files (isolate: false) instead of loading the pipeline, its dictionaries and compromise
// again for every file: that was most of the project's time.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: integration, isolate: false } },
      { extends: true, test: { name: 'integration', include: integration } },
    ],
  },
});
