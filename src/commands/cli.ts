// Every command's command line: its options declared once, parsed by node:util's parseArgs and described by
// `--help` (usage, what it does, each option, one example) from the same declaration, so the help cannot list
// an option the command does not take.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { CommandError } from "../errors.ts";

/** The repository the commands belong to, wherever they are started from. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** A port number given as `--<option> N`, or the message naming the option. */
export function portOption(option: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new CommandError([`--${option} "${value}": must be a port number`]);
  return port;
}

type Options = NonNullable<ParseArgsConfig["options"]>;

export interface CommandLine<O extends Options> {
  /** `npm run new -- --title … --region … [options]` */
  usage: string;
  /** One or two sentences: what the command does. */
  about: string;
  options: O;
  /** What each option does; an option that takes a value names it first: `["N", "how many bulletins"]`. */
  help: { readonly [K in keyof O]: string | readonly [value: string, text: string] };
  /** Whether the command takes arguments that are not options (a file). */
  positionals?: boolean;
  example: string;
}

/** Declares a command line, keeping its option types for parseCommandLine. */
export function commandLine<O extends Options>(line: CommandLine<O>): CommandLine<O> {
  return line;
}

export function helpText<O extends Options>(line: CommandLine<O>): string {
  const rows: Array<[string, string]> = Object.entries(line.options).map(([name, option]) => {
    const help = line.help[name as keyof O];
    const [value, text] = typeof help === "string" ? ["", help] : help;
    const fallback = typeof option.default === "string" ? ` (default ${option.default})` : "";
    return [`--${name}${value ? ` ${value}` : ""}${option.multiple ? " …" : ""}`, `${text}${fallback}`];
  });
  rows.push(["--help", "show this help"]);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `usage: ${line.usage}`,
    "",
    line.about,
    "",
    "options:",
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    "",
    "example:",
    `  ${line.example}`,
    "",
  ].join("\n");
}

/** The parsed command line; with --help (or -h) prints the help and exits. Unknown options are errors. */
export function parseCommandLine<O extends Options>(line: CommandLine<O>, argv: string[] = process.argv.slice(2)) {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(helpText(line));
    process.exit(0);
  }
  return parseArgs({ args: argv, options: line.options, allowPositionals: line.positionals ?? false, strict: true });
}
