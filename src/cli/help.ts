import { editDistance } from '../persian/index.ts';

/** One option of a command, as its help shows it. */
interface OptionHelp {
  flag: string;
  text: string;
}

/** What `bayegan <command> --help` shows. */
export interface CommandHelp {
  usage: string;
  /** One line for the list of commands. */
  summary: string;
  /** What the command does, in a sentence or two. */
  description: string;
  options: OptionHelp[];
  examples: string[];
}

const root: OptionHelp = { flag: '--root <dir>', text: 'project folder, holding content/ (default: the nearest folder upwards that holds content/site.yml)' };
const baseUrl: OptionHelp = { flag: '--base-url <url>', text: 'the site’s URL instead of baseUrl in content/site.yml (preview deploys); give check the same' };
const format: OptionHelp = { flag: '--format <name>', text: 'problems as text (default), github (Actions annotations) or json (one object per line)' };
const cache: OptionHelp = { flag: '--cache <dir>', text: 'cache folder (default: <root>/.cache)' };

/** Every command's help, in the order `bayegan --help` lists them. */
export const COMMANDS: Record<string, CommandHelp> = {
  build: {
    usage: 'bayegan build [options]',
    summary: 'check content/, then write the site into dist/',
    description: 'Checks the whole archive, then writes the site. With any content error it prints every error and writes nothing: the previous output stays as it was.',
    options: [
      root,
      { flag: '--out <dir>', text: 'output folder: missing, empty or one bayegan built (default: <root>/dist)' },
      cache,
      { flag: '--drafts', text: 'include articles with draft: true (never for a site you deploy)' },
      baseUrl,
      format,
      { flag: '--verbose', text: 'also list every file written and removed' },
    ],
    examples: ['bayegan build', 'bayegan build --out public --format github'],
  },
  check: {
    usage: 'bayegan check [options]',
    summary: 'check content/ without building (for editors and CI)',
    description: 'Runs the same rules as build and stops before rendering: every problem of the archive in one run.',
    options: [
      root,
      cache,
      { flag: '--drafts', text: 'check drafts as part of the site' },
      baseUrl,
      format,
      { flag: '--strict', text: 'treat warnings as errors' },
      { flag: '--fix', text: 'apply the mechanical fixes (spellings, Arabic letters, date forms), then check again' },
    ],
    examples: ['bayegan check', 'bayegan check --fix', 'bayegan check --format github --strict'],
  },
  dev: {
    usage: 'bayegan dev [options]',
    summary: 'serve the archive with drafts, rebuilding and reloading on every save',
    description:
      'Builds the archive in memory (drafts included, with a «پیش‌نویس» banner), serves it, and watches content/ and templates/: a save rebuilds what it touches and reloads the open pages; a content or template error is shown on the page until it is fixed. Never writes dist/.',
    options: [
      root,
      { flag: '--port <n>', text: 'port to listen on (default: 4321; 0 picks a free one)' },
      { flag: '--host <addr>', text: 'address to listen on (default: 127.0.0.1; anything else serves drafts to the network)' },
      cache,
    ],
    examples: ['bayegan dev', 'bayegan dev --port 8080'],
  },
  new: {
    usage: 'bayegan new --service <name-or-slug> --title <text> [options]',
    summary: 'start an article: content/news/<year>/<month>/<shenaseh>.md',
    description:
      "Creates an article with the next free shenaseh (the archive's largest plus one), today's date and time in the site's time zone, and an empty body, then prints its path. Never overwrites a file.",
    options: [
      root,
      { flag: '--service <name>', text: 'the service, by its name or slug in content/site.yml' },
      { flag: '--title <text>', text: 'the headline' },
      { flag: '--tags <list>', text: 'tags separated by commas: "انرژی, تهران"' },
    ],
    examples: ['bayegan new --service economy --title "بازار ارز در هفتهٔ دوم" --tags "ارز, بازار"'],
  },
  init: {
    usage: 'bayegan init [folder] [options]',
    summary: 'start an archive: content/site.yml and one example article',
    description: 'Creates content/site.yml and one example article in an empty folder (the current one by default). Refuses a folder that is not empty.',
    options: [
      { flag: '--title <text>', text: 'the site title (default: بایگان)' },
      { flag: '--base-url <url>', text: 'the absolute URL the site will live at (default: https://example.org/)' },
    ],
    examples: ['bayegan init', 'bayegan init my-archive --title "بایگان خبرگزاری" --base-url https://news.example.org/'],
  },
  import: {
    usage: 'bayegan import [options] <file-or-folder>…',
    summary: 'import legacy dumps (text or HTML) into content/news/',
    description: 'Turns dumps of an old site’s pages, one article per file, into Markdown articles. A dump that fails writes nothing, and the batch goes on.',
    options: [
      { flag: '--root <dir>', text: 'project folder (default: the current folder); dump paths are relative to the current folder' },
      { flag: '--add-services', text: 'add services that content/site.yml lacks' },
      { flag: '--force', text: 'replace the article that holds a dump’s shenaseh' },
      format,
    ],
    examples: ['bayegan import dumps/', 'bayegan import --add-services a.txt b.html'],
  },
};

const EXIT_CODES = `Environment: BAYEGAN_PARSE_BUDGET=<seconds> (default 5) stops reading a file that takes longer.
Exit codes: 0 success, 1 content errors, 2 usage error (or an output folder bayegan refuses), 130/143 stopped by SIGINT/SIGTERM.`;

function table(rows: Array<[string, string]>): string {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`).join('\n');
}

/** `bayegan --help`: every command and the options all of them share. */
export function mainHelp(): string {
  const commands = table(Object.values(COMMANDS).map((c) => [c.usage.replace(/ \[options\].*$| --.*$/, ''), c.summary]));
  return `bayegan — static site generator for Persian news archives

Usage: bayegan <command> [options]

Commands:
${commands}

Options of every command:
  -h, --help     show the command's own options and examples
  --version      print bayegan's version and its pipeline version

Run \`bayegan <command> --help\` for a command's options.
${EXIT_CODES}`;
}

/** `bayegan <command> --help`. */
export function commandHelp(name: string): string {
  const help = COMMANDS[name]!;
  const options = table([...help.options.map((o) => [o.flag, o.text] as [string, string]), ['-h, --help', 'show this help']]);
  return `Usage: ${help.usage}

${help.description}

Options:
${options}

Example${help.examples.length > 1 ? 's' : ''}:
${help.examples.map((e) => `  ${e}`).join('\n')}

${EXIT_CODES}`;
}

/** The candidate nearest to a mistyped word, if it is near enough to be what was meant. */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  // A third of the word may be wrong, at least one letter: `biuld` is `build`, `x` is nothing.
  return best && best.distance <= Math.max(1, Math.floor(best.candidate.length / 3)) ? best.candidate : undefined;
}
