import { describe, expect, it } from 'vitest';
import { cleanText } from '../src/clean-text.js';
import { normalize } from '../src/normalize/index.js';
import { parseTranscript } from '../src/read/transcript.js';
import { normalizeLines, textOf } from './helpers/pipeline.js';

const clean = (...lines: string[]) => textOf(normalizeLines(...lines));
const evidenceOf = (...lines: string[]) =>
  normalizeLines(...lines)
    .corrections.filter((c) => c.evidence)
    .map((c) => `${c.rule}:${c.evidence}`);

describe('split tokens', () => {
  it('joins thousands split at a line end with a comma, decimals with a point', () => {
    expect(clean('you can even charge like $6。', '000 a day。')).toBe('you can even charge like $6,000 a day.');
    expect(clean('We have reached over 38。', '000 learners。')).toBe('We have reached over 38,000 learners.');
    expect(clean('The overhead is 0。', '01 seconds。')).toBe('The overhead is 0.01 seconds.');
    expect(clean('This was Python 3。', '10 then。')).toBe('This was Python 3.10 then.');
  });

  it('writes a time of day with a colon, and only where it is one', () => {
    expect(clean('The session starts at 8。30am on Sunday。')).toBe('The session starts at 8:30am on Sunday.');
    expect(clean('Come back here at 3。10 p。m。 for talks。')).toBe('Come back here at 3:10 p.m. for talks.');
    expect(clean('That will be around 4。', '30 on the stage。')).toBe('That will be around 4:30 on the stage.');
    expect(clean('It ran 4。30 times faster。')).toBe('It ran 4.30 times faster.');
    expect(clean('You have to show up at like 8。15。 It ran like 4。30 times faster。')).toBe('You have to show up at like 8:15. It ran like 4.30 times faster.');
  });

  it('joins a domain or URL across the line break and writes it in lower case', () => {
    expect(clean('You can still go to pikon。', 'us/os to find out more。')).toBe('You can still go to pikon.us/os to find out more.');
    expect(clean('go to docs。python。', 'org/3 for that。')).toBe('go to docs.python.org/3 for that.');
    expect(clean('Get installers from Python。org for Macs。')).toBe('Get installers from python.org for Macs.');
    expect(clean('So you can go to PILATES。', 'COM and find it。')).toBe('So you can go to pilates.com and find it.');
    // "us" alone is a word, not a domain
    expect(clean('They told it to。', 'us yesterday。')).toBe('They told it to us yesterday.');
  });

  it('keeps initials and file names as written', () => {
    expect(clean('He lives in the U。S。 now。')).toBe('He lives in the U.S. now.');
    expect(clean('The function is eval_frame。', 'exe in the end。')).toBe('The function is eval_frame.exe in the end.');
    expect(clean('Look in the requirements。txt file。')).toBe('Look in the requirements.txt file.');
  });

  it('joins a library alias at the line end to the name used from it', () => {
    expect(clean('if we look at this code， np。', 'array is a library call。')).toBe('if we look at this code, np.array is a library call.');
  });

  it('joins a file extension that opens the next line, and reads a spoken "set up.py" as setup.py', () => {
    expect(clean('keep them in something like a settings。', 'py file that you never check in。')).toBe('keep them in something like a settings.py file that you never check in.');
    expect(clean('a stanza in your set up。', 'cfg that we read。 Or in set up。py or in Set up。toml。')).toBe('a stanza in your setup.cfg that we read. Or in setup.py or in setup.toml.');
    // an extension that is also an English word stays a word
    expect(clean('And that is what we set up。', 'so we can start。')).toBe('And that is what we set up so we can start.');
  });

  it('writes letters said one by one as their acronym, but keeps times, i.e. and initials', () => {
    expect(clean('stepping down as， B。D。F。L。', 'And then the council。')).toBe('stepping down as, BDFL. And then the council.');
    expect(clean('We are hiring a p。m。 for the project。 Everybody has an i。G。 handle。')).toBe('We are hiring a PM for the project. Everybody has an IG handle.');
    expect(clean('Lunch is until 1 p。m。 and talks from 3-10 p。m。 or one p。m。')).toBe('Lunch is until 1 p.m. and talks from 3-10 p.m. or one p.m.');
    expect(clean('Learn more， i。e。 spend less。 Children learn of C。Y。 O\'Connor。')).toBe("Learn more, i.e. spend less. Children learn of C.Y. O'Connor.");
  });
});

