// Command-line flags of `captions build` turned into pipeline options. Each feature adds its flags
// here (and in main.ts); the pipeline itself never sees the command line.

import { loadDefaultDictionary, loadDictionaryFile } from '../correct/load.js';
import { mergeDictionaries } from '../correct/dictionary.js';
import { profileByName } from '../cues/profile.js';
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
  /** Extra term dictionaries, merged over the default (later ones win). */
  dict?: string[];
  /** False with --no-default-dict. */
  defaultDict?: boolean;
  minConfidence?: string;
  /** File for the corrections log (`-`: stderr). */
  report?: string;
  /** Write nothing but the report. */
  dryRun?: boolean;
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
  if (options.minConfidence !== undefined) {
    const min = Number(options.minConfidence);
    if (!Number.isFinite(min) || min < 0 || min > 1) throw new UsageError(`--min-confidence takes a number from 0 to 1, not "${options.minConfidence}"`);
    result.minConfidence = min;
  }
  const extra = (options.dict ?? []).map((file) => loadDictionaryFile(file));
  const base = options.defaultDict === false ? [] : [loadDefaultDictionary()];
  if (options.defaultDict === false && extra.length === 0) result.dictionary = false;
  else if (extra.length) result.dictionary = mergeDictionaries([...base, ...extra]);
  return result;
}
