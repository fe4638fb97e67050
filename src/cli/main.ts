import { versionLine } from '../build/index.ts';
import { formatDiagnostics, formatSummary, isContentFailure, isSetupFailure, printable } from '../diagnostics/index.ts';
import { buildCommand } from './commands/build.ts';
import { checkCommand } from './commands/check.ts';
import { devCommand } from './commands/dev.ts';
import { importCommand } from './commands/import.ts';
import { initCommand } from './commands/init.ts';
import { newCommand } from './commands/new.ts';
import { commandHelp, COMMANDS, mainHelp, nearest } from './help.ts';
import { println, UsageError, type Io, type Reporting } from './io.ts';
import { followLauncher } from './restart.ts';

export type { Io } from './io.ts';

type Command = (args: string[], io: Io, report: (r: Reporting) => void) => Promise<number>;

/** Every subcommand; each lives in `commands/<name>.ts` and has its help in `help.ts`. */
const commands: Record<string, Command> = {
  build: buildCommand,
  check: checkCommand,
  dev: devCommand,
  new: newCommand,
  init: initCommand,
  import: importCommand,
};

function unknownCommand(name: string): UsageError {
  if (name.startsWith('-')) return new UsageError(`Unexpected option \`${name}\` before a command, expected a command first: \`bayegan <command> ${name}\``);
  const guess = nearest(name, Object.keys(commands));
  const known = Object.keys(commands).map((c) => `\`${c}\``).join(', ');
  return new UsageError(`Unexpected command \`${name}\`, expected one of ${known}${guess ? `: did you mean \`${guess}\`?` : ''}`);
}

// Node's own wording names the option but not the command, nor what was meant.
function unknownOption(error: Error, command: string): UsageError {
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  if (!option || !/UNKNOWN_OPTION/.test((error as { code?: string }).code ?? '')) return new UsageError(error.message);
  const flags = COMMANDS[command]!.options.map((o) => o.flag.split(' ')[0]!);
  const guess = nearest(option.replace(/=.*$/, ''), flags);
  return new UsageError(`Unexpected option \`${option}\` for \`${command}\`${guess ? `: did you mean \`${guess}\`?` : `, expected one of ${flags.map((f) => `\`${f}\``).join(', ')}`}`);
}

/** The process's own terminal (`bin/bayegan.mjs` runs `main` with it); a command started again by `cli/launch.ts` follows its launcher. */
export function processIo(): Io {
  followLauncher();
  return { out: process.stdout, err: process.stderr };
}

/** Run the CLI; resolves to the process exit code. Never lets a stack trace reach an editor. */
export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let how: Reporting = { format: 'text', color: false };
  const [name, ...args] = argv;
  try {
    if (name === '--version' || name === 'version') {
      println(io.out, versionLine());
      return 0;
    }
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const topic = name === 'help' ? args[0] : undefined;
      if (topic !== undefined && !Object.hasOwn(commands, topic)) throw unknownCommand(topic);
      println(io.out, topic ? commandHelp(topic) : mainHelp());
      return name === undefined ? 2 : 0;
    }
    if (!Object.hasOwn(commands, name)) throw unknownCommand(name);
    // Before `--` only: after it, `--help` may be a value (an article titled so).
    const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
    if (options.includes('--help') || options.includes('-h')) {
      println(io.out, commandHelp(name));
      return 0;
    }
    try {
      return await commands[name]!(args, io, (r) => (how = r));
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw unknownOption(error as Error, name);
      throw error;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      const help = name !== undefined && Object.hasOwn(commands, name) ? `bayegan ${name} --help` : 'bayegan --help';
      println(io.err, `bayegan: ${printable(error.message)}\nRun \`${help}\` for usage.`);
      return 2;
    }
    if (isSetupFailure(error)) {
      println(io.err, `bayegan: ${printable(error.message)}\n  fix: ${printable(error.fix)}`);
      return 2;
    }
    if (isContentFailure(error)) {
      println(how.format === 'text' ? io.err : io.out, formatDiagnostics(error.diagnostics, how.format, how.color));
      println(io.err, `Nothing was written: ${formatSummary(error.diagnostics)}.`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    println(io.err, `bayegan: internal error: ${printable(message)}\nThis is a bug in bayegan, not in your content; set BAYEGAN_DEBUG=1 for details and report it.`);
    if (process.env.BAYEGAN_DEBUG && error instanceof Error) println(io.err, error.stack ?? '');
    return 70;
  }
}
