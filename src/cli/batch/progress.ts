// A progress bar on stderr for batches run on a terminal: files done, the current file, and an ETA.
// cli-progress is loaded only when a bar is shown.

export interface Progress {
  start(name: string): void;
  done(): void;
  /** Prints a line above the bar (a diagnostic), keeping the bar intact. */
  log(text: string): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = {
  start() {},
  done() {},
  log: (text) => process.stderr.write(text + '\n'),
  stop() {},
};

export async function createProgress(total: number): Promise<Progress> {
  // its CommonJS exports, the same whether Node loads it or it comes from the bundle
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    {
      format: 'captions {bar} {value}/{total} files | ETA {eta_formatted} | {file}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      etaBuffer: 20,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { file: '' });
  let done = 0;
  return {
    start: (name) => bar.update(done, { file: name }),
    done: () => bar.update(++done),
    log: (text) => {
      // cli-progress redraws on the next update; clear the line so the message is not mixed into it.
      process.stderr.write('\r\x1b[K' + text + '\n');
    },
    stop: () => bar.stop(),
  };
}
