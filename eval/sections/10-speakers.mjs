// Speaker segments against the gold: boundaries (exact and within two speech lines) and names.

import { scoreFile } from '../speaker-score.mjs';

export const title = 'speakers';

/**
 * The multi-speaker files read while designing the latest rules (`>>` turns in a talk, names called
 * alone, people called up, questions; docs/speakers.md); the others are held out from that round.
 * Earlier rounds read every file, so the held-out half is held out from the latest rules only.
 */
const DEVELOPMENT = new Set([
  'pyconus-2019-final-remarks-and-close',
  'pyconus-2019-psf-report-and-community-service-awards',
  'pyconus-2019-snake-in-the-bits-security-automation',
  'pyconus-2019-steering-council-panel',
  'pyconus-2019-saturday-lightning-talks',
  'pyconus-2020-python-trainers-summit-hatchery',
]);

const pct = (x) => (x === null || Number.isNaN(x) ? '  –  ' : x.toFixed(2));
const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

export function run(results) {
  const lines = [];
  const rows = [];
  lines.push('| file | kind | gold | found | exact P/R/F1 | ±2 P/R/F1 | named | right | wrong shown | names found |');
  lines.push('| --- | --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: |');
  const missing = [];
  for (const r of results) {
    if (!r.gold) {
      missing.push(r.name);
      continue;
    }
    if (r.error) continue;
    const s = scoreFile(r.text, r.gold, r.document.segments);
    rows.push({ r, s });
    const n = s.names;
    lines.push(
      `| ${r.name} | ${r.gold.kind ?? 'lightning'} | ${s.units} | ${s.segments} | ${pct(s.exact.precision)}/${pct(s.exact.recall)}/${pct(s.exact.f1)} | ${pct(s.near.precision)}/${pct(s.near.recall)}/${pct(s.near.f1)} | ${n.named} | ${n.right} | ${n.wrong.length} | ${n.found}/${n.findable} |`,
    );
  }
  const multi = rows.filter(({ r, s }) => r.corpus && s.units > 1);
  const named = multi.reduce((a, { s }) => a + s.names.named, 0);
  const right = multi.reduce((a, { s }) => a + s.names.right, 0);
  lines.push('');
  lines.push(`multi-speaker corpus files scored: ${multi.length}`);
  lines.push(`mean boundary F1: exact ${pct(mean(multi.map(({ s }) => s.exact.f1)))}, ±2 lines ${pct(mean(multi.map(({ s }) => s.near.f1)))}`);
  const halves = [
    ['development', multi.filter(({ r }) => DEVELOPMENT.has(r.name))],
    ['held-out', multi.filter(({ r }) => !DEVELOPMENT.has(r.name))],
  ];
  lines.push(`  by half: ${halves.map(([half, rs]) => `${half} ${pct(mean(rs.map(({ s }) => s.near.f1)))} (${rs.length} files)`).join(', ')}`);
  const lightning = rows.filter(({ r }) => r.corpus && /lightning/.test(r.gold.kind ?? ''));
  lines.push(`lightning sessions ±2 F1: ${lightning.map(({ r, s }) => `${r.name} ${pct(s.near.f1)}`).join(', ') || '–'}`);
  lines.push(`names right: ${right}/${named} (${named ? ((100 * right) / named).toFixed(0) : '–'}%); most wrong names shown in one file: ${Math.max(0, ...multi.map(({ s }) => s.names.wrong.length))}`);
  const example = rows.find(({ r }) => !r.corpus);
  if (example) lines.push(`example: ${example.s.near.matched}/${example.s.near.gold} boundaries within ±2 lines`);
  if (missing.length) lines.push(`no gold yet: ${missing.join(', ')}`);
  if (process.env.EVAL_VERBOSE) {
    for (const { r, s } of rows) for (const w of s.names.wrong) lines.push(`  wrong name: ${r.name}:${w.line} shown "${w.shown}", gold ${w.gold}`);
  }
  return lines;
}
