// V8 optimizes a function once it has run a while (its "interrupt budget" spent), on a helper thread.
// A single small input built in this thread is done in well under a second: measured on the shipped
// example, the optimizing compiler then spends about 0.5 s of CPU on another core (more than the
// build's own time on its thread minus start-up) and the build's thread is no faster for it; on a
// machine whose cores are busy that work delays the build itself. There only code that runs much
// longer is optimized. Longer inputs, batches (on workers, or many in this thread), stdin and builds
// timed from a recording keep V8's default: a 40,000-cue draft built with this budget took about
// 20% longer.

import { setFlagsFromString } from 'node:v8';

/** About 60 times V8's default budget (67,584 bytecodes' worth). */
const SHORT_RUN_INTERRUPT_BUDGET = 4_000_000;

export function optimizeOnlyLongRunningCode(): void {
  setFlagsFromString(`--interrupt-budget=${SHORT_RUN_INTERRUPT_BUDGET}`);
}
