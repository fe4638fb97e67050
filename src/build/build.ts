import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.ts';
import { feedOutputsOf, redirectOutputs, sitemapOutputs } from '../outputs/index.ts';
import { generatePages, type Output } from '../pages/index.ts';
import { buildSiteModel } from '../site/index.ts';
import { OutputWriter, type WriteStats } from '../write/index.ts';
import { loadBody } from './compile.ts';
import { checkProject, failOnErrors, type RunOptions } from './run.ts';

/** What a successful build did. */
export interface BuildResult extends WriteStats {
  /** Warnings (a build with errors throws). */
  diagnostics: Diagnostic[];
  /** Published articles. */
  articles: number;
  /** Markdown sources found under `content/`. */
  sources: number;
  /** Sources parsed and rendered now; the rest came from the cache. */
  rendered: number;
  /** Cache entries found corrupt and ignored. */
  corrupt: number;
  /** Files in `dist/`. */
  files: number;
}

/**
 * Build the site into `dist/`: the checked pipeline, then indexes, pages and outputs, written
 * all or nothing. Throws a {@link ContentFailure} (and writes nothing) when the content has errors.
 */
export async function buildProject(options: RunOptions = {}): Promise<BuildResult> {
  const project = await checkProject(options, true);
  failOnErrors(project.diagnostics);
  const { paths, config } = project;
  const model = buildSiteModel(project.articles, config, { drafts: options.drafts ?? false });
  const writer = new OutputWriter(paths.out, path.join(paths.cache, 'outputs.json'));
  await writer.start();
  const outputs = function* (): Generator<Output> {
    yield* generatePages({
      model,
      paths,
      body: (article) => {
        const where = project.compiled.get(article.path)!;
        return loadBody(project.jobs.get(article.path)!, where.key);
      },
      bodyKey: (article) => project.compiled.get(article.path)!.key,
    });
    yield* feedOutputsOf(model);
    yield* sitemapOutputs(model, project.now);
    yield* redirectOutputs(model);
  };
  let files = 0;
  try {
    for (const output of outputs()) {
      await writer.emit(output);
      files += 1;
    }
  } catch (error) {
    await writer.abort();
    throw error;
  }
  const stats = await writer.commit();
  return {
    ...stats,
    diagnostics: project.diagnostics,
    articles: model.articles.length,
    sources: project.jobs.size,
    rendered: project.parsed,
    corrupt: project.corrupt,
    files,
  };
}
