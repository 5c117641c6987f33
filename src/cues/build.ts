// The cue stage: cuts timed sentences into cues that keep a style profile's limits, lays out their
// lines, and settles their times so that cues never overlap and keep the minimum gap.

import type { Cue, Segment, StyleProfile, TimedUnit, TimedWord, Warning } from '../types.js';
import { speakerLabel, type SpeakerLabels } from './labels.js';
import { breakCosts, layoutCost, layoutLines } from './layout.js';

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

/** Millisecond limits, rounded so that a cue at the limit still keeps it after rounding. */
function limitsInMs(profile: StyleProfile) {
  return {
    minDuration: Math.ceil(profile.minDuration * 1000 - 1e-6),
    maxDuration: Math.floor(profile.maxDuration * 1000 + 1e-6),
    minGap: Math.ceil(profile.minGap * 1000 - 1e-6),
  };
}

/** Splits one sentence into cue drafts with the fewest, most natural breaks. */
function splitSentence(words: TimedWord[], segment: number, profile: StyleProfile, warnings: Warning[], label: SentenceLabel | null = null): Draft[] {
  const plain = words.map((w) => w.word.text);
  const costs = breakCosts(plain);
  // A labelled cue lays out its first word with the label glued in front, so the label counts in the line.
  const labelled = (start: number) => label !== null && (label.every || start === 0);
  const withLabel = new Map<number, string[]>();
  const textsFrom = (start: number): string[] => {
    if (!labelled(start)) return plain;
    let texts = withLabel.get(start);
    if (!texts) {
      texts = plain.slice();
      texts[start] = `${label!.text} ${plain[start]}`;
      withLabel.set(start, texts);
    }
    return texts;
  };
  const n = words.length;
  const maxChars = profile.maxCharsPerLine * profile.maxLines;
  const best: Array<{ cost: number; from: number } | null> = new Array(n + 1).fill(null);
  best[0] = { cost: 0, from: -1 };
  for (let end = 1; end <= n; end++) {
    let length = -1;
    for (let start = end - 1; start >= 0; start--) {
      length += plain[start].length + 1;
      const texts = textsFrom(start);
      const single = start === end - 1;
      if (length > maxChars && !single) break;
      const prev = best[start];
      if (!prev) continue;
      const duration = words[end - 1].end - words[start].start;
      if (duration > profile.maxDuration && !single) break;
      const labelLength = texts === plain ? 0 : label!.text.length + 1;
      if (length + labelLength > maxChars && !single) continue;
      const layout = layoutCost(texts, costs, start, end, profile.maxCharsPerLine, profile.maxLines);
      if (layout === Infinity && !single) continue;
      const short = duration < profile.minDuration && end - start < n ? 1.5 : 0;
      const tiny = length < 12 && end < n ? 1 : 0;
      const cost = prev.cost + 1 + (end < n ? 1.5 * costs[end - 1] : 0) + short + tiny + 0.5 * (layout === Infinity ? 0 : layout);
      if (!best[end] || cost < best[end]!.cost) best[end] = { cost, from: start };
    }
  }
  const drafts: Draft[] = [];
  for (let end = n; end > 0; end = best[end]!.from) {
    const { from } = best[end]!;
    const texts = textsFrom(from);
    const laid = layoutLines(texts, costs, from, end, profile.maxCharsPerLine, profile.maxLines)?.lines ?? [texts.slice(from, end).join(' ')];
    const labelledLines = texts === plain ? undefined : laid;
    const lines = labelledLines ? [laid[0].slice(label!.text.length + 1), ...laid.slice(1)] : laid;
    const first = words[from];
    const last = words[end - 1];
    if (laid.some((l) => l.length > profile.maxCharsPerLine)) {
      warnings.push({ line: first.word.line, code: 'line-too-long', message: `"${lines.join(' ')}" is longer than ${profile.maxCharsPerLine} characters and cannot be broken` });
    }
    drafts.unshift({ lines, ...(labelledLines ? { labelledLines } : {}), start: first.start, end: last.end, firstLine: first.word.line, lastLine: last.word.line, segment });
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
export function buildCues(units: TimedUnit[], segments: Segment[], profile: StyleProfile, labels: SpeakerLabels = 'none'): { cues: Cue[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const drafts: Draft[] = [];
  let labelledSegment = -1;
  for (const unit of units) {
    if (unit.type === 'sentence') {
      const label = labels === 'none' ? null : sentenceLabel(segments, unit.segment, labels, labelledSegment !== unit.segment, profile);
      labelledSegment = unit.segment;
      drafts.push(...splitSentence(unit.words, unit.segment, profile, warnings, label));
    }
    else if (unit.type === 'event') {
      drafts.push({ lines: [unit.event.text], start: unit.start, end: unit.end, firstLine: unit.event.line, lastLine: unit.event.line, segment: unit.segment });
    }
  }

  const limit = limitsInMs(profile);
  const starts = drafts.map((d) => Math.round(d.start * 1000));
  const ends = drafts.map((d) => Math.round(d.end * 1000));
  // Settle times in order: never before the previous cue's end plus the gap, never shorter than the minimum.
  for (let i = 0; i < drafts.length; i++) {
    if (i > 0) starts[i] = Math.max(starts[i], ends[i - 1] + limit.minGap);
    ends[i] = Math.min(Math.max(ends[i], starts[i] + limit.minDuration), starts[i] + Math.max(limit.maxDuration, limit.minDuration));
  }
  // Close short gaps so the text does not flicker; lengthen cues that read too fast where there is room.
  for (let i = 0; i < drafts.length; i++) {
    const ceiling = i + 1 < drafts.length ? starts[i + 1] - limit.minGap : Infinity;
    const chars = drafts[i].lines.join(' ').length;
    const wanted = Math.ceil((chars / profile.maxCharsPerSecond) * 1000);
    let end = ends[i];
    if (end - starts[i] < wanted) end = Math.min(starts[i] + wanted, ceiling, starts[i] + limit.maxDuration);
    if (ceiling - end < 500 && ceiling - end > 0) end = Math.min(ceiling, starts[i] + limit.maxDuration);
    ends[i] = Math.max(ends[i], end);
  }

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
  for (const cue of cues) {
    const cps = cue.lines.join(' ').length / (cue.end - cue.start);
    if (cps > profile.maxCharsPerSecond + 1e-9) {
      warnings.push({ line: cue.sourceLines[0], code: 'reading-speed', message: `cue ${cue.id} reads at ${cps.toFixed(1)} characters a second (limit ${profile.maxCharsPerSecond})` });
    }
  }
  return { cues, warnings };
}
