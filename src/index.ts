// Public API: the pipeline and its stages, for use without the command line.
export { buildFromBytes, buildFromText, type BuildOptions } from './pipeline.js';
export { decodeText } from './read/decode.js';
export { parseTranscript } from './read/transcript.js';
export { normalize } from './normalize/index.js';
export { detectSpeakers, loadRoster, parseRoster, rosterTerms, RosterError, segmentSpeakers } from './segment/index.js';
export { writeChapters } from './write/chapters.js';
export { splitSentences } from './sentences.js';
export { estimateTiming, DEFAULT_SPEECH_MODEL, speechModelForWpm, type SpeechModel } from './timing.js';
export { buildCues } from './cues/build.js';
export { NETFLIX, PROFILES, profileByName } from './cues/profile.js';
export { FORMATS, WRITERS, VTT_COMPANIONS, renderFormat, writeJson, writeSrt, writeTxt, writeVtt, type Companion, type OutputFormat, type RenderedFile } from './write/index.js';
export * from './types.js';