describe('line-final stops', () => {
  it('drops the stop after a lead-in left at the line end, and says why', () => {
    expect(clean('And I said it twice。 Because of that。', 'I am able to drag the window。')).toBe(
      'And I said it twice. Because of that I am able to drag the window.',
    );
    expect(clean('Then thread zero comes along and says。', 'L got clear。')).toBe('Then thread zero comes along and says L got clear.');
    expect(evidenceOf('the。', 'end。')).toContain('line-end-stop:lower-case-next');
  });

  it('drops the stop after a subject pronoun or a contracted verb, unless the next line starts over with I', () => {
    expect(clean('We pick people we trust because we。', 'Pick our people based on years of work。')).toBe('We pick people we trust because we pick our people based on years of work.');
    expect(clean('So it is a question of whether it\'s。', 'The one we want or not。')).toBe("So it is a question of whether it's the one we want or not.");
    expect(evidenceOf('and now i。', 'Do it for vehicles。')).toContain('line-end-stop:subject-last');
    expect(clean('And while I\'m。', 'I work really hard on it。')).toBe("And while I'm. I work really hard on it.");
  });

  it('puts a quotation mark that opens the next line back on its sentence', () => {
    expect(clean('a book called "The Garbage Collection Handbook。', '"， the second edition， just updated。')).toBe('a book called "The Garbage Collection Handbook", the second edition, just updated.');
    expect(clean('with just my shaggy dog。', '"， And his parents say， "Okay， fine。"')).toBe('with just my shaggy dog." And his parents say, "Okay, fine."');
    expect(clean('I know you are not supposed to do this。', '" but kind of leans over the rope。')).toBe('I know you are not supposed to do this" but kind of leans over the rope.');
  });

  it('reads a quotation opening the next line by its first word', () => {
    expect(clean('I felt terrible because I was like。', '"Nobody invents anything new。"')).toBe('I felt terrible because I was like "Nobody invents anything new."');
    expect(clean('And the question。', '"What would happen then？"')).toBe('And the question. "What would happen then?"');
  });

  it('keeps the stop before a capitalised clause opener, even after a particle', () => {
    expect(clean('I refresh my browser and there it is。', 'Now I can run as many as I like。')).toBe(
      'I refresh my browser and there it is. Now I can run as many as I like.',
    );
    expect(clean('It handles every workload as it comes in。', 'So that is the plan。')).toBe(
      'It handles every workload as it comes in. So that is the plan.',
    );
  });

  it('never joins across a change of speaker, nor lowers the first word of the new turn', () => {
    expect(clean('We talked about the。', '>> The next question please。')).toBe('We talked about the. >> The next question please.');
  });

  it('keeps a capitalised line start where it says nothing: the transcript capitalises after every comma', () => {
    const commaCapitals = Array.from({ length: 12 }, (_, k) => `we went there， Because it was day ${k}。`);
    const text = clean(...commaCapitals, 'that is what we want as the steering council。', 'Going forward we will see。');
    expect(text).toContain('steering council. Going forward');
  });
});

