// Roster names join the term dictionary: other spellings are fixed to the word of the name they
// spell, never blown up into the whole name.

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { runCli, tempDir } from './helpers/cli.js';
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

  it('names the roster line of a person whose entry clashes with a dictionary', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'roster.yaml'), 'speakers:\n  - name: Jeff\n  - name: Gajendra Deshpande\n    aliases: [Gajandra]\n');
    writeFileSync(join(dir, 'terms.yaml'), '- term: Gajandra\n  variants: [Gajendra]\n');
    const run = runCli(['build', EXAMPLE_PATH, '--speakers', join(dir, 'roster.yaml'), '-d', join(dir, 'terms.yaml'), '-o', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(`${join(dir, 'terms.yaml')}:2: error: cycle: "Gajendra" → "Gajandra" here, and "Gajandra" → "Gajendra" at ${join(dir, 'roster.yaml')}:3`);
  });
});
