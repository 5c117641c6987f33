// Keys and numbers of a large dictionary, kept in typed arrays. Tens of thousands of small strings,
// or a growing array of numbers, would be copied by V8's young-generation collections while the file
// is read, and enough of that makes V8 double its young generation, whose fresh memory then slows
// every later stage; a typed array's contents live outside the JS heap.

/** Numbers added one by one, in a typed array that doubles as it fills. */
export class IntList {
  private items: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.items = new Int32Array(Math.max(16, capacity));
  }

  get(index: number): number {
    return this.items[index];
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const larger = new Int32Array(this.items.length * 2);
      larger.set(this.items);
      this.items = larger;
    }
    this.items[this.length++] = value;
  }

  /** The numbers added, in an array of their own size. */
  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }
}

/**
 * Strings added one by one, kept as their UTF-16 code units, and read back or compared by place. The
 * latest are also kept as they were given until `settle`, as the reader looks at them once more.
 */
export class KeyList {
  private units: Uint16Array;
  private used = 0;
  private recent: string[] = [];
  private firstRecent = 0;
  /** Where each key starts among the units, and one more item where the last ends. */
  private readonly offsets = new IntList();

  /**
   * `capacity`: about how many code units the keys will have (the list grows past it if need be).
   * Memory reserved and never written costs nothing: the system gives it pages only when touched.
   */
  constructor(capacity = 1 << 14) {
    this.units = new Uint16Array(Math.max(16, capacity));
    this.offsets.push(0);
  }

  get length(): number {
    return this.offsets.length - 1;
  }

  push(key: string): void {
    if (this.used + key.length > this.units.length) {
      const larger = new Uint16Array(Math.max(this.units.length * 2, this.used + key.length));
      larger.set(this.units.subarray(0, this.used));
      this.units = larger;
    }
    for (let i = 0; i < key.length; i++) this.units[this.used++] = key.charCodeAt(i);
    this.offsets.push(this.used);
    this.recent.push(key);
  }

  /** Lets go of the strings added so far: they are read back from their code units. */
  settle(): void {
    this.recent = [];
    this.firstRecent = this.length;
  }

  /** Takes back the keys after the first `length`, which must not be settled yet. */
  truncate(length: number): void {
    if (length < this.firstRecent) throw new RangeError('settled keys cannot be taken back');
    this.recent.length = length - this.firstRecent;
    this.offsets.length = length + 1;
    this.used = this.offsets.get(length);
  }

  /** Whether the key at `place` is `key`, compared without making a string. */
  equals(place: number, key: string): boolean {
    const start = this.offsets.get(place);
    if (this.offsets.get(place + 1) - start !== key.length) return false;
    for (let i = 0; i < key.length; i++) if (this.units[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  at(place: number): string {
    if (place >= this.firstRecent) return this.recent[place - this.firstRecent];
    const units = this.units.subarray(this.offsets.get(place), this.offsets.get(place + 1));
    // in pieces: a call takes only so many arguments
    let key = '';
    for (let from = 0; from < units.length; from += 4096) key += String.fromCharCode(...units.subarray(from, from + 4096));
    return key;
  }
}
