// Preloaded with `node --require` by the benchmarks: prints the process's CPU time (all threads) and
// peak resident memory on exit, so that a busy machine's waiting does not count.
process.on('exit', () => {
  const { user, system } = process.cpuUsage();
  require('node:fs').writeSync(2, `\ncpu-s ${((user + system) / 1e6).toFixed(3)} peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
