// Roster names join the term dictionary: other spellings are fixed to the word of the name they
// spell, never blown up into the whole name.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { EXAMPLE_PATH, ROOT } from './helpers/example.js';

describe('a roster given with --speakers', () => {
  it('fixes its names and their spellings in the text, word for word', () => {
    const run = runCli(['build', EXAMPLE_PATH, '--speakers', join(ROOT, 'test/fixtures/example-roster.yaml'), '-f', 'json', '-o', '-', '-q']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as { corrections: Array<{ line: number; from: string; to: string; kind: string }>; cues: Array<{ lines: string[] }> };
    const names = doc.corrections.filter((c) => c.kind === 'name').map((c) => `${c.line} ${c.from} → ${c.to}`);
    expect(names).toEqual(expect.arrayContaining(['213 Lorraine → Lorena', '277 Gajandra → Gajendra', '283 Gajinder → Gajendra']));
    expect(names.filter((n) => n.endsWith('Lorena Mesa') || n.endsWith('Gajendra Deshpande'))).toEqual([]);
    const text = doc.cues.map((c) => c.lines.join(' ')).join(' ');
    expect(text).toContain('My name is Gajendra Deshpande');
    expect(text).not.toMatch(/Gajandra|Gajinder/);
  });
});
