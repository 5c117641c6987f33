// The terms section of the evaluation: term and name fixes measured against gold made by reading
// (test/fixtures/corpus-terms-gold/, one file per corpus transcript listing every mis-heard term and
// name). For each gold file: recall (gold occurrences fixed exactly), fixes made, false fixes (a
// change the gold does not list, or one that gives a wrong spelling) and false fixes per 5,000
// words. For corpus files without gold, every fix is listed, to be judged by reading.
// Runs on the built modules (dist/), so `npm run build` first.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Gold files designed on, and those only measured (never read while rules were made). */
export const DEVELOPMENT = ['pyconus-2017-gilectomy-larry-hastings', 'pyconus-2019-to-gil-or-not-to-gil-eric-snow', 'pyconus-2021-restarting-pyjion-anthony-shaw'];

/** The shared data folder: CAPTIONS_SHARED, else ../shared beside the project or its worktree parent. */
export function sharedDir() {
  const candidates = [process.env.CAPTIONS_SHARED, join(ROOT, '../shared'), join(ROOT, '../../shared')].filter(Boolean);
  return candidates.find((dir) => existsSync(join(dir, 'corpus')));
}

/** Words of a transcript as the per-5,000-words rate counts them: whitespace-separated, heading and markers left out. */
export function countWords(text) {
  let words = 0;
  for (const line of text.split('\n')) {
    if (/^#\s/.test(line) || /^!\[/.test(line.trim())) continue;
    words += line.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  }
  return words;
}

const strip = (s) => s.replace(/[，。？！]/g, ' ').replace(/ +/g, ' ').trim();
/** A fix's heard words as the gold writes them: without the punctuation the normalizer put between them. */
const heardOf = (from) => strip(from.replace(/[,;:](?= )/g, ''));

/**
 * Scores the tool's fixes of one file against its gold. A gold occurrence is fixed when the fixes
 * made inside its heard words, applied to them in order, give exactly its correct spelling.
 */
export function scoreFile(gold, fixes) {
  const byLine = new Map();
  for (const fix of fixes) byLine.set(fix.line, [...(byLine.get(fix.line) ?? []), fix]);
  const used = new Set();
  const wrongTarget = new Map();
  const partial = new Set();
  const occurrences = [];
  for (const item of gold.fixes) for (const line of item.lines) occurrences.push({ item, line });
  // longer heard spans first, so "the gill" takes its fix before a bare "gill" of the same line could
  occurrences.sort((a, b) => b.item.heard.length - a.item.heard.length);
  let fixed = 0;
  const missed = [];
  for (const { item, line } of occurrences) {
    const lines = item.spansLines ? [line, line + 1, line + 2] : [line];
    const inside = lines.flatMap((l) => byLine.get(l) ?? []).filter((f) => !used.has(f) && strip(item.heard).includes(heardOf(f.from)));
    // a fix of exactly the heard span is this occurrence's, before a fix of a part of it ("PyInkRef"
    // inside "PyInkRef2" on the same line belongs to its own occurrence)
    const exact = inside.filter((f) => heardOf(f.from) === strip(item.heard));
    const candidates = exact.length ? exact.slice(0, 1) : inside;
    let text = strip(item.heard);
    const applied = [];
    for (const f of candidates) {
      const next = text.replace(heardOf(f.from), f.to);
      if (next !== text) {
        text = next;
        applied.push(f);
      }
    }
    if (applied.length && text === strip(item.correct)) {
      fixed++;
      for (const f of applied) used.add(f);
    } else {
      // a fix toward the gold spelling but short of all of it ("python" → "Python" in "Python 2") is
      // partial, neither recall nor a false fix; one to another spelling is false
      for (const f of applied) if (!wrongTarget.has(f) && !strip(item.correct).includes(f.to)) wrongTarget.set(f, item.correct);
      for (const f of applied) if (!wrongTarget.has(f)) partial.add(f);
      missed.push({ line, heard: item.heard, correct: item.correct });
    }
  }
  const good = new Set([...used].map((f) => `${f.line}\t${f.from}\t${f.to}`));
  const falseFixes = [];
  const onUnsure = [];
  for (const f of fixes) {
    if (used.has(f)) continue;
    // the same fix again on a line the gold lists once
    if (good.has(`${f.line}\t${f.from}\t${f.to}`) || partial.has(f)) continue;
    const unsure = (gold.unsure ?? []).some((u) => u.lines.includes(f.line) && (strip(u.heard).includes(strip(f.from)) || strip(f.from).includes(strip(u.heard))));
    if (unsure && !wrongTarget.has(f)) onUnsure.push(f);
    else falseFixes.push({ ...f, why: wrongTarget.has(f) ? `gold: ${wrongTarget.get(f)}` : 'not in the gold' });
  }
  // which way each gold fix was made: the rule's last word (variant, case, fuzzy, joined, heading, lexicon, talk, number, speaker)
  const byRule = {};
  for (const f of used) {
    const how = f.rule.split(', ').at(-1).split(' ')[0];
    byRule[how] = (byRule[how] ?? 0) + 1;
  }
  return { gold: occurrences.length, fixed, missed, fixesMade: fixes.length, falseFixes, onUnsure, partial: [...partial], byRule };
}

/** The term and name fixes a build makes (punctuation and sentence-case repairs left out). */
function termFixes(document) {
  return document.corrections.filter((c) => c.kind === 'term' || c.kind === 'name').map(({ line, column, from, to, rule, confidence }) => ({ line, column, from, to, rule, confidence }));
}

/**
 * Rows of the terms section: one per corpus transcript (gold files score, the others list their
 * fixes), each with its words. `build` is the pipeline's buildFromText; `options` its build options.
 */
export function evalTerms({ corpusDir, goldDir, build, options = {} }) {
  const golds = new Map();
  for (const f of readdirSync(goldDir).filter((f) => f.endsWith('.json'))) {
    const gold = JSON.parse(readFileSync(join(goldDir, f), 'utf8'));
    golds.set(gold.source.replace(/\.md$/, ''), gold);
  }
  const rows = [];
  for (const f of readdirSync(corpusDir).filter((f) => f.endsWith('.md') && f !== 'SOURCES.md').sort()) {
    const name = f.replace(/\.md$/, '');
    const text = readFileSync(join(corpusDir, f), 'utf8');
    const fixes = termFixes(build(text, f, options));
    const words = countWords(text);
    const gold = golds.get(name);
    if (!gold) rows.push({ file: name, words, gold: null, fixes });
    else rows.push({ file: name, words, half: DEVELOPMENT.includes(name) ? 'development' : 'held-out', ...scoreFile(gold, fixes), fixes });
  }
  return rows;
}

/** Totals over rows that have gold (optionally one half). */
export function totals(rows, half) {
  const scored = rows.filter((r) => r.gold !== null && (!half || r.half === half));
  const sum = (k) => scored.reduce((n, r) => n + (typeof r[k] === 'number' ? r[k] : r[k].length), 0);
  const words = sum('words');
  return { files: scored.length, words, gold: sum('gold'), fixed: sum('fixed'), fixesMade: sum('fixesMade'), falseFixes: sum('falseFixes'), per5000: (sum('falseFixes') * 5000) / Math.max(1, words) };
}
