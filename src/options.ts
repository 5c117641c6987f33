// The options of a build, as the pipeline takes them (the CLI makes them from its flags).

import type { Dictionary } from './correct/dictionary.js';
import type { SpeakerLabels } from './cues/labels.js';
import type { MarkerTable } from './read/markers.js';
import type { SpeechModel } from './timing/estimate.js';
import type { Correction, Roster, StyleProfile } from './types.js';
import type { AudioFeatures } from './audio/features.js';
import type { VoiceOptions } from './audio/voice.js';

export interface BuildOptions {
  profile?: StyleProfile;
  speechModel?: SpeechModel;
  /** Term dictionary; the built-in default when absent, none when false. */
  dictionary?: Dictionary | false;
  /** Fuzzy term fixes below this confidence are not made (default 0.8). */
  minConfidence?: number;
  /** Known times of image markers (a markers file, read by src/read/markers.ts). */
  anchors?: MarkerTable;
  /** Length of the video in seconds: the speech ends there. */
  duration?: number;
  /** Where the talk starts in the video, in seconds. */
  offset?: number;
  /** Longest section, in words, a long transcript is built in (src/sections.ts). */
  sectionWords?: number;
  /**
   * For a section after the first of a long transcript: the talk's `#` heading and the term fixes of
   * the sections before it, so that every section corrects terms as the whole talk would.
   */
  talk?: { title: string | null; corrections: readonly Correction[] };
  /** The session's roster (`--speakers`): names, spellings and titles of its hosts and speakers. */
  speakers?: Roster;
  /** False keeps the transcript one segment, for a single lecturer (`--no-speakers`). Default true. */
  detectSpeakers?: boolean;
  /** Speaker labels on SRT cues: on each speaker's first cue (`change`, default), on `every` cue, or `none`. */
  speakerLabels?: SpeakerLabels;
  /** Encoding of input bytes that are neither UTF-8 nor marked by a byte order mark (`--encoding`); detected when absent. */
  encoding?: string;
  /** The recording's frame features (src/audio/decode.ts): the words are then timed from its speech. */
  audio?: { features: AudioFeatures; voice?: VoiceOptions; /** The recording's path, for messages. */ media?: string };
}
