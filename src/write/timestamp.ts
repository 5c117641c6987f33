// Cue timestamps of any length. Hours are at least two digits and grow past 99 (`100:00:00.000`), as
// both formats allow and both readers of this tool accept; nothing goes through `Date`, which wraps
// at 24 hours.

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `HH:MM:SS.mmm` (WebVTT, separator '.') or `HH:MM:SS,mmm` (SRT, ','), from seconds. */
export function formatTimestamp(seconds: number, separator: '.' | ','): string {
  return formatMilliseconds(Math.round(seconds * 1000), separator);
}

/** The same, from whole milliseconds. */
export function formatMilliseconds(milliseconds: number, separator: '.' | ','): string {
  const total = Math.max(0, Math.round(milliseconds));
  const ms = total % 1000;
  const s = Math.floor(total / 1000) % 60;
  const m = Math.floor(total / 60_000) % 60;
  const h = Math.floor(total / 3_600_000);
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${separator}${pad(ms, 3)}`;
}
