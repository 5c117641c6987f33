// The `captions` command line: parses arguments with commander, fills in options from the config
// file, and maps outcomes to exit codes (0 all good, 1 some input failed, 2 bad usage).

import { isDiagnosticError, usageError, writeReason } from '../diagnostic.js';
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { runBuild } from './commands/build-command.js';
import { BUILD_FLAGS, type BuildCommandOptions } from './commands/build-options.js';
import { addFlags } from './commands/flags.js';
import { addDictCommands } from './commands/dict-command.js';
import type { CheckCommandOptions } from './commands/check-command.js';
import { addProfileOptions, PROFILE_FLAGS } from './commands/profile-options.js';
import { findConfig, type LoadedConfig, optionsFor, PATH_OPTIONS } from './io/config.js';
import { escapeControls, formatDiagnostic, ioReason } from './io/diagnostics.js';

const EXIT_USAGE = 2;
const TOOL_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

// Each option's own parser, to try a config value where the config names it (a flag's message alone would
// send the user looking at a command line that has no such flag).
const PARSERS = new Map(Object.entries({ ...BUILD_FLAGS, ...PROFILE_FLAGS }).flatMap(([key, spec]) => ('parse' in spec && spec.parse ? [[key, spec.parse as (text: string) => unknown]] : [])));

/** The config line a key stands on, when the key is written only once in it. */
function lineOfKey(configText: string, key: string): number | undefined {
  const pattern = new RegExp(`"${key}"\\s*:`, 'g');
  const found = [...configText.matchAll(pattern)];
  return found.length === 1 ? configText.slice(0, found[0].index).split('\n').length : undefined;
}

function checkConfigValue(config: LoadedConfig, key: string, text: string): void {
  const parse = PARSERS.get(key);
  if (!parse) return;
  try {
    parse(text);
  } catch (error) {
    if (!isDiagnosticError(error, 'usage')) throw error;
    const line = lineOfKey(config.text, key);
    const message = error.message.startsWith('--') ? error.message.replace(/^--[a-z-]+/, `"${key}"`) : `"${key}": ${error.message}`;
    throw usageError(`${config.path}${line ? `:${line}` : ''}: ${message}`);
  }
}

/**
 * Fills every option the command line left unset from the config file. Keys no command knows are
 * errors (a typo in a config should not pass silently); keys of another command are left to it.
 */
function applyConfig(program: Command, command: Command): void {
  const config = findConfig();
  if (!config) return;
  const commandNames = program.commands.map((c) => c.name());
  const known = new Set(program.commands.flatMap((c) => c.options.map((o) => o.attributeName())));
  for (const [key, value] of Object.entries(optionsFor(config, command.name(), commandNames))) {
    // `"speakers": false` is --no-speakers: the negated flag shares the key with the one taking a value.
    const option = command.options.find((o) => o.attributeName() === key && (value !== false || o.negate)) ?? command.options.find((o) => o.attributeName() === key);
    if (!option) {
      if (known.has(key)) continue;
      throw usageError(`${config.path}: unknown option "${key}" (options are written as on the command line, in camelCase: "maxCps", "failOn")`);
    }
    if (command.getOptionValueSource(key) === 'cli') continue;
    let coerced: unknown = value;
    const isText = (v: unknown) => typeof v === 'string' && v !== '';
    if (option.variadic) {
      // a list of files (--dict): names, not numbers or objects made into names
      if (!(isText(value) || (Array.isArray(value) && value.length > 0 && value.every(isText)))) throw usageError(`${config.path}: option "${key}" takes a file name or a list of file names`);
      coerced = Array.isArray(value) ? value : [value];
    } else if (option.isBoolean() || option.negate) {
      if (typeof value !== 'boolean') throw usageError(`${config.path}: option "${key}" takes true or false`);
    } else if (PATH_OPTIONS.has(key)) {
      // an option whose value may be left out (--audio alone) takes true for that
      if (!(isText(value) || (value === true && option.optional))) throw usageError(`${config.path}: option "${key}" takes one file name${option.optional ? ' or true' : ''}`);
    } else if (Array.isArray(value)) {
      // only a list option (--formats) takes a list; any other would read "a,b" as one value
      if (!option.flags.includes('<list>')) throw usageError(`${config.path}: option "${key}" takes one value, not a list`);
      coerced = value.map(String).join(',');
    }
    else if (typeof value === 'string' || typeof value === 'number') coerced = String(value);
    else throw usageError(`${config.path}: option "${key}" takes a string or a number`);
    if (typeof coerced === 'string') checkConfigValue(config, key, coerced);
    command.setOptionValueWithSource(key, coerced, 'config');
  }
}

