// The name of the record --changed-only keeps in the output directory (src/cli/batch/changed.ts).

export const STATE_FILE = '.captions-state.json';
