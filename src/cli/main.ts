import { versionLine } from '../build/index.ts';
import { formatDiagnostics, formatSummary, isContentFailure, isSetupFailure, printable } from '../diagnostics/index.ts';
import { buildCommand } from './commands/build.ts';
import { checkCommand } from './commands/check.ts';
import { importCommand } from './commands/import.ts';
import { println, UsageError, type Io, type Reporting } from './io.ts';

export type { Io } from './io.ts';

const HELP = `bayegan — static site generator for Persian news archives

Usage:
  bayegan build [options]   build content/ into dist/
  bayegan check [options]   check content/ without building (for editors and CI)
  bayegan import [options] <file-or-folder>…
                            import legacy dumps (text or HTML) into content/news/

Options:
  --root <dir>        project folder (default: the nearest folder upwards that
                      holds content/site.yml)
  --out <dir>         output folder (default: <root>/dist)
  --cache <dir>       cache folder (default: <root>/.cache)
  --drafts            include articles with draft: true
  --base-url <url>    the site's URL instead of baseUrl in content/site.yml (preview
                      deploys), e.g. https://example.org/archive/; give check the same
  --format <name>     diagnostics as text (default), github or json
  --strict            check: treat warnings as errors
  --fix               check: apply the mechanical fixes (spellings, Arabic letters, date forms)
  --add-services      import: add unknown services to content/site.yml
  --force             import: replace an article that has the dump's shenaseh
  -h, --help          show this help
  --version           print bayegan's version and its pipeline version

Environment: BAYEGAN_PARSE_BUDGET=<seconds> (default 5) stops reading a file that takes longer.

Exit codes: 0 success, 1 content errors, 2 usage error.`;

type Command = (args: string[], io: Io, report: (r: Reporting) => void) => Promise<number>;

/** Every subcommand; each lives in `commands/<name>.ts`. */
const commands: Record<string, Command> = {
  build: buildCommand,
  check: checkCommand,
  import: importCommand,
};

/** Run the CLI; resolves to the process exit code. Never lets a stack trace reach an editor. */
export async function main(argv: string[], io: Io = { out: process.stdout, err: process.stderr }): Promise<number> {
  let how: Reporting = { format: 'text', color: false };
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === 'help' || name === '--help' || name === '-h' || args.includes('--help') || args.includes('-h')) {
      println(io.out, HELP);
      return name === undefined ? 2 : 0;
    }
    if (name === '--version' || name === 'version') {
      println(io.out, versionLine());
      return 0;
    }
    const command = commands[name];
    if (!command) throw new UsageError(`Unexpected command \`${name}\`, expected ${Object.keys(commands).join(', ')}`);
    return await command(args, io, (r) => (how = r));
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      println(io.err, `bayegan: ${printable((error as Error).message)}\nRun \`bayegan --help\` for usage.`);
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
