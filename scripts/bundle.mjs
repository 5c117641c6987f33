// Bundles the compiled CLI (dist/cli/main.js and its worker, dist/cli/batch/worker.js) into a few files in dist/bundle/, which
// bin/captions.js runs. Node resolves and links every ES module file on its own; the CLI's ~80
// modules and the packages they import (resolved file by file through node_modules) cost more to
// load than the commands they serve take on a small input. Packages the source loads lazily with
// require (natural's modules, compromise, yaml, word-list) stay outside and load from node_modules
// when used; dynamic imports stay split, so a command loads only what it uses. The modules in dist/
// are kept for the library entry (dist/index.js) and the tests.
//
// dist/bundle/ sits two levels below the package root like dist/cli/, so paths the source takes
// relative to its own module (../../package.json, ../../dictionaries) hold in the bundle too.

import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // named, so the worker lands beside the chunks that start it (`new URL('./worker.js', import.meta.url)`)
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/cli/batch/worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // subtitle's stream helpers load `readable-stream`, a copy of Node's own streams (two versions,
  // 200 KB to compile at every start): Node's `stream` module serves them as well
  alias: { 'readable-stream': 'stream' },
  target: 'node20',
  // the CommonJS packages inside (commander, subtitle, cli-progress) require Node's own modules
  banner: { js: "import { createRequire as createBundleRequire } from 'node:module'; const require = createBundleRequire(import.meta.url);" },
  logLevel: 'warning',
});
