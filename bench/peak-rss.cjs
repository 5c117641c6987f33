// Preloaded with `node --require` by the benchmarks: prints the process's peak resident memory on exit.
process.on('exit', () => require('node:fs').writeSync(2, `\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`));
