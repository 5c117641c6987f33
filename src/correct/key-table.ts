// The keys of a dictionary read from a file, found by hash in typed arrays. A large dictionary
// keeps its keys for the whole run; kept as a Map of small strings, they would be copied by V8's
// young-generation collections, which then grow the young generation and slow every later stage.
// Typed arrays live outside the JS heap (the keys themselves are kept in key-list.ts).

const HASH_SEED = 0x811c9dc5;
const HASH_PRIME = 0x01000193;

/** FNV-1a, 32 bits: the hash of `text` from `start` to `end`. */
export function hashOf(text: string, start = 0, end = text.length): number {
  let hash = HASH_SEED;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), HASH_PRIME);
  return hash | 0; // a signed 32-bit number, as the table stores it (the seed alone is not)
}

/**
 * An open-addressing hash table from keys to their first place, storing places and hashes only;
 * the caller says what key a place holds when two hashes meet.
 */
export class KeyTable {
  /** Each slot's place plus one (0: empty), and the hash filed there. */
  private places: Int32Array;
  private hashes: Int32Array;
  private size = 0;

  /** A table sized for about `expected` keys, so that filing them need not grow it. */
  constructor(expected = 512) {
    let slots = 1024;
    while (slots < expected * 2) slots *= 2;
    this.places = new Int32Array(slots);
    this.hashes = new Int32Array(slots);
  }

  /** The place filed for `key` (whose hash is given), or -1; `keys` tells whether a place holds it. */
  find(key: string, hash: number, keys: { equals(place: number, key: string): boolean }): number {
    const mask = this.places.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const place = this.places[slot];
      if (place === 0) return -1;
      if (this.hashes[slot] === hash && keys.equals(place - 1, key)) return place - 1;
    }
  }

  /** Files a key not filed yet, by its hash and place. */
  add(hash: number, place: number): void {
    if ((this.size + 1) * 2 > this.places.length) this.grow();
    this.put(hash, place + 1);
    this.size++;
  }

  private put(hash: number, placePlusOne: number): void {
    const mask = this.places.length - 1;
    let slot = hash & mask;
    while (this.places[slot] !== 0) slot = (slot + 1) & mask;
    this.places[slot] = placePlusOne;
    this.hashes[slot] = hash;
  }

  private grow(): void {
    const { places, hashes } = this;
    this.places = new Int32Array(places.length * 2);
    this.hashes = new Int32Array(places.length * 2);
    for (let slot = 0; slot < places.length; slot++) if (places[slot] !== 0) this.put(hashes[slot], places[slot]);
  }
}
