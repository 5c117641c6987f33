// Text measurement: the normalizer's decisions on the corpus scored against the text gold read by
// hand (test/fixtures/corpus-text-gold, conventions in its README). Uses the built pipeline (dist/).
//
//   evaluateText(corpusDir, goldDir) → { files: [{ file, split, rows }], totals: { all, dev, heldOut } }
//
// Each row: { rule, n, tp, fp, fn, correct, precision, recall, accuracy } (null where it does not apply).
// The gold is split by file: rules are designed on the development half and reported on both.

import { readFileSync, readdirSync } from 'node:fs';
import { corpusDir } from '../../eval/corpus.mjs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Gold files whose decisions the rules were designed on; the others are held out. */
export const DEVELOPMENT = new Set([
  'pyconus-2017-gilectomy-larry-hastings',
  'pyconus-2019-saturday-lightning-talks',
  'pyconus-2020-python-trainers-summit-hatchery',
]);

const FUNCTION_WORDS = new Set(
  `a an the and or but nor so yet for of to in on at by with from into onto about as than that this these those
  which who whom whose what when where why how if then because while although though some any all each every no
  not my your our their his her its you we they he she it me us them him is are was were be been being am do does
  did have has had can could will would shall should may might must just also very there here like out up down
  off over under again okay ok well now yes yeah oh let's it's that's there's`.split(/\s+/),
);

