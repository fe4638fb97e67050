import { parseArgs } from 'node:util';
import { initProject, InitRefused } from '../../build/index.ts';
import { println, UsageError, type Io, type Reporting } from '../io.ts';

/** `bayegan init [folder]`: `content/site.yml` and one example article in an empty folder. */
export async function initCommand(args: string[], io: Io, _report: (r: Reporting) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { title: { type: 'string' }, 'base-url': { type: 'string' } },
  });
  if (positionals.length > 1) throw new UsageError(`Unexpected ${positionals.length} folders, expected one (or none: the current folder)`);
  const folder = positionals[0] ?? '.';
  try {
    const files = initProject({ folder, title: values.title, baseUrl: values['base-url'] });
    for (const file of files) println(io.out, `created  ${file}`);
    const into = folder === '.' ? '' : `cd ${folder} && `;
    println(io.out, `\nNext: set baseUrl in content/site.yml, then \`${into}npx bayegan dev\` to see the site while you write.`);
    return 0;
  } catch (error) {
    if (error instanceof InitRefused) throw new UsageError(error.message);
    throw error;
  }
}
