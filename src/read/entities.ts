// Character references in caption text (`&amp;`, `&#233;`, `&#x2014;`), decoded as a player shows them.
// WebVTT names only a few; a name it does not know stays as written.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f', quot: '"', apos: "'" };

/** A numeric character reference as HTML reads it: zero, a surrogate or a number past U+10FFFF is U+FFFD. */
function characterOf(code: number): string {
  return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (whole, dec: string, hex: string, name: string) => {
    if (dec) return characterOf(Number(dec));
    if (hex) return characterOf(parseInt(hex, 16));
    // own names only: "&constructor;" must not find an object's built-in properties
    const key = name.toLowerCase();
    return Object.hasOwn(NAMED, key) ? NAMED[key] : whole;
  });
}