const bare = (w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').toLowerCase();
const isCapital = (w) => /^[^\p{L}]*\p{Lu}/u.test(w);
const isLower = (w) => /^[^\p{L}]*\p{Ll}/u.test(w);
const ENDS = /[.?!…]["'”’)\]]*$/;

/**
 * Which capitalised words are names or terms, judged from the whole corpus: a word that is never
 * written in lower case, or is capitalised after a lower-case word more often than it is written in
 * lower case there, keeps its capital. "I" and its forms always do.
 */
export function nameOracle(corpusTexts) {
  const lower = new Map();
  const upperMid = new Map();
  for (const text of corpusTexts) {
    for (const line of text.split('\n')) {
      const words = line.replace(/[，。？！]/g, (c) => ` ${c} `).split(/\s+/).filter(Boolean);
      words.forEach((w, i) => {
        const key = bare(w);
        if (!key) return;
        if (isLower(w)) lower.set(key, (lower.get(key) ?? 0) + 1);
        else if (i > 0 && /^\p{Ll}[\p{L}'’]*$/u.test(words[i - 1])) upperMid.set(key, (upperMid.get(key) ?? 0) + 1);
      });
    }
  }
  return (word) => {
    const key = bare(word);
    if (!isCapital(word)) return false;
    if (key === 'i' || /^i['’]/.test(key)) return true;
    if (/\p{Lu}.*\p{Lu}/u.test(word.replace(/^[^\p{L}]+/u, '').slice(1))) return true; // PyCon, CPython, GIL
    const l = lower.get(key) ?? 0;
    return l === 0 || (upperMid.get(key) ?? 0) > l;
  };
}

function row(rule, counts) {
  const { tp = 0, fp = 0, fn = 0, n = 0, correct = 0 } = counts;
  return {
    rule,
    n,
    tp,
    fp,
    fn,
    correct,
    precision: tp + fp ? tp / (tp + fp) : null,
    recall: tp + fn ? tp / (tp + fn) : null,
    accuracy: n ? correct / n : null,
  };
}

function addCounts(rowsList) {
  const byRule = new Map();
  for (const rows of rowsList) {
    for (const r of rows) {
      const c = byRule.get(r.rule) ?? { n: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
      for (const k of ['n', 'tp', 'fp', 'fn', 'correct']) c[k] += r[k];
      byRule.set(r.rule, c);
    }
  }
  return [...byRule].map(([rule, c]) => row(rule, c));
}

/** Words of the cleaned text, by source line, in order. */
function wordsByLine(tokens) {
  const map = new Map();
  for (const t of tokens) {
    if (t.type !== 'word') continue;
    if (!map.has(t.line)) map.set(t.line, []);
    map.get(t.line).push(t);
  }
  for (const list of map.values()) list.sort((a, b) => a.column - b.column);
  return map;
}

/** First word of the speech after line `line` (markers, events and turns skipped). */
function nextWordAfter(tokens, line) {
  return tokens.find((t) => t.type === 'word' && t.line > line);
}

function firstRawWordAfter(rawLines, line) {
  for (let i = line; i < rawLines.length; i++) {
    const text = rawLines[i].replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\\?>\\?>/g, ' ').replace(/\[[^\]]*\]/g, ' ').trim();
    if (text) return { line: i + 1, word: text.split(/\s+/)[0] };
  }
  return null;
}

/** Scores one transcript's cleaned text against its gold. */
export function scoreFile(rawText, tokens, gold, isName, corrections = []) {
  const rawLines = rawText.split('\n');
  const words = wordsByLine(tokens);
  const stops = { n: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
  const cont = { n: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
  const breaks = { n: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
  const failures = [];
  for (const s of gold.stops) {
    if (s.doubt) continue;
    const onLine = words.get(s.line);
    if (!onLine?.length) continue;
    const last = onLine[onLine.length - 1];
    // A word joined across the break (a split number) carries on into the next line: not an end.
    const madeEnd = ENDS.test(last.text) && !(last.joinedTo && last.joinedTo > s.line);
    const drop = !s.end;
    stops.n++;
    if (madeEnd === s.end) stops.correct++;
    else failures.push({ rule: 'stop', line: s.line, gold: s.end ? 'end' : 'drop', text: s.text, next: s.next });
    if (!madeEnd && drop) stops.tp++;
    else if (!madeEnd && !drop) stops.fp++;
    else if (madeEnd && drop) stops.fn++;

    // Case of the next line's first word.
    const raw = firstRawWordAfter(rawLines, s.line);
    const next = nextWordAfter(tokens, s.line);
    if (!raw || !next || next.line !== raw.line || !isCapital(raw.word)) continue;
    const name = isName(raw.word);
    const shouldLower = drop && !name;
    const lowered = isLower(next.text);
    cont.n++;
    if (shouldLower === lowered) cont.correct++;
    else failures.push({ rule: 'continuation-case', line: raw.line, gold: shouldLower ? 'lower' : 'keep', word: raw.word, made: next.text });
    if (lowered && shouldLower) cont.tp++;
    else if (lowered) cont.fp++;
    else if (shouldLower) cont.fn++;
    // False sentence breaks before a capitalised term: the stop must go, the capital stay.
    if (drop && name && !FUNCTION_WORDS.has(bare(raw.word)) && bare(raw.word) !== 'i') {
      breaks.n++;
      if (!madeEnd) {
        breaks.correct++;
        breaks.tp++;
      } else {
        breaks.fn++;
        failures.push({ rule: 'break-before-term', line: s.line, text: s.text, next: s.next });
      }
    }
  }

  const commas = { n: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
  const commaCase = { n: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
  for (const c of gold.commas) {
    if (c.doubt) continue;
    const rawLine = rawLines[c.line - 1];
    let at = -1;
    for (let k = 0; k < c.nth; k++) at = rawLine.indexOf('，', at + 1);
    if (at < 0) continue;
    const column = at + 1;
    const onLine = words.get(c.line) ?? [];
    const before = onLine.filter((w) => w.column < column).at(-1);
    if (!before) continue;
    const kept = /[,;:]["'”’)]*$/.test(before.text);
    const drop = !c.keep;
    commas.n++;
    if (kept === c.keep) commas.correct++;
    else failures.push({ rule: 'comma', line: c.line, nth: c.nth, gold: c.keep ? 'keep' : 'drop', text: c.text });
    if (!kept && drop) commas.tp++;
    else if (!kept) commas.fp++;
    else if (drop) commas.fn++;
    // The word after the comma: lower case unless a name, or the comma was really a stop, or it
    // stands after a sentence end or a sound tag ("。"， And so"), or opens a quotation.
    const rawAfter = rawLine.slice(at + 1).trim().split(/\s+/)[0];
    const after = onLine.find((w) => w.column > column);
    if (!rawAfter || !after || !isCapital(rawAfter)) continue;
    const afterEnd = /[。？！\]]["'”’]?\s*$/.test(rawLine.slice(0, at));
    const shouldLower = !c.stop && !afterEnd && !/^["“]/.test(rawAfter) && !isName(rawAfter);
    const lowered = isLower(after.text);
    commaCase.n++;
    if (shouldLower === lowered) commaCase.correct++;
    else failures.push({ rule: 'comma-case', line: c.line, gold: shouldLower ? 'lower' : 'keep', word: rawAfter, made: after.text });
    if (lowered && shouldLower) commaCase.tp++;
    else if (lowered) commaCase.fp++;
    else if (shouldLower) commaCase.fn++;
  }

  const split = { n: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
  for (const t of gold.tokens) {
    const end = t.endLine ?? t.line;
    const text = tokens
      .filter((w) => w.type === 'word' && w.line >= t.line && w.line <= end)
      .map((w) => w.text)
      .join(' ');
    // (rebuilt, then a term fixed inside it, "picon.us/psf" → "pycon.us/psf", is rebuilt too)
    const fixedTerms = corrections.filter((c) => (c.kind === 'term' || c.kind === 'name') && c.line >= t.line && c.line <= end);
    const expected = [t.expected, fixedTerms.reduce((e, c) => e.replace(c.from, c.to), t.expected)];
    const exact = expected.some((e) => new RegExp(`(^|[\\s"'“(])${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,.;:?!"'”)])`).test(text));
    split.n++;
    if (exact) {
      split.correct++;
      split.tp++;
    } else {
      split.fn++;
      failures.push({ rule: 'split-token', line: t.line, raw: t.raw, expected: t.expected, made: text.slice(0, 160) });
    }
  }

  // Each piece of evidence a drop was decided by, scored on its own over the annotated decisions.
  const byEvidence = new Map();
  const tally = (key, right) => {
    const c = byEvidence.get(key) ?? { n: 0, tp: 0, fp: 0, fn: 0, correct: 0 };
    c.n++;
    if (right) {
      c.tp++;
      c.correct++;
    } else c.fp++;
    byEvidence.set(key, c);
  };
  const goldStop = new Map(gold.stops.filter((s) => !s.doubt).map((s) => [s.line, s]));
  const goldComma = new Map();
  for (const c of gold.commas) {
    if (c.doubt) continue;
    let at = -1;
    for (let k = 0; k < c.nth; k++) at = rawLines[c.line - 1].indexOf('，', at + 1);
    goldComma.set(`${c.line}:${at + 1}`, c);
  }
  for (const c of corrections) {
    if (!c.evidence) continue;
    if (c.rule === 'line-end-stop' && goldStop.has(c.line)) tally(`stop dropped: ${c.evidence}`, !goldStop.get(c.line).end);
    if (c.rule === 'pause-comma' && goldComma.has(`${c.line}:${c.column}`)) tally(`comma dropped: ${c.evidence}`, !goldComma.get(`${c.line}:${c.column}`).keep);
  }

  return {
    rows: [
      row('line-final stop (precision/recall of drop)', stops),
      row('comma (precision/recall of drop)', commas),
      row('continuation-case (lower after dropped stop)', cont),
      row('comma-case (lower after comma)', commaCase),
      row('false break before capitalised term (recall = kept joined)', breaks),
      row('split-token rebuilt exactly', split),
      ...[...byEvidence].sort().map(([rule, c]) => row(rule, c)),
    ],
    failures,
  };
}

/**
 * Scores the cleaned text of every gold file's transcript.
 * @param {string} corpusDir
 * @param {string} goldDir
 * @param {{ clean?: Function, parse?: Function }} [stages] another build's stages, to compare
 */
export async function evaluateText(corpusDir, goldDir, { clean, parse } = {}) {
  const cleanText = clean ?? (await import(pathToFileURL(join(ROOT, 'dist/clean-text.js')).href)).cleanText;
  const parseTranscript = parse ?? (await import(pathToFileURL(join(ROOT, 'dist/read/transcript.js')).href)).parseTranscript;
  const corpusTexts = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCES.md')
    .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
  const isName = nameOracle(corpusTexts);
  const files = [];
  for (const g of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(goldDir, g), 'utf8'));
    const raw = readFileSync(join(corpusDir, gold.source), 'utf8');
    const stream = cleanText(parseTranscript(raw));
    const file = basename(g, '.json');
    const { rows, failures } = scoreFile(raw, stream.tokens, gold, isName, stream.corrections);
    files.push({ file, split: DEVELOPMENT.has(file) ? 'dev' : 'held-out', rows, failures });
  }
  return {
    files,
    totals: {
      all: addCounts(files.map((f) => f.rows)),
      dev: addCounts(files.filter((f) => f.split === 'dev').map((f) => f.rows)),
      heldOut: addCounts(files.filter((f) => f.split === 'held-out').map((f) => f.rows)),
    },
  };
}

/** The corpus folder (one finder for every evaluation: eval/corpus.mjs). */
export { corpusDir };

const pct = (x) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);

export function formatRows(rows) {
  const lines = [`${'rule'.padEnd(60)} ${'n'.padStart(4)} precision recall accuracy`];
  for (const r of rows) lines.push(`${r.rule.padEnd(60)} ${String(r.n).padStart(4)}   ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.accuracy)}`);
  return lines.join('\n');
}

/** Line-final stops per file: dropped where the sentence goes on or ends, kept where it goes on or ends. */
export function formatStopConfusion(files) {
  const lines = ['line-final stops per file     dropped: goes on / ends    kept: goes on / ends   accuracy'];
  for (const f of files) {
    const r = f.rows.find((x) => x.rule.startsWith('line-final stop'));
    const keptEnds = r.correct - r.tp;
    lines.push(`${f.file.slice(0, 44).padEnd(45)} ${String(r.tp).padStart(4)} / ${String(r.fp).padStart(3)}   ${String(r.fn).padStart(9)} / ${String(keptEnds).padStart(3)}   ${pct(r.accuracy)}  (${f.split})`);
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const corpus = corpusDir();
  if (!corpus) {
    console.log('eval:text: no ../shared/corpus (or CAPTIONS_SHARED) found; skipped');
    process.exit(0);
  }
  const result = await evaluateText(corpus, join(ROOT, 'test/fixtures/corpus-text-gold'));
  const verbose = process.argv.includes('--failures');
  for (const f of result.files) {
    console.log(`\n${f.file} (${f.split})\n${formatRows(f.rows)}`);
    if (verbose) for (const x of f.failures) console.log('  ✗', JSON.stringify(x));
  }
  console.log(`\nDevelopment half (${[...DEVELOPMENT].length} files)\n${formatRows(result.totals.dev)}`);
  console.log(`\nHeld-out half\n${formatRows(result.totals.heldOut)}`);
  console.log(`\nAll annotated files\n${formatRows(result.totals.all)}`);
  console.log(`\n${formatStopConfusion(result.files)}`);
}
