// The cue stage: cuts timed sentences into cues that keep a style profile's limits, lays out their
// lines, and settles their times (settle.ts) so that cues never overlap, keep the minimum gap and
// never move a pinned time.

import type { Diagnostic } from '../diagnostic.js';
import { textWidth } from './width.js';
import type { Cue, Segment, StyleProfile, TimedUnit } from '../types.js';
import { speakerLabel, type SpeakerLabels } from './labels.js';
import { breakCosts, layoutCost, layoutLines, wordWidths } from './layout.js';
import { settleTimes, type TimeBounds } from './settle.js';

const FRAGMENT_WORDS = 3;
const FRAGMENT_COST = 2;

interface Draft {
  lines: string[];
  /** The lines with the speaker label in front, when the cue carries one. */
  labelledLines?: string[];
  start: number;
  end: number;
  firstLine: number;
  lastLine: number;
  segment: number;
}

type Sentence = Extract<TimedUnit, { type: 'sentence' }>;

/**
 * Splits one sentence into cue drafts with the fewest, most natural breaks. It reads the sentence's
 * typed arrays of times as they are: no object per word, and one kind of array for the compiled code.
 */
function splitSentence({ words, starts, ends, segment }: Sentence, profile: StyleProfile, warnings: Diagnostic[], label: SentenceLabel | null = null): Draft[] {
  const plain = words.map((w) => w.text);
  const costs = breakCosts(plain);
  const plainWidths = wordWidths(plain);
  // A labelled cue lays out its first word with the label glued in front, so the label counts in the line.
  const labelled = (start: number) => label !== null && (label.every || start === 0);
  const labelWidth = label ? textWidth(label.text) + 1 : 0;
  const unlabelled = { texts: plain, widths: plainWidths };
  const withLabel = new Map<number, { texts: string[]; widths: Int32Array }>();
  const wordsFrom = (start: number): { texts: string[]; widths: Int32Array } => {
    if (!labelled(start)) return unlabelled;
    let entry = withLabel.get(start);
    if (!entry) {
      entry = { texts: plain.slice(), widths: plainWidths.slice() };
      entry.texts[start] = `${label!.text} ${plain[start]}`;
      entry.widths[start] += labelWidth;
      withLabel.set(start, entry);
    }
    return entry;
  };
  const n = words.length;
  const maxChars = profile.maxCharsPerLine * profile.maxLines;
  // the cheapest cost of cutting words[0, end) into cues (Infinity while none is found), and where its last cue starts
  const bestCost = new Float64Array(n + 1).fill(Infinity);
  const bestFrom = new Int32Array(n + 1).fill(-1);
  bestCost[0] = 0;
  for (let end = 1; end <= n; end++) {
    let length = -1;
    for (let start = end - 1; start >= 0; start--) {
      length += plainWidths[start] + 1;
      const single = start === end - 1;
      if (length > maxChars && !single) break;
      const prev = bestCost[start];
      if (prev === Infinity) continue;
      const duration = ends[end - 1] - starts[start];
      if (duration > profile.maxDuration && !single) break;
      const { texts, widths } = wordsFrom(start);
      const labelLength = texts === plain ? 0 : labelWidth;
      if (length + labelLength > maxChars && !single) continue;
      const layout = layoutCost(texts, costs, start, end, profile.maxCharsPerLine, profile.maxLines, widths);
      if (layout === Infinity && !single) continue;
      const short = duration < profile.minDuration && end - start < n ? 1.5 : 0;
      const tiny = length < 12 && end < n ? 1 : 0;
      // A piece of three words or fewer cut from a longer sentence flashes by: merged where it fits.
      const fragment = end - start <= FRAGMENT_WORDS && end - start < n ? FRAGMENT_COST : 0;
      const cost = prev + 1 + (end < n ? 1.5 * costs[end - 1] : 0) + short + tiny + fragment + 0.5 * (layout === Infinity ? 0 : layout);
      if (cost < bestCost[end]) {
        bestCost[end] = cost;
        bestFrom[end] = start;
      }
    }
  }
  const drafts: Draft[] = [];
  for (let end = n; end > 0; end = bestFrom[end]) {
    const from = bestFrom[end];
    const { texts, widths } = wordsFrom(from);
    const laid = layoutLines(texts, costs, from, end, profile.maxCharsPerLine, profile.maxLines, widths)?.lines ?? [texts.slice(from, end).join(' ')];
    const labelledLines = texts === plain ? undefined : laid;
    const lines = labelledLines ? [laid[0].slice(label!.text.length + 1), ...laid.slice(1)] : laid;
    if (laid.some((l) => textWidth(l) > profile.maxCharsPerLine)) {
      warnings.push({ line: words[from].line, severity: 'warning', code: 'line-too-long', message: `"${lines.join(' ')}" is longer than ${profile.maxCharsPerLine} characters and cannot be broken` });
    }
    drafts.unshift({ lines, ...(labelledLines ? { labelledLines } : {}), start: starts[from], end: ends[end - 1], firstLine: words[from].line, lastLine: words[end - 1].line, segment });
  }
  return drafts;
}