describe('line-final stops: phrases and wrapped lines', () => {
  it('drops the stop between two words the talk says together, unless it ends sentences on the first', () => {
    const said = ['The steering council met on Monday。', 'We asked the steering council again。'];
    expect(evidenceOf(...said, 'a new relationship between the steering。', 'Council and the core developers。')).toContain('line-end-stop:said-together');
    // "that if" is said twice, but "that." ends sentences inside lines more often
    const endsOnThat = ['I know that if it breaks we fix it。', 'Make sure that if you can。', 'We did that. We fixed that. And that. Then this。'];
    expect(clean(...endsOnThat, 'so I would not fix that。', 'If you find a bug， tell us。')).toContain('fix that. If you find a bug');
  });

  it('drops the stop after a quantifier waiting for its noun, not before a clause opener', () => {
    expect(evidenceOf('and then we took some。', 'Feedback from the room。')).toContain('line-end-stop:quantifier-last');
    expect(clean('and we had several。', 'So at work we have a team。')).toBe('and we had several. So at work we have a team.');
  });

  it('drops the stop after a relative pronoun whatever opens the next line', () => {
    expect(clean('all the rows are green except for one， which。', "I'll mention in a second。")).toBe("all the rows are green except for one, which I'll mention in a second.");
  });

  // A panel transcribed in the capital-after-every-pause style and wrapped at about 50 characters.
  const wrapped = Array.from({ length: 60 }, (_, k) => `So we talked about the item ${String(k).padStart(2, '0')} and， The next one is here。`);
  const line = 'With the understanding that the delegate decides。';

  it('drops the stop of a line of the usual width in a transcript wrapped at a width whose capitals say nothing', () => {
    expect(clean(...wrapped, line, 'Gets to report to the steering council。')).toMatch(/decides [Gg]ets to report/);
    // a clause opener, a subject or a name with "you're" on the next line keeps the stop
    expect(clean(...wrapped, line, "Carol you're also on a steering council。")).toContain("decides. Carol you're");
    expect(clean(...wrapped, line, 'So that is what we want to say here。')).toContain('decides. So that');
  });

  it('keeps that stop where lines are not wrapped at one width, or the line is no usual one', () => {
    const ragged = Array.from({ length: 60 }, (_, k) => `So we talked about the ${'item '.repeat(k % 9)}and， The next one is here。`);
    expect(clean(...ragged, line, 'Gets to report to the steering council。')).toContain('decides. Gets to report');
    // a line with a stop inside it is no wrapped line
    expect(clean(...wrapped, 'We said so. And the delegate decides。', 'Gets to report to the steering council。')).toContain('decides. Gets to report');
  });
});

describe('commas', () => {
  it('drops a comma that leaves a conjunction, an article or a subject hanging', () => {
    expect(clean('and then， he does not have to use the lock。')).toBe('and then he does not have to use the lock.');
    expect(clean('It is all of the， standard library that matters。')).toBe('It is all of the standard library that matters.');
    expect(clean('a side project I am， working on。')).toBe('a side project I am working on.');
    expect(clean('I am going to explain， it。')).toBe('I am going to explain it.');
    expect(clean('which is really， great for teaching。')).toBe('which is really great for teaching.');
    expect(evidenceOf('It is all of the， standard library。')).toEqual(['pause-comma:binds-forward']);
  });

  it('keeps a comma before an aside, a new clause or a repetition', () => {
    expect(clean('And， you know， so， there is that。')).toBe('And, you know, so, there is that.');
    expect(clean('find out where the problems are， which is not easy。')).toBe('find out where the problems are, which is not easy.');
    expect(clean('everything in a very， very interactive fashion。')).toBe('everything in a very, very interactive fashion.');
    expect(clean('material similar to， I should have said， mine。')).toBe('material similar to, I should have said, mine.');
    expect(clean('No， tell it to me。')).toBe('No, tell it to me.');
  });

  it('drops the pause comma a capital follows where the transcript capitalises after every comma', () => {
    const commaCapitals = Array.from({ length: 24 }, (_, k) => `it was， Called a thing we called day ${k}。`);
    const text = clean(...commaCapitals, 'all the messy， Details are handled and the details matter。');
    expect(text).toContain('all the messy details are handled');
    // where capitals carry information, the same comma stays
    expect(clean('all the messy， Details are handled and the details matter。')).toContain('messy, details');
  });

  it('keeps the capital of a name after a comma', () => {
    expect(clean('Thank you， Rich。 Rich is here and Rich spoke。')).toBe('Thank you, Rich. Rich is here and Rich spoke.');
  });
});

