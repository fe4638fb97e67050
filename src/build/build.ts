import path from 'node:path';
import { setImmediate as turn } from 'node:timers/promises';
import type { Diagnostic } from '../diagnostics/index.ts';
import { brandFiles, loadTheme, themeAssets } from '../pages/index.ts';
import { buildSiteModel } from '../site/index.ts';
import { checkFolders, describeHolder, inspectOutput, liveSiteIntact, OutputWriter, type WriteStats } from '../write/index.ts';
import { buildTime, envWholeNumber, loadSiteConfig, resolvePaths } from '../config/index.ts';
import { formatJalaliCanonical, jalaliFromEpochMs } from '../persian/index.ts';
import { collectIfGrown } from './memory.ts';
import { siteOutputs, type OutputCounts } from './outputs.ts';
import { startInspector, type Inspector } from './inspector.ts';
import { createRunner } from './pool.ts';
import { PROGRESS_EVERY } from './progress.ts';
import { searchOutputsOf } from './search.ts';
import type { PageBatch, PageResult } from './tasks.ts';
import { bodyRefs, checkProject, failOnErrors, scanProject, type RunOptions } from './run.ts';
import { cachedRelated } from './cache/index.ts';
import { clearStamp, clockValidUntil, fingerprintOf, readStamp, writeStamp, type BuildStamp, type StampInputs } from './stamp.ts';
import { templateFailure } from './template-error.ts';
import { Timings } from './timings.ts';

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
  /** Nothing had changed since the last build: nothing was parsed, checked or written. */
  upToDate: boolean;
  /** Files of each kind (all zero when the build was up to date and made nothing). */
  counts: OutputCounts;
  /** Tags and services with a page. */
  tags: number;
  services: number;
  /** Time of each phase, in order. */
  phases: Array<{ phase: string; detail?: string; ms: number }>;
}

function upToDate(stamp: BuildStamp, sources: number): Omit<BuildResult, 'files' | 'phases'> {
  const { diagnostics, warnings, articles } = stamp;
  const counts = { pages: 0, assets: 0, feeds: 0, sitemaps: 0, redirects: 0, search: 0, other: 0 };
  return { written: 0, unchanged: 0, skipped: 0, removed: 0, kept: 0, diagnostics, warnings, articles, sources, rendered: 0, upToDate: true, counts, tags: 0, services: 0 };
}

/** Options of a build besides those it shares with `check`. */
export interface BuildOptions extends RunOptions {
  /** Told once, in words, if another build holds the output folder and this one waits for it. */
  waiting?: (message: string) => void;
  /** Aborting it releases the output folder at once (the CLI does so on SIGINT and SIGTERM, then exits). */
  signal?: AbortSignal;
}

// Pages are handed to the pool only when there are enough to pay for it.
const POOL_THRESHOLD = 256;
// From this many sources (~2,600 files: ~15 ms of stats in this thread), or `BAYEGAN_INSPECT_MIN`
// (tests treat small sites so with it), the output folder is looked at in a thread of its own, and
// a first build leaves a standby tree for the next.
const INSPECT_THRESHOLD = 1000;

/**
 * Build the site into `dist/`: the checked pipeline, then indexes, pages and outputs, written
 * all or nothing. Throws a {@link ContentFailure} (and writes nothing) when the content has errors.
 */
