// The `captions dict` commands as the command line sees them; their work (src/cli/dict-command.ts)
// is loaded only when one of them runs, so that `captions build` does not pay for it.

import type { Command } from 'commander';
import type { DictOptions } from './dict-command.js';

export function addDictCommands(program: Command): void {
  const dict = program.command('dict').description('check and grow term dictionaries');
  dict
    .command('test')
    .description('run the specs of dictionaries (the built-in one when no file is given)')
    .argument('[file...]', 'dictionary files (YAML or JSON)')
    .option('--no-default-dict', 'test each file on its own, not merged over the built-in dictionary')
    .action(async (files: string[], options: DictOptions) => {
      process.exitCode = (await import('./dict-command.js')).runDictTest(files, options);
    });
  dict
    .command('suggest')
    .description('propose new variants: words of the transcripts that sound like a dictionary term')
    .argument('<transcript...>', 'raw transcripts')
    .option('-d, --dict <file...>', 'more dictionaries, merged over the built-in one')
    .option('--no-default-dict', 'do not use the built-in dictionary')
    .option('--min-score <n>', 'least similarity (0-1) of a proposal', '0.75')
    .action(async (transcripts: string[], options: DictOptions) => {
      process.exitCode = (await import('./dict-command.js')).runDictSuggest(transcripts, options);
    });
}
