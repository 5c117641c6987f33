// Speaker labels of SRT captions, in the broadcast convention: the name in capitals and a colon at
// the start of the speaker's first cue ("JEFF: Hi everyone."), `>>` when an unnamed voice takes over.

export const SPEAKER_LABEL_MODES = ['none', 'change', 'every'] as const;
export type SpeakerLabels = (typeof SPEAKER_LABEL_MODES)[number];

export function speakerLabel(name: string): string {
  return `${name.toUpperCase()}:`;
}
