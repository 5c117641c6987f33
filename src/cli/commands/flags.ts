// A command's flags as one table: each flag's spelling, help and default beside the parser of its
// value. Values stay text until parsed (the config file gives text too, and a batch sends them to its
// workers as they are); whoever needs a value asks the flag's own parser.

import { Option, type Command } from 'commander';

export interface FlagSpec {
  /** As commander takes it: `-o, --output <path>`, `--dict <file...>`, `--audio [media]`, `--json`. */
  flags: string;
  help: string;
  default?: string;
  choices?: readonly string[];
  /** The `--no-…` flag that sets the same option to false (`--no-speakers`). */
  negation?: { flags: string; help: string };
  /** Turns the text given into the value; throws a DiagnosticError (code `usage`) naming the flag. */
  parse?: (text: string) => unknown;
}

export type FlagTable = Record<string, FlagSpec>;

const DECIMAL = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?\s*$/i;

/**
 * A number option's value as a person writes it in decimals ("42", "0.8", "1e3"); NaN for anything
 * else, where `Number` would take "" and " " as 0 and "0x10" as 16.
 */
export function decimalNumber(text: string): number {
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
}

/** What commander (or the config file) leaves for a flag, by how it is written. */
type GivenValue<F extends FlagSpec> =
  | (F['flags'] extends `${string}...>` ? string[] : F['flags'] extends `${string}<${string}>` ? string : F['flags'] extends `${string}[${string}]` ? string | true : boolean)
  | (F extends { negation: object } ? false : never);

/** The options object of a command made from a table, keyed as commander keys them. */
export type FlagValues<T extends FlagTable> = { [K in keyof T]?: GivenValue<T[K]> };

/** Adds every flag of the table to the command, in the table's order (the order of --help). */
export function addFlags(command: Command, table: FlagTable): Command {
  for (const spec of Object.values(table)) {
    const option = new Option(spec.flags, spec.help);
    if (spec.choices) option.choices(spec.choices);
    if (spec.default !== undefined) option.default(spec.default);
    command.addOption(option);
    if (spec.negation) command.addOption(new Option(spec.negation.flags, spec.negation.help));
  }
  return command;
}

/** The flag's parsed value, or undefined when it was not given. */
export function parseGiven<T>(text: string | undefined, parse: (text: string) => T): T | undefined {
  return text === undefined ? undefined : parse(text);
}
