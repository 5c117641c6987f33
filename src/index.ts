// Public API: the pipeline and its stages, for use without the command line.
export { buildFromBytes, buildFromText, type BuildOptions } from './pipeline.js';
export { decodeText } from './read/decode.js';
export { parseTranscript } from './read/transcript.js';
export { normalize } from './normalize/index.js';
export { correctTerms, DEFAULT_MIN_CONFIDENCE, DictionaryError, entriesForNames, loadDefaultDictionary, loadDictionaryFile, mergeDictionaries, parseDictionary, type Dictionary, type DictionaryEntry } from './correct/index.js';
export { formatReport, formatCorrection, type ReportStyle } from './report/text.js';
export { segmentSpeakers } from './segment.js';
export { splitSentences } from './sentences.js';
export { estimateTiming, DEFAULT_SPEECH_MODEL, speechModelForWpm, type SpeechModel } from './timing.js';
export { buildCues } from './cues/build.js';
export { NETFLIX, PROFILES, profileByName } from './cues/profile.js';
export { FORMATS, WRITERS, VTT_COMPANIONS, renderFormat, writeJson, writeSrt, writeTxt, writeVtt, type Companion, type OutputFormat, type RenderedFile } from './write/index.js';
export * from './types.js';
