// Checks the speaker gold files (test/fixtures/corpus-gold): JSON, known fields, segments in order,
// lines within the transcript. `node eval/check-gold.mjs` prints one line per file; exit 1 on a fault.

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, corpusDir } from './corpus.mjs';

const ROLES = new Set(['host', 'speaker', 'announcer', 'panelist', 'audience', 'other']);
const GROUPS = new Set(['announcements', 'panel', 'qa']);

/** The faults of one gold file, given the transcript's line count (null when the transcript is absent). */
export function goldFaults(gold, lineCount) {
  const faults = [];
  let previousLast = 0;
  gold.segments.forEach((s, i) => {
    const at = `segment ${i + 1} (${s.firstLine}-${s.lastLine})`;
    if (!ROLES.has(s.role)) faults.push(`${at}: role ${s.role}`);
    if (s.group !== undefined && !GROUPS.has(s.group)) faults.push(`${at}: group ${s.group}`);
    if (!Number.isInteger(s.firstLine) || !Number.isInteger(s.lastLine) || s.firstLine > s.lastLine) faults.push(`${at}: bad line range`);
    if (s.firstLine < previousLast || (s.firstLine === previousLast && !s.midLine)) faults.push(`${at}: overlaps the previous segment${s.firstLine === previousLast ? ' (shared line without midLine)' : ''}`);
    if (lineCount !== null && s.lastLine > lineCount) faults.push(`${at}: past the last line ${lineCount}`);
    if (!Array.isArray(s.heard)) faults.push(`${at}: heard is not a list`);
    previousLast = s.lastLine;
  });
  return faults;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = join(ROOT, 'test/fixtures/corpus-gold');
  const corpus = corpusDir();
  let bad = 0;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    let faults;
    try {
      const gold = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const lines = corpus ? readFileSync(join(corpus, gold.source), 'utf8').split('\n').length : null;
      faults = goldFaults(gold, lines);
      console.log(`${faults.length ? 'FAULT' : 'ok   '} ${file}: ${gold.segments.length} segments${faults.length ? '\n  ' + faults.join('\n  ') : ''}`);
    } catch (error) {
      faults = [String(error.message)];
      console.log(`FAULT ${file}: ${error.message}`);
    }
    if (faults.length) bad++;
  }
  process.exitCode = bad ? 1 : 0;
}