/** The label a sentence's cues carry: on the first sentence of a segment, or on every cue. */
interface SentenceLabel {
  text: string;
  every: boolean;
}

function sentenceLabel(segments: Segment[], segment: number, labels: SpeakerLabels, firstOfSegment: boolean, profile: StyleProfile): SentenceLabel | null {
  const speaker = segments[segment]?.speaker;
  if (speaker) {
    const text = speakerLabel(speaker, Math.floor(profile.maxCharsPerLine / 2));
    return labels === 'every' ? { text, every: true } : firstOfSegment ? { text, every: false } : null;
  }
  // an unnamed voice taking over is marked with the caption convention ">>"
  return firstOfSegment && segment > 0 ? { text: '>>', every: false } : null;
}

/** Builds the cues for all timed units under the profile; `labels` puts speaker labels on the SRT lines. */
export function buildCues(units: TimedUnit[], segments: Segment[], profile: StyleProfile, bounds: TimeBounds = {}, labels: SpeakerLabels = 'none'): { cues: Cue[]; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const drafts: Draft[] = [];
  let labelledSegment = -1;
  for (const unit of units) {
    if (unit.type === 'sentence') {
      const label = labels === 'none' ? null : sentenceLabel(segments, unit.segment, labels, labelledSegment !== unit.segment, profile);
      labelledSegment = unit.segment;
      for (const draft of splitSentence(unit, profile, warnings, label)) drafts.push(draft);
    }
    else if (unit.type === 'event') {
      drafts.push({ lines: [unit.event.text], start: unit.start, end: unit.end, firstLine: unit.event.line, lastLine: unit.event.line, segment: unit.segment });
    }
  }

  const settled = settleTimes(
    // A speaker label is read too (SRT shows it), so it counts in the time a cue needs.
    drafts.map((d) => ({ start: d.start, end: d.end, chars: (d.labelledLines ?? d.lines).join(' ').length })),
    profile,
    bounds,
  );
  const { starts, ends } = settled;

  const cues: Cue[] = drafts.map((d, i) => ({
    id: i + 1,
    start: starts[i] / 1000,
    end: ends[i] / 1000,
    speaker: segments[d.segment]?.speaker ?? null,
    lines: d.lines,
    ...(d.labelledLines ? { labelledLines: d.labelledLines } : {}),
    sourceLines: [d.firstLine, d.lastLine],
    segment: d.segment,
  }));
  for (const group of settled.squeezed) {
    const ids = group.end - group.first > 1 ? `cues ${group.first + 1}-${group.end}` : `cue ${group.first + 1}`;
    warnings.push({
      line: cues[group.first].sourceLines[0],
      severity: 'warning', code: 'pinned-too-close',
      message: `${ids} must fit in ${((group.to - group.from) / 1000).toFixed(3)} s between pinned times: shorter than the profile allows`,
    });
  }
  for (const cue of cues) {
    const cps = (cue.labelledLines ?? cue.lines).join(' ').length / (cue.end - cue.start);
    if (cue.end <= cue.start) {
      warnings.push({ line: cue.sourceLines[0], severity: 'warning', code: 'reading-speed', message: `cue ${cue.id} has no time on screen: the pinned times leave none` });
    } else if (cps > profile.maxCharsPerSecond + 1e-9) {
      warnings.push({ line: cue.sourceLines[0], severity: 'warning', code: 'reading-speed', message: `cue ${cue.id} reads at ${cps.toFixed(1)} characters a second (limit ${profile.maxCharsPerSecond})` });
    }
  }
  return { cues, warnings };
}
