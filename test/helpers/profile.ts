import type { Cue, StyleProfile } from '../../src/types.js';
import type { Diagnostic } from '../../src/diagnostic.js';

/** The ways a cue breaks the profile (empty when it keeps it). */
export function profileBreaches(cues: Cue[], profile: StyleProfile): Array<{ id: number; what: string }> {
  const breaches: Array<{ id: number; what: string }> = [];
  const eps = 0.0005;
  cues.forEach((cue, i) => {
    const duration = cue.end - cue.start;
    if (cue.lines.length > profile.maxLines) breaches.push({ id: cue.id, what: 'lines' });
    if (cue.lines.some((l) => l.length > profile.maxCharsPerLine)) breaches.push({ id: cue.id, what: 'line length' });
    if (duration < profile.minDuration - eps) breaches.push({ id: cue.id, what: 'too short' });
    if (duration > profile.maxDuration + eps) breaches.push({ id: cue.id, what: 'too long' });
    if (cue.lines.join(' ').length / duration > profile.maxCharsPerSecond + 1e-6) breaches.push({ id: cue.id, what: 'reading speed' });
    if (i > 0 && cue.start - cues[i - 1].end < profile.minGap - eps) breaches.push({ id: cue.id, what: 'gap' });
  });
  return breaches;
}

/** Is cue `id` named by a warning ("cue 12", or within "cues 10-14")? */
export function namedInWarnings(id: number, warnings: Diagnostic[]): boolean {
  return warnings.some((w) => {
    const single = /\bcue (\d+)\b/.exec(w.message);
    if (single && Number(single[1]) === id) return true;
    const range = /\bcues (\d+)-(\d+)\b/.exec(w.message);
    return !!range && id >= Number(range[1]) && id <= Number(range[2]);
  });
}
