import { describe, expect, it } from 'vitest';
import { normalizeLines, textOf, words } from './helpers/pipeline.js';

describe('full-width punctuation', () => {
  it('becomes English punctuation with English spacing', () => {
    expect(textOf(normalizeLines('Good morning， everybody。 Is it？ Yes！ Note： this； ok。'))).toBe(
      'Good morning, everybody. Is it? Yes! Note: this; ok.',
    );
  });

  it('is recorded change by change with line and column', () => {
    const stream = normalizeLines('Good morning， everybody。');
    expect(stream.corrections).toEqual([
      { line: 1, column: 14, from: '，', to: ',', kind: 'punctuation', rule: 'fullwidth-comma', confidence: 1 },
      { line: 1, column: 25, from: '。', to: '.', kind: 'punctuation', rule: 'fullwidth-stop', confidence: 1 },
    ]);
  });

  it('joins numbers, abbreviations and domains inside a line', () => {
    expect(textOf(normalizeLines('We had 1，000 people at 5 p。m。 in the U。S。 PyCon with Python 3。5 from piup。io today。'))).toBe(
      'We had 1,000 people at 5 p.m. in the U.S. PyCon with Python 3.5 from piup.io today.',
    );
  });
});

describe('line ends', () => {
  it('joins a version number and a domain split across the line break', () => {
    expect(textOf(normalizeLines('And the new future for the PyCon 3。', '10 and more。'))).toBe('And the new future for the PyCon 3.10 and more.');
    expect(textOf(normalizeLines('but can be applied to use piup。', 'io safety apis。'))).toBe('but can be applied to use piup.io safety apis.');
    const join = normalizeLines('This is a Python 3。', '10 application。').corrections.find((c) => c.rule === 'split-number');
    expect(join).toMatchObject({ line: 1, to: '3.10' });
  });

  it('drops a line-final stop when the sentence plainly goes on', () => {
    // the next line starts in lower case
    expect(textOf(normalizeLines('Hi。', 'everyone。'))).toBe('Hi everyone.');
    // the line ends on a word a sentence cannot end with; the capital goes where the word is common
    expect(textOf(normalizeLines('It is not just about doing the。', 'Technical work and the science。', 'It is technical。'))).toBe(
      'It is not just about doing the technical work and the science. It is technical.',
    );
    // ... and stays on a name
    expect(textOf(normalizeLines('In this neighborhood called。', 'Oakland。'))).toBe('In this neighborhood called Oakland.');
    // across an image marker too
    expect(textOf(normalizeLines('Talk to us about sharing your skills。', '![](img/x_1.png)', 'with the world。'))).toBe(
      'Talk to us about sharing your skills <img/x_1.png> with the world.',
    );
    // an abbreviation keeps its periods
    expect(textOf(normalizeLines('An open space at 5 p。m。', 'for anyone。'))).toBe('An open space at 5 p.m. for anyone.');
  });

  it('keeps a stop that ends the sentence', () => {
    expect(textOf(normalizeLines('Thank you very much。', 'Next up we have Jay。'))).toBe('Thank you very much. Next up we have Jay.');
  });
});

describe('commas and capitals the transcription inserted', () => {
  it('drops a comma after an article or preposition and lowers the capital after it', () => {
    expect(textOf(normalizeLines('Our neighbors to the， West。 On the west side。'))).toBe('Our neighbors to the west. On the west side.');
  });

  it('lowers a capital after a comma when the word is written in lower case elsewhere', () => {
    expect(textOf(normalizeLines('Teaching python for community， Outreach。', 'Community outreach matters。'))).toBe(
      'Teaching python for community, outreach. Community outreach matters.',
    );
  });

  it('keeps names, acronyms and "I" after a comma', () => {
    expect(textOf(normalizeLines('Thank you， Lorena。 Hi， I am here， PyCon JP rocks。'))).toBe('Thank you, Lorena. Hi, I am here, PyCon JP rocks.');
  });
});

describe('stray and doubled punctuation', () => {
  it('removes punctuation left after a sound event and a comma after a closing stop', () => {
    expect(textOf(normalizeLines('Thank you。 [applause]， Thanks。'))).toBe('Thank you. [applause] Thanks.');
    expect(textOf(normalizeLines('It is sealed。"， Intern is next。'))).toBe('It is sealed." Intern is next.');
  });

  it('keeps every word on its source line', () => {
    const ws = words(normalizeLines('one two。', 'Three four。'));
    expect(ws.map((w) => [w.text, w.line, w.column])).toEqual([
      ['one', 1, 2],
      ['two.', 1, 6],
      ['Three', 3, 2],
      ['four.', 3, 8],
    ]);
  });
});