export function createProgram(): Command {
  const program = new Command('captions')
    .description('Turn raw machine transcripts of recorded talks into clean, well-timed SRT and WebVTT captions.')
    .version(TOOL_VERSION)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .hook('preAction', (_program, command) => applyConfig(program, command));

  const build = program
    .command('build')
    .description('build captions from raw transcripts, or fix SRT/WebVTT drafts keeping their timing')
    .argument('<input...>', 'transcripts or SRT/WebVTT drafts: files, directories or globs (- for stdin)');
  addFlags(build, BUILD_FLAGS);
  addProfileOptions(build).action(async (inputs: string[], options: BuildCommandOptions) => {
    process.exitCode = await runBuild(inputs, options, { toolVersion: TOOL_VERSION });
  });
  const check = program
    .command('check')
    .description('check SRT and WebVTT caption files against a caption style (for CI)')
    .argument('<file...>', 'caption files (.srt, .vtt), directories or globs (- for stdin)')
    .option('--format <name>', 'output: pretty, json or github (GitHub Actions annotations)', 'pretty')
    .option('--terms', 'also report terms not in the canonical form of the built-in dictionary')
    .option('-d, --dict <file...>', 'also report terms not in the canonical form of these dictionaries (merged over the built-in one)');
  addFlags(check, { encoding: BUILD_FLAGS.encoding });
  addProfileOptions(check).action(async (files: string[], options: CheckCommandOptions) => {
    // loaded when run, so that `captions build` does not pay for the checker
    const { runCheck } = await import('./commands/check-command.js');
    process.exitCode = await runCheck(files, options);
  });
  const sync = program
    .command('sync')
    .description('re-time an SRT/WebVTT draft to its recording (offset, drift, then per cue), keeping its text, ids and settings')
    .argument('<draft>', 'the SRT or WebVTT draft')
    .option('--audio <media>', "the talk's recording (any file ffmpeg reads)")
    .option('-o, --output <file>', 'where the synced draft goes (default: stdout)')
    .option('--per-cue', 'after the offset and drift, move each cue still off to a nearby speech onset');
  addFlags(sync, { encoding: BUILD_FLAGS.encoding })
    .option('-q, --quiet', 'print errors only')
    .action(async (draft: string, options: import('./commands/sync-command.js').SyncCommandOptions) => {
      const { runSync } = await import('./commands/sync-command.js');
      process.exitCode = await runSync(draft, options);
    });
  addDictCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // A reader that stops early (`| head`) ends the run quietly, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const program = createProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (isDiagnosticError(error, 'dictionary', 'roster')) {
      // A dictionary or a roster is an input like the transcripts: its errors name file and line and exit 1.
      process.stderr.write(formatDiagnostic(error.file ?? '', error.line, 'error', error.message) + '\n');
      process.exitCode = 1;
    } else if (isDiagnosticError(error, 'write')) {
      // the corrections log or the build record, written at the end of the run
      process.stderr.write(`captions: cannot write ${error.file}: ${ioReason(writeReason(error))}\n`);
      process.exitCode = 1;
    } else if (isDiagnosticError(error, 'usage')) {
      process.stderr.write(`captions: ${escapeControls(error.message)}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      throw error;
    }
  }
}