export async function buildProject(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = resolvePaths(options);
  // A folder bayegan may not build into is refused before any work.
  checkFolders(paths);
  const live = inspectOutput(paths);
  const scanned = await scanProject(paths, new Timings(options.listener));
  const code = process.env.BAYEGAN_CODE_VERSION;
  let inputs: StampInputs | undefined;
  if (code) {
    // Known code (a bundle): if no input changed since the last build and dist/ is as it left
    // it, there is nothing to do. Sources, settings and theme are cheap to look at; parsing is not.
    const config = loadSiteConfig(paths, { baseUrl: options.baseUrl });
    const now = options.now ?? buildTime();
    const today = jalaliFromEpochMs(now, config.timeZone);
    const day = formatJalaliCanonical({ jy: today.jy, jm: today.jm, jd: today.jd });
    inputs = { paths, code, options: JSON.stringify({ drafts: options.drafts ?? false, baseUrl: config.baseUrl }), day, ...scanned, themeHash: loadTheme(paths.templates).hash };
    const stamp = readStamp(paths);
    const files = stamp?.fingerprint && now < stamp.validUntil && fingerprintOf(inputs, stamp.assets) === stamp.fingerprint ? liveSiteIntact(paths) : undefined;
    if (files !== undefined) {
      scanned.timings.mark('up to date');
      return { ...upToDate(stamp!, scanned.sources.length), skipped: files, files, phases: scanned.timings.phases };
    }
    // From here the last stamp is no longer true, whether or not this build succeeds.
    clearStamp(paths);
  }
  const project = await checkProject({ ...options, now: options.now ?? buildTime() }, true, scanned);
  let inspector: Inspector | undefined;
  try {
    failOnErrors(project.diagnostics);
    // Rebuilding a large site, a thread looks at the files of the last build while this one makes
    // its pages (see `inspectTree`): started now, it is ready by the time the output folder is claimed.
    const large = project.threads > 0 && scanned.sources.length >= (envWholeNumber('BAYEGAN_INSPECT_MIN') ?? INSPECT_THRESHOLD);
    if (live && large) inspector = startInspector();
    const inspecting = inspector;
    const { paths, config, settings } = project;
    const model = buildSiteModel(project.articles, config, { drafts: options.drafts ?? false, related: cachedRelated(paths.cache) });
    project.timings.mark('site model');
    const theme = loadTheme(paths.templates);
    const batch: Omit<PageBatch, 'pages' | 'outDir'> = { templates: paths.templates, themeHash: theme.hash, config, htmlRoot: path.join(paths.cache, 'html'), settings };
    // Pages render in this thread until there are enough of them to pay for starting a pool:
    // an edit re-renders a handful, a template change all of them.
    const inline = createRunner(0);
    let requested = 0;
    let rebuilt = 0;
    // Once the pages are done their threads are closed: the few pages after them (search) render here.
    let pagesDone = false;
    const writer = new OutputWriter(
      paths,
      async (pages, tree) => {
        requested += pages.length;
        const runner = requested > POOL_THRESHOLD && !pagesDone ? project.runner() : inline;
        const results = await runner.run<PageResult[]>({ kind: 'pages', batch: { ...batch, outDir: tree, pages } });
        rebuilt += results.filter((r) => r.rebuilt).length;
        return results;
      },
      {
        waiting: (holder) => options.waiting?.(`Waiting for another build of this output folder to finish (${describeHolder(holder)}).`),
        listFiles: options.listFiles ?? false,
        // The first build of a large site leaves a standby tree behind it: the next build's start
        // from the live site, and in CI, where only `.cache/` may be kept, the next run's site.
        keepStandby: large,
        ...(inspecting && {
          inspect: async (job) => {
            const found = await inspecting.inspect(job);
            if (job.part === 'files' && found) inspected = performance.now() - claimed;
            // The live site's listing is asked for last: the thread (and its heap) can go.
            if (job.part === 'live') await inspecting.close();
            return found;
          },
        }),
      },
    );
    options.signal?.addEventListener('abort', () => writer.release(), { once: true });
    let files = 0;
    let search: ReturnType<typeof searchOutputsOf>;
    // When the output folder was claimed, and how long after it its files had all been looked at (in the inspecting thread).
    let claimed = 0;
    let inspected: number | undefined;
    try {
      // The search index starts first: it is made on its own thread while the output folder is
      // prepared (after a cold build, a standby tree of the whole site) and the pages rendered.
      // A patched search index is checked against the output folder, once the writer has it.
      let ready: (started: boolean) => void = () => undefined;
      const started = new Promise<boolean>((resolve) => (ready = resolve));
      // The theme's files (read and hashed) are made once, for the pages and the search page.
      const assets = themeAssets(paths.templates, config, paths);
      search = searchOutputsOf(project, model, theme, async (files) => (await started) && writer.vouchesFor(files), assets);
      await writer.start().catch((error: unknown) => {
        ready(false);
        throw error;
      });
      ready(true);
      claimed = performance.now();
      project.timings.mark('output folder', writer.relinked !== undefined ? `the standby tree made again from the live site: ${writer.relinked} files` : writer.restored !== undefined ? `no live site: the earlier site kept in the cache is the base, ${writer.restored} files` : undefined);
      const site = siteOutputs({
        model,
        paths,
        theme,
        assets,
        now: project.now,
        body: bodyRefs(project),
        search: search?.outputs,
        searchIndex: search?.index,
        statics: project.statics,
        afterPages: async () => {
          // The last pages rendered, their threads go and the search index, if still at work, takes both cores.
          await writer.flush();
          pagesDone = true;
          await project.close();
          search?.widen();
        },
      });
      let pages = 0;
      for await (const batch of site.outputs) {
        for (const output of batch) {
          const flushing = writer.emit(output);
          if (flushing) await flushing;
          files += 1;
          if (files % 1000 === 0) {
            // An edit renders a handful of pages, here: on a small heap it is not collected.
            collectIfGrown(requested <= POOL_THRESHOLD);
            // Let events in: when the writer skips whole windows of pages this loop never waits, and
            // the search index's exchanges with Pagefind would wait for the last page.
            await turn();
          }
          if ('template' in output && ++pages % PROGRESS_EVERY === 0) options.listener?.({ type: 'progress', phase: 'pages', done: pages, total: Math.max(pages, site.pages) });
        }
      }
      await writer.flush();
      const beside = [search && `the search index ${((await search.took) / 1000).toFixed(2)} s`, inspected !== undefined && `the last build's files looked at ${(inspected / 1000).toFixed(2)} s`].filter(Boolean);
      project.timings.mark('pages and outputs', beside.length > 0 ? `and beside them ${beside.join(', ')}` : undefined);
      // Everything is rendered and indexed: the threads go (with their heaps) before the site is published.
      await search?.close();
      await project.close();
      const stats = await writer.commit();
      project.timings.mark('commit', writer.keptStandby !== undefined ? `and a standby tree of its ${writer.keptStandby} files kept for the next build` : undefined);
      const warnings = [...project.warnings, ...writer.warnings];
      if (rebuilt > 0) warnings.push(`${rebuilt} rendered bod${rebuilt === 1 ? 'y was' : 'ies were'} missing or damaged in the cache (.cache/html/) and rendered again.`);
      if (inputs) {
        const assets = [...model.articles.flatMap((a) => a.assets.map((file) => path.join(paths.root, path.dirname(a.path), file))), ...brandFiles(config, paths)];
        writeStamp(paths, {
          fingerprint: fingerprintOf(inputs, assets),
          validUntil: clockValidUntil(model, project.now),
          assets,
          diagnostics: project.diagnostics,
          warnings,
          articles: model.articles.length,
        });
      }
      return {
        ...stats,
        upToDate: false,
        counts: site.counts,
        tags: model.tags.length,
        services: model.services.length,
        phases: project.timings.phases,
        diagnostics: project.diagnostics,
        warnings,
        articles: model.articles.length,
        sources: project.sources.length,
        rendered: project.parsed,
        files,
      };
    } catch (error) {
      // Pagefind may still be indexing: its thread is stopped, and nothing of this build runs after it has failed.
      await search?.close();
      await search?.took;
      await writer.abort();
      throw templateFailure(error, paths) ?? error;
    } finally {
      await search?.close();
    }
  } finally {
    await project.close();
    await inspector?.close();
  }
}