describe('split tokens that need the talk or the vocabulary', () => {
  const raw = (...lines: string[]) => `# A talk\n\n${lines.join('\n\n')}\n`;
  const cleanRaw = (...lines: string[]) => textOf(normalize(parseTranscript(raw(...lines))));
  const spaced = Array.from({ length: 10 }, (_, k) => ` Line ${k + 1} of the talk goes on here。`);

  it('joins a line that opens with no space to the word before, where speech lines open with one', () => {
    expect(cleanRaw(...spaced, ' whether I should use， you know， accumulator。', 'concat or not。')).toContain('use, you know, accumulator.concat or not.');
    // where lines commonly open without a space, a missing one says nothing
    const unspaced = Array.from({ length: 10 }, (_, k) => `Line ${k + 1} of the talk goes on here。`);
    expect(cleanRaw(...unspaced, 'whether I should use the accumulator。', 'Concat it later。')).toContain('accumulator. Concat it later.');
  });

  it('joins a word cut by a stop when the pieces spell a known term, and only then', () => {
    const termFor = (key: string) => new Map([['asyncio', 'asyncio'], ['nodejs', 'Node.js']]).get(key);
    const withTerms = (line: string) => textOf(normalize(parseTranscript(raw(` ${line}`)), { termFor }));
    expect(withTerms('It then also uses async。io to run them all。')).toBe('It then also uses asyncio to run them all.');
    expect(withTerms('Why not rewrite it in Node。js？')).toBe('Why not rewrite it in Node.js?');
    expect(withTerms('Read the docs at python。org today。')).toBe('Read the docs at python.org today.');
    // the same with the built-in dictionary
    expect(textOf(cleanText(parseTranscript(raw(' It then also uses async。io to run them all。'))))).toBe('It then also uses asyncio to run them all.');
  });

  it('writes a port number without a thousands separator, other numbers with one', () => {
    expect(clean('So we are running on 5，000 to 5，000。 So I am doing a bit of port mapping。')).toBe('So we are running on 5000 to 5000. So I am doing a bit of port mapping.');
    expect(clean('We had almost 1，000 attendees at the sprints。')).toBe('We had almost 1,000 attendees at the sprints.');
  });

  it('reads a number as a clock time near a time of day, not after a name or with a unit', () => {
    expect(clean('Come to the talks tomorrow morning。', 'They are 8。30， not 8。31。')).toBe('Come to the talks tomorrow morning. They are 8:30, not 8:31.');
    expect(clean('We have 21，352 members as of 12。30 last night。')).toBe('We have 21,352 members as of 12:30 last night.');
    expect(clean('Tomorrow morning we ship Python 3。10 to everyone。')).toBe('Tomorrow morning we ship Python 3.10 to everyone.');
    expect(clean('It ran 4。30 times faster this morning。')).toBe('It ran 4.30 times faster this morning.');
  });

  it('puts the dot of a name said after a function word on the name, and reads consonant runs as an acronym', () => {
    expect(clean('Should I use concat or。push here？')).toBe('Should I use concat or .push here?');
    expect(clean('We went to the。com site first。')).toBe('We went to the.com site first.');
    expect(clean('It came out of my time at cnr。i in Reston。')).toBe('It came out of my time at CNRI in Reston.');
    expect(clean('Call np。random and then np。array on it。')).toBe('Call np.random and then np.array on it.');
    expect(clean('Open the setup。py file and the main。c file。')).toBe('Open the setup.py file and the main.c file.');
    // a domain or file name at the line end loses the stop a lower-case line goes on from; "p.m." keeps its own
    expect(clean('how to organize it at brazil。COM。', 'because what happens there matters。')).toBe('how to organize it at brazil.com because what happens there matters.');
    expect(clean('The talks end at 5 p。m。', 'the doors close later。')).toBe('The talks end at 5 p.m. the doors close later.');
  });
});
