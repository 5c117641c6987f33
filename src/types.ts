// Shared data shapes of the pipeline. Every stage takes and returns these; none of them knows about
// files, the command line or colours. Lines and columns are 1-based positions in the input file.

import type { Diagnostic } from './diagnostic.js';

/** A change the tool made to the text, reported like a compiler diagnostic. */
export interface Correction {
  line: number;
  column: number;
  from: string;
  to: string;
  kind: 'punctuation' | 'case' | 'markup' | 'term' | 'name';
  rule: string;
  confidence: number;
  /** Which evidence decided a text repair (a rule's sub-case), for measuring each on its own. */
  evidence?: string;
}

/** One word as spoken, with its trailing punctuation attached ("morning,"). */
export interface WordToken {
  type: 'word';
  text: string;
  line: number;
  column: number;
  /** True when the word closes a sentence (decided by the normalizer from the punctuation). */
  sentenceEnd: boolean;
}

/** A sound event such as `[applause]`; it becomes a cue of its own. */
export interface EventToken {
  type: 'event';
  text: string;
  line: number;
  column: number;
}

/** A slide frame captured at this point of the speech: `![](img/<name>_<N>.png)`. */
export interface MarkerToken {
  type: 'marker';
  image: string;
  line: number;
  column: number;
}

/** The `>>` caption convention: a change of speaker starts here. */
export interface TurnToken {
  type: 'turn';
  line: number;
  column: number;
}

/** A visible break in the transcript (a run of blank lines), a cue never spans it. */
export interface BreakToken {
  type: 'break';
  line: number;
  column: number;
}

export type Token = WordToken | EventToken | MarkerToken | TurnToken | BreakToken;

/** Tokens with the record of what was changed to get them. */
export interface TokenStream {
  title: string | null;
  tokens: Token[];
  corrections: Correction[];
  warnings: Diagnostic[];
}

/** A run of the transcript spoken by one person (one segment until speakers are detected). */
export interface Segment {
  id: number;
  speaker: string | null;
  role: 'host' | 'speaker' | null;
  title: string | null;
  /** Index range [firstToken, endToken) into the token stream. */
  firstToken: number;
  endToken: number;
  startLine: number;
  endLine: number;
  /** How sure the segment stage is of the handoff that starts this segment, 0 to 1 (1 for the first segment). */
  confidence?: number;
  /** Source lines of the signals for the segment's start (an introduction, applause, a self-introduction…) and for its name. */
  evidence?: { start: number[]; name: number[] };
}

/** One person in a session's roster (from the conference schedule). */
export interface RosterPerson {
  name: string;
  /** Other spellings the transcript may use ("Gajandra"). */
  aliases: string[];
  title: string | null;
  /** Line of the person in the roster file, for messages about the entries made from it. */
  line?: number;
}

/** `--speakers <roster>`: the session's hosts and its speakers in order. */
export interface Roster {
  hosts: RosterPerson[];
  speakers: RosterPerson[];
}

/** A unit of speech the timing and cue stages work on. */
export type Unit =
  | { type: 'sentence'; words: WordToken[]; segment: number; paragraphEnd: boolean }
  | { type: 'event'; event: EventToken; segment: number }
  | { type: 'marker'; marker: MarkerToken; segment: number };

/**
 * A unit with its times. A sentence keeps its words' times in two typed arrays beside the words,
 * not as an object per word: a long transcript has close to a million words.
 */
export type TimedUnit =
  | { type: 'sentence'; words: WordToken[]; starts: Float64Array; ends: Float64Array; segment: number; paragraphEnd: boolean }
  | { type: 'event'; event: EventToken; segment: number; start: number; end: number }
  | { type: 'marker'; marker: MarkerToken; segment: number; time: number };

export interface MarkerTime {
  image: string;
  line: number;
  time: number;
  pinned: boolean;
}

export interface Cue {
  id: number;
  start: number;
  end: number;
  speaker: string | null;
  lines: string[];
  sourceLines: [number, number];
  /** Segment the cue belongs to (index into segments). */
  segment: number;
  /** The lines with a speaker label ("JEFF: …"), laid out within the profile; SRT writes these. */
  labelledLines?: string[];
  /** Caption drafts only: the cue identifier as written in the draft (null: none). */
  identifier?: string | null;
  /** Caption drafts only: WebVTT cue settings as written ('' if none). */
  settings?: string;
  /** Caption drafts only: the cue's text lines as the draft had them, before cleaning. */
  draftLines?: string[];
  /** Timed from a recording only: 0–1, how sure the alignment is of the cue's times. */
  confidence?: number;
}

/**
 * Every spoken word with its times and source line, in transcript order: four parallel lists, not
 * an object per word (a long transcript has close to a million words).
 */
export interface WordTimes {
  texts: string[];
  starts: Float64Array;
  ends: Float64Array;
  lines: Int32Array;
}

/** What a caption draft (SRT or WebVTT input) keeps besides its cues, so the output can keep it too. */
export interface DraftSource {
  format: 'srt' | 'vtt';
  /** Header, NOTE, STYLE and REGION blocks as written, each placed before cue `beforeCue`. */
  blocks: Array<{ kind: 'header' | 'note' | 'style' | 'region'; text: string; line: number; beforeCue: number }>;
}

/** A caption style: the limits every cue must keep. */
export interface StyleProfile {
  name: string;
  maxCharsPerLine: number;
  maxLines: number;
  minDuration: number;
  maxDuration: number;
  minGap: number;
  maxCharsPerSecond: number;
}

/** Everything the pipeline produced for one input. */
export interface CaptionDocument {
  source: string;
  title: string | null;
  segments: Array<Omit<Segment, 'firstToken' | 'endToken'> & { start: number; end: number }>;
  cues: Cue[];
  markers: MarkerTime[];
  corrections: Correction[];
  warnings: Diagnostic[];
  /** Cleaned transcript paragraphs, for the txt output. */
  paragraphs: string[];
  /** Set when the input was a caption draft: cue lines are then in the draft's own markup. */
  draft?: DraftSource;
  /** The encoding the input was read in (`utf-8`, `utf-16le`, `windows-1252`, …), when it was read from bytes. */
  encoding?: string;
  /** The spoken words with their times (the JSON output's `words`); a caption draft's are found from its cues when written. */
  words?: WordTimes;
}
