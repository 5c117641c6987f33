// Where the evaluation's inputs live: the shipped example, and the corpus of real transcripts in
// ../shared/corpus (CAPTIONS_SHARED, else ../shared beside the project or beside its worktree
// parent), with the speaker gold written by reading each one (test/fixtures/corpus-gold).

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOLD_DIR = join(ROOT, 'test/fixtures/corpus-gold');
const EXAMPLE = join(ROOT, 'fixtures/pycon-2022-lightning-talks-day2-am.md');
const EXAMPLE_GOLD = join(ROOT, 'test/fixtures/example-segments.json');

/** The corpus folder, or null when none of the places holds one. */
export function corpusDir() {
  const candidates = [process.env.CAPTIONS_SHARED, join(ROOT, '../shared'), join(ROOT, '../../shared')]
    .filter(Boolean)
    .map((dir) => join(dir, 'corpus'));
  return candidates.find((dir) => existsSync(dir)) ?? null;
}

function readGold(path) {
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
}

/** Every input: `{ name, path, text, gold, corpus }`, the example first (gold null where none is written yet). */
export function inputs() {
  const list = [{ name: 'example (pycon-2022-lightning-talks-day2-am)', path: EXAMPLE, text: readFileSync(EXAMPLE, 'utf8'), gold: readGold(EXAMPLE_GOLD), corpus: false }];
  const dir = corpusDir();
  if (dir) {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').sort()) {
      const name = basename(file, '.md');
      list.push({ name, path: join(dir, file), text: readFileSync(join(dir, file), 'utf8'), gold: readGold(join(GOLD_DIR, `${name}.json`)), corpus: true });
    }
  }
  return { list, dir };
}
