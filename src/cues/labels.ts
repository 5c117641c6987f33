// Speaker labels of SRT captions, in the broadcast convention: the name in capitals and a colon at
// the start of the speaker's first cue ("JEFF: Hi everyone."), `>>` when an unnamed voice takes over.

export const SPEAKER_LABEL_MODES = ['none', 'change', 'every'] as const;
export type SpeakerLabels = (typeof SPEAKER_LABEL_MODES)[number];

/** "Jeff" → "JEFF:"; a name longer than `maxLength` is cut to its first word, to leave room for speech. */
export function speakerLabel(name: string, maxLength = Infinity): string {
  const full = `${name.toUpperCase()}:`;
  return full.length <= maxLength ? full : `${name.split(/\s+/)[0].toUpperCase()}:`;
}
