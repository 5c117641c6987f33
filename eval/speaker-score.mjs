// Scores found speaker segments against gold written by reading (test/fixtures/corpus-gold, see
// docs/eval.md for the conventions). Pure functions of the transcript text, the gold and the
// document's segments, so that tests can check the scoring itself.

/** A line holds speech when words remain after image markers, sound events and `>>` turns are taken out. */
export function utteranceLines(text) {
  const lines = text.split(/\r?\n/);
  const spoken = [];
  lines.forEach((line, i) => {
    if (i === 0 && line.startsWith('# ')) return;
    const words = line
      .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
      .replace(/\[[^\]]*\]|\([^)]*\)/g, ' ')
      .replace(/\\?>\\?>/g, ' ');
    if (/\p{L}/u.test(words)) spoken.push(i + 1);
  });
  return spoken;
}

/** Distance between two source lines counted in lines that hold speech (blank and marker lines do not count). */
export function lineDistance(spoken, a, b) {
  const rank = (line) => {
    let lo = 0;
    let hi = spoken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spoken[mid] < line) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return Math.abs(rank(a) - rank(b));
}

/** The gold's segments in one shape: the corpus format, or the example's older one (`names` = heard spellings). */
export function goldSegments(gold) {
  return gold.segments.map((s) => ({
    role: s.role,
    name: s.name !== undefined ? s.name : (s.names?.[0] ?? null),
    heard: s.heard ?? s.names ?? [],
    firstLine: s.firstLine,
    lastLine: s.lastLine,
    group: s.group ?? null,
    nameInText: s.nameInText ?? (s.names?.length ?? 0) > 0,
  }));
}

/** Consecutive segments of one group (announcements, panel, qa) collapse into one unit. */
export function goldUnits(segments) {
  const units = [];
  for (const s of segments) {
    const last = units[units.length - 1];
    if (s.group && last?.group === s.group) {
      last.lastLine = Math.max(last.lastLine, s.lastLine);
      last.members.push(s);
    } else units.push({ firstLine: s.firstLine, lastLine: s.lastLine, group: s.group, members: [s] });
  }
  return units;
}

/**
 * Boundary scores. A boundary is where a segment other than the first starts. Found and gold
 * boundaries are paired one to one, closest first; a found boundary inside a collapsed group (after
 * its first line, up to its last) that pairs with none is not counted: turns inside a group are
 * neither required nor penalized.
 */
export function scoreBoundaries(spoken, units, found, tolerance) {
  const gold = units.slice(1).map((u) => u.firstLine);
  const pairs = [];
  gold.forEach((g, gi) => found.forEach((f, fi) => {
    const d = tolerance === 0 ? (f === g ? 0 : Infinity) : lineDistance(spoken, f, g);
    if (d <= tolerance) pairs.push({ gi, fi, d });
  }));
  pairs.sort((a, b) => a.d - b.d || a.gi - b.gi || a.fi - b.fi);
  const usedGold = new Set();
  const usedFound = new Set();
  for (const p of pairs) {
    if (usedGold.has(p.gi) || usedFound.has(p.fi)) continue;
    usedGold.add(p.gi);
    usedFound.add(p.fi);
  }
  const insideGroup = (line) => units.some((u) => u.group && line > u.firstLine && line <= u.lastLine);
  const counted = found.filter((line, fi) => usedFound.has(fi) || !insideGroup(line)).length;
  const matched = usedGold.size;
  const precision = counted ? matched / counted : gold.length ? 0 : 1;
  const recall = gold.length ? matched / gold.length : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { matched, found: counted, gold: gold.length, precision, recall, f1 };
}

function normalizeName(text) {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
}

/**
 * A shown name is right when it names the gold person: case, accents and punctuation aside, its
 * words all occur, in order, in the correct spelling or in one of the heard spellings, starting with
 * that spelling's first word ("Ewa" and "Ewa Jodlowska" for Ewa Jodlowska; "Eva" when the text says
 * "Eva"; not "Jodlowska" alone, not a name the gold does not have).
 */
export function nameMatches(shown, goldSegment) {
  const words = normalizeName(shown);
  if (!words.length) return false;
  const spellings = [goldSegment.name, ...goldSegment.heard].filter(Boolean).map(normalizeName);
  return spellings.some((spelling) => {
    if (spelling[0] !== words[0]) return false;
    let k = 0;
    for (const w of spelling) if (w === words[k]) k++;
    return k === words.length;
  });
}

function overlap(a1, a2, b1, b2) {
  return Math.max(0, Math.min(a2, b2) - Math.max(a1, b1) + 1);
}

/**
 * Name scores: of the found segments that carry a name, how many name the gold person of the gold
 * segment they overlap most (inside a collapsed group, any member they overlap); and of the gold
 * segments outside groups whose name the text gives, how many the found segment overlapping them
 * most names rightly.
 */
export function scoreNames(segments, goldSegs, units) {
  let named = 0;
  let right = 0;
  const wrong = [];
  for (const seg of segments) {
    if (!seg.speaker) continue;
    named++;
    let best = null;
    let bestOverlap = 0;
    for (const unit of units) {
      const o = overlap(seg.startLine, seg.endLine, unit.firstLine, unit.lastLine);
      if (o > bestOverlap) [best, bestOverlap] = [unit, o];
    }
    const candidates = !best ? [] : best.group ? best.members.filter((m) => overlap(seg.startLine, seg.endLine, m.firstLine, m.lastLine) > 0) : best.members;
    if (candidates.some((m) => nameMatches(seg.speaker, m))) right++;
    else wrong.push({ line: seg.startLine, shown: seg.speaker, gold: candidates.map((m) => m.name ?? '(unknown)').join('/') || '(none)' });
  }
  let findable = 0;
  let found = 0;
  for (const g of goldSegs) {
    if (g.group || !g.nameInText || !(g.name || g.heard.length)) continue;
    findable++;
    let best = null;
    let bestOverlap = 0;
    for (const seg of segments) {
      const o = overlap(seg.startLine, seg.endLine, g.firstLine, g.lastLine);
      if (o > bestOverlap) [best, bestOverlap] = [seg, o];
    }
    if (best?.speaker && nameMatches(best.speaker, g)) found++;
  }
  return { named, right, wrong, findable, found };
}

/** Every score of one file. */
export function scoreFile(text, gold, segments) {
  const spoken = utteranceLines(text);
  const goldSegs = goldSegments(gold);
  const units = goldUnits(goldSegs);
  const boundaries = segments.slice(1).map((s) => s.startLine);
  return {
    units: units.length,
    segments: segments.length,
    exact: scoreBoundaries(spoken, units, boundaries, 0),
    near: scoreBoundaries(spoken, units, boundaries, 2),
    names: scoreNames(segments, goldSegs, units),
  };
}
