import { InputError } from '../types.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** 1-based line of a byte offset, for pointing at a bad byte. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first offset at which the bytes stop being valid UTF-8. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Text in UTF-16 without a BOM: in its first bytes, NULs at most even or most odd offsets (ASCII's high bytes). */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = Math.min(bytes.length, 4096) & ~1;
  if (sample < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = sample / 2;
  return Math.max(even, odd) >= pairs * 0.8 && Math.min(even, odd) <= pairs * 0.05;
}

/**
 * Turns file bytes into text: UTF-8 with or without a byte order mark, LF or CRLF line ends
 * (returned as LF). Anything else is refused with the line where it goes wrong.
 */
export function decodeText(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(1, 'file is UTF-16 (byte order mark found); save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0 && looksLikeUtf16(bytes)) throw new InputError(1, 'file looks like UTF-16 without a byte order mark (every other byte is NUL); save it as UTF-8');
  if (nul >= 0) throw new InputError(lineOfByte(bytes, nul), 'file contains NUL bytes: binary data, not a text transcript');
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new InputError(lineOfByte(bytes, firstInvalidUtf8(bytes)), 'file is not valid UTF-8');
  }
  return text.replace(/\r\n?/g, '\n');
}
