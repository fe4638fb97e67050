import path from 'node:path';
import type { Diagnostic } from '../diagnostics/index.ts';
import { feedOutputsOf, redirectOutputs, sitemapOutputs } from '../outputs/index.ts';
import { generatePages, loadTheme, type Output } from '../pages/index.ts';
import { buildSiteModel } from '../site/index.ts';
import { OutputWriter, type WriteStats } from '../write/index.ts';
import { createRunner } from './pool.ts';
import type { PageBatch, PageResult } from './tasks.ts';
import { checkProject, failOnErrors, type RunOptions } from './run.ts';

/** What a successful build did. */
export interface BuildResult extends WriteStats {
  /** Content warnings (a build with errors throws). */
  diagnostics: Diagnostic[];
  /** Cache problems that were repaired. */
  warnings: string[];
  /** Published articles. */
  articles: number;
  /** Markdown sources found under `content/`. */
  sources: number;
  /** Sources parsed and rendered now; the rest came from the cache. */
  rendered: number;
  /** Files in `dist/`. */
  files: number;
}

// Pages are handed to the pool only when there are enough to pay for it.
const POOL_THRESHOLD = 64;

/**
 * Build the site into `dist/`: the checked pipeline, then indexes, pages and outputs, written
 * all or nothing. Throws a {@link ContentFailure} (and writes nothing) when the content has errors.
 */
export async function buildProject(options: RunOptions = {}): Promise<BuildResult> {
  const project = await checkProject(options, true);
  try {
    failOnErrors(project.diagnostics);
    const { paths, config, settings } = project;
    const model = buildSiteModel(project.articles, config, { drafts: options.drafts ?? false });
    project.timings.mark('site model');
    const theme = loadTheme(paths.templates);
    const batch: Omit<PageBatch, 'pages'> = { templates: paths.templates, themeHash: theme.hash, config, outDir: paths.out, htmlRoot: path.join(paths.cache, 'html'), settings };
    // Small sites render in this thread: a pool costs more to start than it saves.
    const runner = model.articles.length >= POOL_THRESHOLD ? project.runner() : createRunner(0);
    let rebuilt = 0;
    const writer = new OutputWriter(paths.out, path.join(paths.cache, 'outputs.tsv'), async (pages) => {
      const results = await runner.run<PageResult[]>({ kind: 'pages', batch: { ...batch, pages } });
      rebuilt += results.filter((r) => r.rebuilt).length;
      return results;
    });
    await writer.start();
    const outputs = function* (): Generator<Output> {
      yield* generatePages({
        model,
        paths,
        theme,
        body: (article) => {
          const where = project.compiled.get(article.path)!;
          return { key: where.key, path: article.path, abs: where.source.abs };
        },
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
      await writer.flush();
      project.timings.mark('pages and outputs');
      const stats = await writer.commit();
      project.timings.mark('commit');
      const warnings = [...project.warnings];
      if (rebuilt > 0) warnings.push(`${rebuilt} rendered bod${rebuilt === 1 ? 'y was' : 'ies were'} missing or damaged in the cache (.cache/html/) and rendered again.`);
      return {
        ...stats,
        diagnostics: project.diagnostics,
        warnings,
        articles: model.articles.length,
        sources: project.sources.length,
        rendered: project.parsed,
        files,
      };
    } catch (error) {
      await writer.abort();
      throw error;
    }
  } finally {
    await project.close();
  }
}
