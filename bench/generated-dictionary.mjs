// A made-up dictionary of `count` entries, deterministic: terms from syllables, a third with a
// two-word variant, a fifth with context words, all open to fuzzy matching, so that every index of
// the matcher is filled. Used by the dictionary benchmark and by scripts/compare-outputs.mjs.

const SYLLABLES = ['ka', 'lo', 'mi', 'zu', 'ter', 'van', 'pol', 'rix', 'sen', 'dor', 'bre', 'quo', 'tal', 'ny', 'fex', 'gru', 'hep', 'jin', 'wol', 'syd'];

function word(n, parts) {
  let w = '';
  for (let i = 0; i < parts; i++) {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return w;
}

export function generatedDictionary(count) {
  const entries = [];
  for (let i = 0; i < count; i++) {
    const stem = word(i + 8000, 4);
    const term = stem[0].toUpperCase() + stem.slice(1) + 'ix';
    const variants = [stem + 'ex', `${stem.slice(0, 4)} ${stem.slice(4)}ix`];
    const entry = { term, variants };
    if (i % 3 === 0) variants.push(`${stem} ix module`);
    if (i % 5 === 0) entry.context = ['python', 'package', 'library'];
    entries.push(entry);
  }
  return { entries };
}
