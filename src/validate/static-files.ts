import type { VFile } from 'vfile';
import { aliasSitePath, articlePath } from '../config/index.ts';
import { quote, report, type RelatedPlace } from '../diagnostics/index.ts';
import type { StaticFile } from '../load/index.ts';
import type { Article, CheckedSource } from './article.ts';
import { outputFileOf } from './site-paths.ts';

/** Files of `static/` that replace (robots.txt, favicon.ico) or extend (_headers) what bayegan writes instead of colliding with it. */
export const REPLACEABLE_PATHS = ['/robots.txt', '/favicon.ico', '/_headers'];

/** Top-level folders of every site: a static file of that name would stand where a folder must be. */
const SITE_FOLDERS = ['news', 'service', 'tag', 'page', 'assets', 'sitemaps'];
/** Folders whose file names bayegan chooses (fingerprinted assets, sitemap chunks): nothing else goes there. */
const RESERVED_FOLDERS = ['assets', 'sitemaps'];

/** What the rule needs from the archive's checks. */
export interface StaticContext {
  generated: (sitePath: string) => boolean;
  /** Output files the articles claim (pages, images, alias pages). */
  outputs: ReadonlySet<string>;
  published: ReadonlyArray<CheckedSource & { article: Article }>;
}

const PROBLEMS = {
  outside: ['a link out of the project', 'Copy the file into `static/` instead of linking to it: only files inside the project are published.'],
  'not-regular': ['not a regular file (a FIFO, a socket or a device)', 'Remove it from `static/`; only regular files are published.'],
  'broken-link': ['a link to nothing', 'Point the link at a file inside the project, or remove it.'],
  unreadable: ['a file that cannot be read', 'Check its permissions.'],
} as const;

// The article that claims an output file, to show beside the static file.
function claimant(file: string, published: StaticContext['published']): RelatedPlace | undefined {
  for (const source of published) {
    const alias = source.aliases.find((a) => outputFileOf(aliasSitePath(a.alias)) === file);
    if (alias) return { file: source.path, ...alias.place, message: `alias ${quote(alias.alias)} is also written to \`${file}\`` };
    const folder = articlePath(source.article.shenaseh).slice(1);
    const image = source.article.assets.find((relative) => folder + relative === file);
    if (image) return { file: source.path, ...(source.shenaseh?.place ?? { line: 1, column: 1 }), message: `its image ${quote(image)} is also written to \`${file}\`` };
  }
  return undefined;
}

// Why a static file cannot have its path, or undefined when it can.
function collision(sitePath: string, context: StaticContext, folders: ReadonlySet<string>): string | undefined {
  const output = outputFileOf(sitePath);
  const top = output.split('/')[0]!;
  if (output.includes('/') && RESERVED_FOLDERS.includes(top)) return `\`${top}/\` is bayegan's folder for files it names itself; put the file in another folder, such as \`static/files/\`.`;
  if (context.outputs.has(output)) return 'An article publishes a file there; rename or move the static file.';
  const page = output === 'index.html' || output.endsWith('/index.html') ? sitePath.replace(/index\.html$/, '') : sitePath;
  if (context.generated(page)) return `bayegan writes \`${output}\` itself; rename or move the static file.`;
  if (folders.has(output) || context.generated(`${sitePath}/`)) return `bayegan writes a folder \`${output}/\` there; rename the static file.`;
  return undefined;
}

function folderSet(outputs: ReadonlySet<string>): Set<string> {
  const folders = new Set<string>(SITE_FOLDERS);
  for (const file of outputs) for (let at = file.indexOf('/'); at > 0; at = file.indexOf('/', at + 1)) folders.add(file.slice(0, at));
  return folders;
}

/**
 * Files of `static/`: each must be a regular file inside the project, and none may land where
 * bayegan writes a page, a feed, an article's image or redirect, or a folder of them.
 */
export function checkStaticFiles(statics: readonly StaticFile[], context: StaticContext, fileOf: (path: string) => VFile): void {
  let folders: Set<string> | undefined;
  for (const item of statics) {
    const file = fileOf(item.path);
    if (item.problem) {
      const [what, note] = PROBLEMS[item.problem];
      const target = item.target === undefined ? '' : ` (to \`${item.target}\`)`;
      report(file, `Unexpected ${what}${target} in \`static/\`, expected a regular file inside the project`, { ruleId: 'static-file', note });
      continue;
    }
    if (REPLACEABLE_PATHS.includes(item.sitePath)) continue;
    folders ??= folderSet(context.outputs);
    const note = collision(item.sitePath, context, folders);
    if (note === undefined) continue;
    const output = outputFileOf(item.sitePath);
    const related = context.outputs.has(output) ? claimant(output, context.published) : undefined;
    report(file, `Unexpected static file written to \`${output}\`, expected a path that bayegan does not generate`, {
      ruleId: 'static-file',
      note: `${note} Only \`static/robots.txt\` and \`static/favicon.ico\` replace bayegan's own files, and \`static/_headers\` adds to its rules.`,
      ...(related && { related }),
    });
  }
}
