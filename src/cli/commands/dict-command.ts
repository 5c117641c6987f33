// `captions dict test` and `captions dict suggest`: their declaration for the command line, checking a
// dictionary's specs, and proposing variants from transcripts.

import { isDiagnosticError, usageError } from '../../diagnostic.js';
import type { Command } from 'commander';
import type { Dictionary } from '../../correct/dictionary.js';
import { mergeDictionaries } from '../../correct/merge.js';
import { DEFAULT_DICTIONARY_NAME, DEFAULT_DICTIONARY_PATH, loadDefaultDictionary, loadDictionaryFile } from '../../correct/load.js';
import { runSpecs } from '../../correct/spec.js';
import { suggestionsAsYaml, suggestVariants } from '../../correct/suggest.js';
import { normalize } from '../../normalize/index.js';
import { decodeText } from '../../read/decode.js';
import { readBytesBounded } from '../../read/bounded.js';
import { parseTranscript } from '../../read/transcript.js';
import { formatDiagnostic } from '../io/diagnostics.js';
import { BUILD_FLAGS, encodingFlag } from './build-options.js';
import { addFlags, decimalNumber } from './flags.js';

export interface DictOptions {
  defaultDict?: boolean;
  dict?: string[];
  minScore?: string;
  /** Encoding of files that are neither UTF-8 nor marked by a byte order mark. */
  encoding?: string;
}

function encodingOf(options: DictOptions): string | undefined {
  return options.encoding === undefined ? undefined : encodingFlag(options.encoding);
}

/** Runs the specs of each file (the built-in dictionary when none), each merged over the default. */
export function runDictTest(files: string[], options: DictOptions): number {
  const targets = files.length ? files : [DEFAULT_DICTIONARY_PATH];
  const encoding = encodingOf(options);
  let failed = 0;
  for (const file of targets) {
    const isDefault = file === DEFAULT_DICTIONARY_PATH;
    // the file itself is read from its source (never from the compiled copy) so that lines are exact
    const own = isDefault ? loadDictionaryFile(file, DEFAULT_DICTIONARY_NAME) : loadDictionaryFile(file, file, encoding);
    const base = isDefault || options.defaultDict === false ? [] : [loadDefaultDictionary()];
    const dictionary = base.length ? mergeDictionaries([...base, own]) : own;
    const { passed, failures } = runSpecs(own, dictionary);
    const name = isDefault ? DEFAULT_DICTIONARY_NAME : file;
    for (const f of failures) {
      const message = `spec of "${f.term}" failed: ${JSON.stringify(f.spec.input)} gave ${JSON.stringify(f.actual)}, expected ${JSON.stringify(f.spec.output)}`;
      process.stderr.write(formatDiagnostic(f.spec.source.file, f.spec.source.line, 'error', message) + '\n');
    }
    process.stdout.write(`${name}: ${own.entries.length} entries, ${passed} specs passed, ${failures.length} failed\n`);
    if (failures.length) failed++;
  }
  return failed ? 1 : 0;
}

export function runDictSuggest(transcripts: string[], options: DictOptions): number {
  const encoding = encodingOf(options);
  const extra = (options.dict ?? []).map((f) => loadDictionaryFile(f, f, encoding));
  const parts: Dictionary[] = [...(options.defaultDict === false ? [] : [loadDefaultDictionary()]), ...extra];
  const dictionary = parts.length === 1 ? parts[0] : mergeDictionaries(parts);
  const minScore = options.minScore === undefined ? 0.75 : decimalNumber(options.minScore);
  if (options.minScore !== undefined && (options.minScore.trim() === '' || !Number.isFinite(minScore) || minScore < 0 || minScore > 1)) {
    throw usageError(`--min-score takes a number from 0 to 1, not "${options.minScore}"`);
  }
  const streams: Array<{ file: string; tokens: ReturnType<typeof normalize>['tokens'] }> = [];
  let failed = 0;
  for (const file of transcripts) {
    try {
      streams.push({ file, tokens: normalize(parseTranscript(decodeText(readBytesBounded(file, 'transcript'), encoding))).tokens });
    } catch (error) {
      const line = isDiagnosticError(error, 'input') ? error.line : 0;
      const code = (error as NodeJS.ErrnoException).code;
      process.stderr.write(formatDiagnostic(file, line, 'error', code === 'ENOENT' ? 'no such file' : (error as Error).message) + '\n');
      failed++;
    }
  }
  process.stdout.write(suggestionsAsYaml(suggestVariants(streams, dictionary, minScore), streams.length));
  return failed ? 1 : 0;
}

export function addDictCommands(program: Command): void {
  const dict = program.command('dict').description('check and grow term dictionaries');
  const test = dict
    .command('test')
    .description('run the specs of dictionaries (the built-in one when no file is given)')
    .argument('[file...]', 'dictionary files (YAML or JSON)')
    .option('--no-default-dict', 'test each file on its own, not merged over the built-in dictionary');
  addFlags(test, { encoding: BUILD_FLAGS.encoding })
    .action((files: string[], options: DictOptions) => {
      process.exitCode = runDictTest(files, options);
    });
  const suggest = dict
    .command('suggest')
    .description('propose new variants: words of the transcripts that sound like a dictionary term')
    .argument('<transcript...>', 'raw transcripts')
    .option('-d, --dict <file...>', 'more dictionaries, merged over the built-in one')
    .option('--no-default-dict', 'do not use the built-in dictionary')
    .option('--min-score <n>', 'least similarity (0-1) of a proposal', '0.75');
  addFlags(suggest, { encoding: BUILD_FLAGS.encoding })
    .action((transcripts: string[], options: DictOptions) => {
      process.exitCode = runDictSuggest(transcripts, options);
    });
}
