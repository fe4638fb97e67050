import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createArticle, NewArticleRefused } from '../../build/index.ts';
import { println, UsageError, type Io, type Reporting } from '../io.ts';

/** `bayegan new --service … --title …`: start an article with the next free shenaseh; prints its path. */
export async function newCommand(args: string[], io: Io, _report: (r: Reporting) => void): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { root: { type: 'string' }, service: { type: 'string' }, title: { type: 'string' }, tags: { type: 'string' } },
  });
  if (values.root !== undefined && !statSync(values.root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`Unexpected --root \`${values.root}\`, expected a folder`);
  }
  if (values.service === undefined) throw new UsageError('Unexpected `new` without `--service`, expected the service of the article (its name or slug)');
  if (values.title === undefined) throw new UsageError('Unexpected `new` without `--title`, expected the headline');
  // Commas as editors type them on either keyboard: `,` and the Persian `،`.
  const tags = values.tags?.split(/[,،]/).map((t) => t.trim()).filter((t) => t !== '');
  try {
    const article = await createArticle({ root: values.root, service: values.service, title: values.title, tags });
    println(io.out, article.shown);
    println(io.err, `Started article ${article.shenaseh} (${article.service.name}, ${article.date}); write its text below the front matter.`);
    return 0;
  } catch (error) {
    if (error instanceof NewArticleRefused) throw new UsageError(error.message);
    throw error;
  }
}
