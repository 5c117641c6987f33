// The `captions` command line: parses arguments with commander and maps outcomes to exit codes
// (0 all good, 1 some input failed, 2 bad usage).

import { Command, CommanderError } from 'commander';
import { runBuild, type BuildCommandOptions } from './build-command.js';
import { runCheck, type CheckCommandOptions } from './check-command.js';
import { UsageError } from './outputs.js';
import { addProfileOptions } from './profile-options.js';

const EXIT_USAGE = 2;

export function createProgram(): Command {
  const program = new Command('captions')
    .description('Turn raw machine transcripts of recorded talks into clean, well-timed SRT and WebVTT captions.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });

  const build = program
    .command('build')
    .description('build captions from raw transcripts')
    .argument('<input...>', 'transcript files (- for stdin)')
    .option('-o, --output <path>', 'output directory (or file, for one input and one format; - for stdout)')
    .option('-f, --formats <list>', 'comma-separated output formats: vtt, srt, json, txt', 'vtt,srt')
    .option('--wpm <n>', 'speaking rate in words per minute (default about 170)')
    .option('--markers <file>', 'known times of image markers: CSV (marker,time) or JSON {"marker": "time"}')
    .option('--duration <time>', "the video's length: the speech ends there (seconds or HH:MM:SS.mmm)")
    .option('--offset <time>', 'where the talk starts in the video (seconds or HH:MM:SS.mmm)')
    .option('-q, --quiet', 'do not print warnings');
  addProfileOptions(build).action((inputs: string[], options: BuildCommandOptions) => {
      process.exitCode = runBuild(inputs, options);
    });
  const check = program
    .command('check')
    .description('check SRT and WebVTT caption files against a caption style (for CI)')
    .argument('<file...>', 'caption files (.srt, .vtt; - for stdin)')
    .option('--format <name>', 'output: pretty, json or github (GitHub Actions annotations)', 'pretty');
  addProfileOptions(check).action((files: string[], options: CheckCommandOptions) => {
    process.exitCode = runCheck(files, options);
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
    } else if (error instanceof UsageError) {
      process.stderr.write(`captions: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
    } else {
      throw error;
    }
  }
}
