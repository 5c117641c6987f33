// Time values as people write them in marker files and on the command line: plain seconds
// (`75`, `75.5`) or clock times (`1:15`, `00:01:15.500`, `00:01:15,500`).

const SECONDS = /^\d+(?:\.\d+)?$/;

/**
 * Latest time accepted anywhere (options, markers files, drafts): about 2.7 million hours. Beyond it
 * milliseconds stop being exact in a double, and no recording runs that long.
 */
export const MAX_TIME_SECONDS = 10_000_000_000;
const CLOCK = /^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:[.,]\d{1,3})?)$/;

/** Seconds for a written time, or null when the text is no time. */
export function parseTimeValue(text: string): number | null {
  const t = text.trim();
  if (SECONDS.test(t)) return Number(t) <= MAX_TIME_SECONDS ? Number(t) : null;
  const m = CLOCK.exec(t);
  if (!m) return null;
  const minutes = Number(m[2]);
  const seconds = Number(m[3].replace(',', '.'));
  // with hours given, minutes and seconds are clock fields below 60
  if (seconds >= 60 || (m[1] !== undefined && minutes >= 60)) return null;
  const total = Number(m[1] ?? 0) * 3600 + minutes * 60 + seconds;
  return total <= MAX_TIME_SECONDS ? total : null;
}

/** `HH:MM:SS.mmm`, for messages. */
export function formatClock(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(3).padStart(6, '0')}`;
}
