// Per-frame features of a recording, computed as its samples stream in: the loudness of every 10 ms
// frame, of the whole signal and of its upper band (a first difference, which weakens hum, rumble
// and the low end of music, and keeps the consonants and vowel formants of speech). Two float32
// numbers a frame: an hour is under 3 MB.

export const FRAME_SECONDS = 0.01;

export interface AudioFeatures {
  frames: number;
  /** Loudness of each frame, in dB relative to full scale (-100 for digital silence). */
  energy: Float32Array;
  /** Loudness of the first difference of the signal (its upper band), in dB. */
  upper: Float32Array;
  /** Length of the sound in seconds. */
  duration: number;
}

const SILENT_DB = -100;

function toDb(sumOfSquares: number, count: number): number {
  const mean = sumOfSquares / count;
  return mean > 1e-10 ? Math.max(SILENT_DB, 10 * Math.log10(mean)) : SILENT_DB;
}

/** Grows typed arrays by doubling, so that streaming in frames costs amortised constant time. */
class FloatList {
  data = new Float32Array(4096);
  length = 0;
  push(value: number) {
    if (this.length === this.data.length) {
      const bigger = new Float32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  final(): Float32Array {
    return this.data.slice(0, this.length);
  }
}

/** A feature computer fed with 16-bit samples in chunks of any size. */
export function computeFeatures(sampleRate: number) {
  const frameLength = Math.round(sampleRate * FRAME_SECONDS);
  const energy = new FloatList();
  const upper = new FloatList();
  let sum = 0;
  let sumUpper = 0;
  let inFrame = 0;
  let previous = 0;
  let samples = 0;
  const SCALE = 1 / 32768;
  return {
    push(chunk: Int16Array) {
      for (let i = 0; i < chunk.length; i++) {
        const x = chunk[i] * SCALE;
        const d = x - previous;
        previous = x;
        sum += x * x;
        sumUpper += d * d;
        if (++inFrame === frameLength) {
          energy.push(toDb(sum, frameLength));
          upper.push(toDb(sumUpper, frameLength));
          sum = sumUpper = 0;
          inFrame = 0;
        }
      }
      samples += chunk.length;
    },
    frames: () => energy.length,
    finish(): AudioFeatures {
      // A last partial frame counts if it holds at least half a frame.
      if (inFrame >= frameLength / 2) {
        energy.push(toDb(sum, inFrame));
        upper.push(toDb(sumUpper, inFrame));
      }
      return { frames: energy.length, energy: energy.final(), upper: upper.final(), duration: samples / sampleRate };
    },
  };
}
