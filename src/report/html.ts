// The review report for people: one self-contained HTML file (inline CSS and script, nothing loaded
// from anywhere) with the cleaned captions, every change highlighted where it was made, the speaker
// segments, markers and a cue timeline, the warnings, and filters by kind of change. All text from
// the transcript is escaped; a Content-Security-Policy allows only this page's own script to run.

import { createHash } from 'node:crypto';
import type { CaptionDocument, Correction, Cue } from '../types.js';
import { kindCounts, placeChanges, wordDiff, type DiffRun } from './changes.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function clockTime(seconds: number): string {
  const total = Math.max(0, Math.round(seconds * 1000));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(Math.floor(total / 3600000))}:${pad(Math.floor(total / 60000) % 60)}:${pad(Math.floor(total / 1000) % 60)}.${pad(total % 1000, 3)}`;
}

const STYLE = `
:root { --fg:#1d1d1f; --muted:#6b6b70; --line:#d9d9de; --bg:#fafafa; --del:#ffe1e1; --ins:#dcf5dc; --mark:#fff3a8; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
header.top { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: .6rem 1rem; z-index: 2; }
h1 { font-size: 1.15rem; margin: 0 0 .2rem; } h2 { font-size: 1rem; margin: 1.4rem 0 .5rem; }
main { max-width: 64rem; margin: 0 auto; padding: 0 1rem 3rem; }
.summary, .muted { color: var(--muted); }
.filters { display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center; margin-top: .4rem; }
.filters label { white-space: nowrap; } .filters button { font: inherit; padding: .05rem .5rem; }
.timeline { position: relative; height: 2.6rem; background: #fff; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; }
.timeline .segment { position: absolute; top: 0; bottom: 0; opacity: .12; }
.timeline .tick { position: absolute; top: .9rem; height: .8rem; min-width: 1px; background: #9ab; }
.timeline .tick.changed { background: #d35400; top: .6rem; height: 1.4rem; }
.timeline .marker { position: absolute; top: 0; height: .5rem; width: 2px; background: #2c3e50; }
table { border-collapse: collapse; width: 100%; background: #fff; } td, th { border: 1px solid var(--line); padding: .2rem .45rem; text-align: left; vertical-align: top; }
.cue { background: #fff; border: 1px solid var(--line); border-radius: 4px; margin: .45rem 0; padding: .4rem .7rem; }
.cue.has-changes { border-left: 4px solid #d35400; }
.cue .meta { color: var(--muted); font-size: .85rem; display: flex; gap: .8rem; flex-wrap: wrap; }
.cue .text { white-space: pre-wrap; margin: .2rem 0; } .cue .before { white-space: pre-wrap; margin: .2rem 0; color: var(--muted); }
.cue .before::before { content: "before: "; font-size: .8rem; } .cue .before del { background: var(--del); }
.changes { list-style: none; margin: .2rem 0 0; padding: 0; font-size: .88rem; }
.change { display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; padding: .1rem 0; }
.change del { background: var(--del); text-decoration: none; padding: 0 .2rem; white-space: pre; }
.change ins { background: var(--ins); text-decoration: none; padding: 0 .2rem; white-space: pre; }
.change .empty { color: var(--muted); font-style: italic; }
.change .rule { font-family: ui-monospace, monospace; } .change .kind { border-radius: 3px; padding: 0 .3rem; background: #eef; }
mark { background: var(--mark); }
.warnings li { margin: .15rem 0; } .code { font-family: ui-monospace, monospace; color: var(--muted); }
[hidden] { display: none !important; }
`;

const SCRIPT = `
(function () {
  var boxes = Array.prototype.slice.call(document.querySelectorAll('input[data-kind-filter]'));
  var onlyChanged = document.getElementById('only-changed');
  var shownCount = document.getElementById('shown-count');
  function apply() {
    var shown = {};
    boxes.forEach(function (b) { shown[b.getAttribute('data-kind-filter')] = b.checked; });
    var visible = 0;
    document.querySelectorAll('.change').forEach(function (li) {
      var on = shown[li.getAttribute('data-kind')] !== false;
      li.hidden = !on;
      if (on) visible++;
    });
    document.querySelectorAll('.cue').forEach(function (cue) {
      var any = cue.querySelector('.change:not([hidden])') !== null;
      cue.hidden = onlyChanged.checked && !any;
    });
    shownCount.textContent = String(visible);
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  onlyChanged.addEventListener('change', apply);
  document.querySelectorAll('button[data-select]').forEach(function (button) {
    button.addEventListener('click', function () {
      var on = button.getAttribute('data-select') === 'all';
      boxes.forEach(function (b) { b.checked = on; });
      apply();
    });
  });
  apply();
})();
`;

const percent = (value: number) => `${(Math.round(value * 10000) / 100).toFixed(2)}%`;

function shownText(text: string): string {
  return text === '' ? '<span class="empty">nothing</span>' : escapeHtml(text);
}

function changeItem(c: Correction): string {
  return (
    `<li class="change" data-kind="${escapeHtml(c.kind)}" data-rule="${escapeHtml(c.rule)}">` +
    `<span class="where">line ${c.line}:${c.column}</span>` +
    `<del title="before">${shownText(c.from)}</del> → <ins title="after">${shownText(c.to)}</ins>` +
    `<span class="rule">${escapeHtml(c.rule)}</span><span class="kind">${escapeHtml(c.kind)}</span>` +
    `<span class="confidence" title="confidence">${Math.round(c.confidence * 100)}%</span></li>`
  );
}

/** A cue line with the words that term, name and case fixes wrote marked; everything escaped. */
function markedLine(line: string, corrections: Correction[]): string {
  const ranges: Array<[number, number]> = [];
  for (const c of corrections) {
    const wrote = c.to.trim();
    if (!wrote || c.kind === 'punctuation') continue;
    let from = line.indexOf(wrote);
    while (from >= 0 && ranges.some(([a, b]) => from < b && from + wrote.length > a)) from = line.indexOf(wrote, from + 1);
    if (from >= 0) ranges.push([from, from + wrote.length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [a, b] of ranges) {
    out += escapeHtml(line.slice(at, a)) + `<mark>${escapeHtml(line.slice(a, b))}</mark>`;
    at = b;
  }
  return out + escapeHtml(line.slice(at));
}

function cueSection(cue: Cue, index: number, changes: Correction[], doc: CaptionDocument): string {
  const segment = doc.segments[cue.segment];
  const meta = [
    `<a href="#cue-${index + 1}">#${index + 1}</a>`,
    cue.identifier ? `<span class="identifier">id ${escapeHtml(cue.identifier)}</span>` : '',
    `<time>${clockTime(cue.start)} → ${clockTime(cue.end)}</time>`,
    `<span class="source">line ${cue.sourceLines[0]}${cue.sourceLines[1] !== cue.sourceLines[0] ? `–${cue.sourceLines[1]}` : ''}</span>`,
    cue.speaker ? `<span class="speaker">${escapeHtml(cue.speaker)}</span>` : '',
    segment && doc.segments.length > 1 ? `<span class="segment">segment ${segment.id}</span>` : '',
  ].filter(Boolean);
  // a draft cue shows its own lines before and after, the changed words marked in both
  const diffs = changes.length && cue.draftLines ? cue.lines.map((line, k) => wordDiff(cue.draftLines![k] ?? '', line)) : null;
  const runs = (list: DiffRun[], tag: 'del' | 'mark') => list.map((r) => (r.changed ? `<${tag}>${escapeHtml(r.text)}</${tag}>` : escapeHtml(r.text))).join('');
  const before = diffs ? `<div class="before" title="the draft before">${diffs.map((d) => runs(d.before, 'del')).join('\n')}</div>` : '';
  const after = diffs ? diffs.map((d) => runs(d.after, 'mark')).join('\n') : cue.lines.map((l) => markedLine(l, changes)).join('\n');
  const kinds = [...new Set(changes.map((c) => c.kind))].join(' ');
  return (
    `<section class="cue${changes.length ? ' has-changes' : ''}" id="cue-${index + 1}" data-kinds="${escapeHtml(kinds)}">` +
    `<div class="meta">${meta.join('')}</div>${before}` +
    `<div class="text">${after}</div>` +
    (changes.length ? `<ul class="changes">${changes.map(changeItem).join('')}</ul>` : '') +
    `</section>`
  );
}

const SEGMENT_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function timeline(doc: CaptionDocument, changed: Set<number>): string {
  const end = Math.max(1, ...doc.cues.map((c) => c.end), ...doc.markers.map((m) => m.time), ...doc.segments.map((s) => s.end));
  const segments = doc.segments.map(
    (s, i) =>
      `<span class="segment" style="left:${percent(s.start / end)};width:${percent(Math.max(0, s.end - s.start) / end)};background:${SEGMENT_COLOURS[i % SEGMENT_COLOURS.length]}" title="${escapeHtml(`segment ${s.id}${s.speaker ? `: ${s.speaker}` : ''}`)}"></span>`,
  );
  const ticks = doc.cues.map(
    (c, i) =>
      `<a class="tick${changed.has(i) ? ' changed' : ''}" href="#cue-${i + 1}" style="left:${percent(c.start / end)};width:${percent(Math.max(0, c.end - c.start) / end)}" title="#${i + 1} ${clockTime(c.start)}"></a>`,
  );
  const markers = doc.markers.map((m) => `<span class="marker" style="left:${percent(m.time / end)}" title="${escapeHtml(`${m.image} at ${clockTime(m.time)}`)}"></span>`);
  return `<div class="timeline" aria-label="cue timeline">${segments.join('')}${ticks.join('')}${markers.join('')}</div><div class="muted">0:00:00 – ${clockTime(end)}; orange: cues with changes, dark ticks: markers</div>`;
}

function segmentsTable(doc: CaptionDocument): string {
  const rows = doc.segments.map(
    (s) =>
      `<tr><td>${s.id}</td><td>${s.speaker ? escapeHtml(s.speaker) : '<span class="muted">unknown</span>'}</td><td>${s.role ? escapeHtml(s.role) : ''}</td><td>${s.title ? escapeHtml(s.title) : ''}</td><td>${clockTime(s.start)} – ${clockTime(s.end)}</td><td>${s.startLine}–${s.endLine}</td></tr>`,
  );
  return `<table><thead><tr><th>#</th><th>speaker</th><th>role</th><th>title</th><th>time</th><th>lines</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function markersTable(doc: CaptionDocument): string {
  if (doc.markers.length === 0) return '<p class="muted">No markers.</p>';
  const rows = doc.markers.map((m) => `<tr><td>${escapeHtml(m.image)}</td><td>${clockTime(m.time)}</td><td>${m.pinned ? 'pinned' : 'estimated'}</td><td>${m.line}</td></tr>`);
  return `<details${doc.markers.length <= 10 ? ' open' : ''}><summary>${doc.markers.length} markers</summary><table><thead><tr><th>image</th><th>time</th><th></th><th>line</th></tr></thead><tbody>${rows.join('')}</tbody></table></details>`;
}

function warningsList(doc: CaptionDocument): string {
  if (doc.warnings.length === 0) return '<p class="muted">No warnings.</p>';
  return `<ul class="warnings">${doc.warnings.map((w) => `<li>line ${w.line}: ${escapeHtml(w.message)} <span class="code">[${escapeHtml(w.code)}]</span></li>`).join('')}</ul>`;
}

/** The whole review page for one document. */
export function renderHtmlReport(doc: CaptionDocument): string {
  const placed = placeChanges(doc);
  const changed = new Set(placed.byCue.keys());
  const counts = kindCounts(doc.corrections);
  const filters = counts.map(([kind, n]) => `<label><input type="checkbox" data-kind-filter="${escapeHtml(kind)}" checked> ${escapeHtml(kind)} (${n})</label>`);
  const title = doc.title ?? doc.source;
  const hash = createHash('sha256').update(SCRIPT).digest('base64');
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${hash}'; img-src data:`;
  const cues = doc.cues.map((cue, i) => cueSection(cue, i, placed.byCue.get(i) ?? [], doc));
  const unplaced = placed.unplaced.length
    ? `<h2>Changes outside the cues (${placed.unplaced.length})</h2><section class="cue has-changes" id="other-changes"><ul class="changes">${placed.unplaced.map(changeItem).join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Review: ${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top">
<h1>Review: ${escapeHtml(title)}</h1>
<div class="summary">${escapeHtml(doc.source)}${doc.draft ? ` (${doc.draft.format.toUpperCase()} draft)` : ''} · ${doc.cues.length} cues · <span id="change-count">${doc.corrections.length}</span> changes (<span id="shown-count">${doc.corrections.length}</span> shown) · ${doc.warnings.length} warnings</div>
<div class="filters">${filters.join('')}${counts.length ? '<button type="button" data-select="all">all</button><button type="button" data-select="none">none</button>' : ''}<label><input type="checkbox" id="only-changed"> only cues with shown changes</label></div>
</header>
<main>
<h2>Timeline</h2>
${timeline(doc, changed)}
<h2>Speaker segments (${doc.segments.length})</h2>
${segmentsTable(doc)}
<h2>Markers (${doc.markers.length})</h2>
${markersTable(doc)}
<h2>Warnings (${doc.warnings.length})</h2>
${warningsList(doc)}
${unplaced}
<h2>Captions</h2>
${cues.join('\n')}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
