// Command-line flags of `captions build` turned into pipeline options. Each feature adds its flags
// here (and in main.ts); the pipeline itself never sees the command line.

import { SPEAKER_LABEL_MODES, type SpeakerLabels } from '../cues/labels.js';
import { profileByName } from '../cues/profile.js';
import { loadRoster } from '../segment/roster.js';
import type { BuildOptions } from '../pipeline.js';
import { speechModelForWpm } from '../timing.js';
import { FORMATS, type OutputFormat } from '../write/index.js';
import { UsageError } from './outputs.js';

export interface BuildCommandOptions {
  output?: string;
  formats: string;
  wpm?: string;
  profile: string;
  quiet?: boolean;
  /** A roster file (`--speakers <file>`), or false for `--no-speakers`. */
  speakers?: string | false;
  speakerLabels?: string;
}

export function parseFormats(list: string): OutputFormat[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length || formats.length === 0) throw new UsageError(`unknown format "${unknown.join(',') || list}" (choose from ${FORMATS.join(', ')})`);
  return [...new Set(formats)] as OutputFormat[];
}

export function pipelineOptions(options: BuildCommandOptions): BuildOptions {
  const profile = profileByName(options.profile);
  if (!profile) throw new UsageError(`unknown profile "${options.profile}"`);
  const result: BuildOptions = { profile };
  if (options.wpm !== undefined) {
    const wpm = Number(options.wpm);
    if (!Number.isFinite(wpm) || wpm < 40 || wpm > 400) throw new UsageError(`--wpm takes a number from 40 to 400, not "${options.wpm}"`);
    result.speechModel = speechModelForWpm(wpm);
  }
  if (options.speakers === false) result.detectSpeakers = false;
  else if (typeof options.speakers === 'string') result.speakers = loadRoster(options.speakers); // throws RosterError (file:line)
  if (options.speakerLabels !== undefined) {
    const mode = options.speakerLabels.toLowerCase();
    if (!(SPEAKER_LABEL_MODES as readonly string[]).includes(mode)) throw new UsageError(`--speaker-labels takes ${SPEAKER_LABEL_MODES.join(', ')}, not "${options.speakerLabels}"`);
    result.speakerLabels = mode as SpeakerLabels;
  }
  return result;
}
