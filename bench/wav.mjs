// The 44-byte header of a WAV file of 16-bit mono PCM, shared by the audio benchmark and the audio
// tests, which synthesize speech and write it as WAV for ffmpeg to read.

/**
 * @param {number} samples how many samples follow the header
 * @param {number} rate samples a second
 * @returns {Buffer}
 */
export function wavHeader(samples, rate) {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16); // size of the fmt chunk
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28); // bytes a second
  header.writeUInt16LE(2, 32); // bytes a sample
  header.writeUInt16LE(16, 34); // bits a sample
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  return header;
}
