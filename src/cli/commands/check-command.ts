// `captions check`: lints existing caption files (SRT, WebVTT) against a style profile, for CI.
// Exit 1 when any file has an error, 0 otherwise; findings go to stdout in the chosen format.

import { isDiagnosticError, usageError } from '../../diagnostic.js';
import { readBytesBounded } from '../../read/bounded.js';
import { checkCaptions, type TermCheck } from '../../check/rules.js';
import type { Diagnostic } from '../../diagnostic.js';
import { CHECK_FORMATS, countBySeverity, githubAnnotations, jsonReport, type CheckFormat, type FileReport } from '../../check/report.js';
import { decodeBytes, type DecodedText } from '../../read/decode.js';
import { encodingFlag } from './build-options.js';
import { captionFormatOf, parseCaptions } from '../../read/captions.js';
import type { StyleProfile } from '../../types.js';
import chalk from 'chalk';
import { formatDiagnostic, ioReason } from '../io/diagnostics.js';
import { COMPANION_TRACK, expandInputs } from '../io/inputs.js';
import { dictionaryTermCheck } from '../../check/terms.js';
import { loadDefaultDictionary, loadDictionaryFile, mergeDictionaries } from '../../correct/index.js';
import { profileFromFlags, type ProfileFlags } from './profile-options.js';

export interface CheckCommandOptions extends ProfileFlags {
  format: string;
  /** Dictionaries whose terms must be in their canonical form (merged over the built-in one). */
  dict?: string[];
  /** Check terms against the built-in dictionary. */
  terms?: boolean;
  /** Encoding of files that are neither UTF-8 nor marked by a byte order mark. */
  encoding?: string;
}

/** The term check the options ask for, if any. */
function termCheckFor(options: CheckCommandOptions): TermCheck | undefined {
  if (!options.terms && !options.dict?.length) return undefined;
  return dictionaryTermCheck(mergeDictionaries([loadDefaultDictionary(), ...(options.dict ?? []).map((file) => loadDictionaryFile(file, file, options.encoding === undefined ? undefined : encodingFlag(options.encoding)))]));
}

/** `file:line: error: message [code]`, coloured when stdout is a terminal (the findings are the command's output). */
function prettyFinding(file: string, f: FileReport['findings'][number]): string {
  return formatDiagnostic(file, f.line, f.severity, f.message, f.code, chalk);
}

function checkFile(file: string, profile: StyleProfile, terms: TermCheck | undefined, encoding: string | undefined): FileReport {
  let decoded: DecodedText;
  try {
    decoded = decodeBytes(readBytesBounded(file, 'transcript'), encoding);
  } catch (error) {
    if (isDiagnosticError(error, 'input', 'read-limit')) return { file, format: null, cues: 0, findings: [{ line: isDiagnosticError(error, 'input') ? error.line : 0, severity: 'error', code: 'unreadable', message: error.message }] };
    return { file, format: null, cues: 0, findings: [{ line: 0, severity: 'error', code: 'unreadable', message: `cannot read: ${ioReason(error as NodeJS.ErrnoException)}` }] };
  }
  // A detected encoding is a guess, however sure: it is said, and --encoding confirms it.
  const guessed: Diagnostic[] = decoded.detected ? [{ line: 1, severity: 'warning', code: 'encoding-detected', message: `not UTF-8: read as ${decoded.encoding}, as detected (give --encoding ${decoded.encoding} to confirm)` }] : [];
  try {
    const parsed = parseCaptions(decoded.text, captionFormatOf(decoded.text, file) ?? undefined);
    const track = COMPANION_TRACK.exec(file)?.[1]?.toLowerCase();
    const findings = [...guessed, ...checkCaptions(parsed, { profile, ...(terms && { terms }), ...(track && { track: true }) })];
    return { file, format: parsed.format, encoding: decoded.encoding, ...(track && { track }), cues: parsed.cues.length, findings };
  } catch (error) {
    if (!(isDiagnosticError(error, 'input'))) throw error;
    return { file, format: null, cues: 0, findings: [{ line: error.line, severity: 'error', code: 'not-captions', message: error.message }] };
  }
}


/** Runs the command; resolves to the exit code. `terms` is the dictionary check, when one is given. */
export async function runCheck(args: string[], options: CheckCommandOptions, terms: TermCheck | undefined = termCheckFor(options)): Promise<number> {
  const format = options.format.toLowerCase() as CheckFormat;
  if (!(CHECK_FORMATS as readonly string[]).includes(format)) throw usageError(`unknown --format "${options.format}" (choose from ${CHECK_FORMATS.join(', ')})`);
  const profile = profileFromFlags(options);
  const encoding = options.encoding === undefined ? undefined : encodingFlag(options.encoding);
  // A walk passes companion tracks (chapters, slide markers) by: they are not captions.
  const expanded = await expandInputs(args, undefined, ['srt', 'vtt']);
  const reports = [
    ...expanded.missing.map((m): FileReport => ({ file: m.path, format: null, cues: 0, findings: [{ line: 0, severity: 'error', code: 'unreadable', message: m.reason }] })),
    ...expanded.files.map((input) => checkFile(input.path, profile, terms, encoding)),
  ];
  const { errors, warnings } = countBySeverity(reports);
  if (format === 'json') process.stdout.write(jsonReport(reports, profile.name));
  else if (format === 'github') process.stdout.write(githubAnnotations(reports));
  else {
    for (const report of reports) {
      const name = report.file === '-' ? '<stdin>' : report.file;
      for (const f of report.findings) process.stdout.write(prettyFinding(name, f) + '\n');
    }
    process.stdout.write(`${reports.length} file${reports.length === 1 ? '' : 's'} checked (${profile.name}): ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`);
  }
  return errors > 0 ? 1 : 0;
}
