// The `captions` command line: parses arguments with commander and maps outcomes to exit codes
// (0 all good, 1 some input failed, 2 bad usage).

import { Command, CommanderError } from 'commander';
import { runBuild, type BuildCommandOptions } from './build-command.js';
import { RosterError } from '../segment/roster.js';
import { formatDiagnostic } from './diagnostics.js';
import { UsageError } from './outputs.js';

const EXIT_USAGE = 2;

export function createProgram(): Command {
  const program = new Command('captions')
    .description('Turn raw machine transcripts of recorded talks into clean, well-timed SRT and WebVTT captions.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  program
    .command('build')
    .description('build captions from raw transcripts')
    .argument('<input...>', 'transcript files (- for stdin)')
    .option('-o, --output <path>', 'output directory (or file, for one input and one format; - for stdout)')
    .option('-f, --formats <list>', 'comma-separated output formats: vtt, srt, json, txt', 'vtt,srt')
    .option('--wpm <n>', 'speaking rate in words per minute (default about 170)')
    .option('--profile <name>', 'caption style profile', 'netflix')
    .option('-q, --quiet', 'do not print warnings')
    .option('--speakers <roster>', 'roster of the session (YAML or JSON: hosts; speakers with name, aliases, title)')
    .option('--no-speakers', 'no speaker detection: the whole transcript is one segment (a single lecturer)')
    .option('--speaker-labels <mode>', 'SRT speaker labels: none, change (first cue of each speaker), every', 'change')
    .action((inputs: string[], options: BuildCommandOptions) => {
      process.exitCode = runBuild(inputs, options);
    });
  return program;
}

export function main(argv: string[]): void {
  const program = createProgram();
  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else if (error instanceof RosterError) {
      process.stderr.write(formatDiagnostic(error.file, error.line, 'error', error.message) + '\n');
      process.exitCode = EXIT_USAGE;
    } else if (error instanceof UsageError) {
      process.stderr.write(`captions: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      throw error;
    }
  }
}
