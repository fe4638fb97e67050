import path from 'node:path';
import { buildTime, resolvePaths, type PathOptions, type ProjectPaths, type SiteConfig } from '../../config/index.ts';
import { hasErrors, isContentFailure, type Diagnostic } from '../../diagnostics/index.ts';
import { scanStatic, scanContent, type SourceFile } from '../../load/index.ts';
import { formatJalaliCanonical, jalaliFromEpochMs } from '../../persian/index.ts';
import type { BodyRef } from '../../pages/index.ts';
import type { RenderSettings } from '../../render/index.ts';
import type { Article } from '../../validate/index.ts';
import { analyse } from '../analyse.ts';
import { checkProject } from '../run.ts';
import { Timings } from '../timings.ts';
import { SessionSite, TemplateProblem, type ServedFile } from './site.ts';
import { sortChanges, type FileChange, type SortedChanges } from './changes.ts';
import { ownDiagnostics, replaceFields, shapeOf, SourceCompiler, type SourceEntry } from './sources.ts';

/** Options of a session; dev builds always include drafts. */
export interface SessionOptions extends PathOptions {
  /** The clock (future dates, the news sitemap). Default: `SOURCE_DATE_EPOCH` or the real clock. */
  now?: () => number;
  /** Threads for a burst of changed files. Default: one per core. */
  threads?: number;
}

/** What one update did. */
export interface UpdateResult {
  /**
   * `nothing`: no change that matters; `articles`: articles edited in place, only the pages that
   * show them change; `site`: the archive was checked again and the site remade; `theme`: the
   * templates changed; `settings`: `content/site.yml` changed and everything was redone.
   */
  scope: 'nothing' | 'articles' | 'site' | 'theme' | 'settings';
  /** Sources parsed again, and sources gone (display paths). */
  parsed: string[];
  removed: string[];
  ms: number;
}

interface State {
  config: SiteConfig;
  settings: RenderSettings;
  site: SessionSite;
  /** Jalali day of the last check across files: a new day may change the future-date warnings. */
  day: string;
}

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `dev`'s build, kept in memory between changes: every source's parse and check, the site model,
 * and the site's outputs (rendered when asked for). An update redoes what a change touches: an
 * edit that keeps an article's place in the site re-parses that file and remakes its own page;
 * an added, removed or re-tagged article checks the archive again; a template change makes a
 * fresh engine without parsing Markdown; a `site.yml` change redoes everything. While the
 * content has errors the last good site keeps being served. Nothing is written but the cache.
 */
export class BuildSession {
  readonly paths: ProjectPaths;
  private readonly table = new Map<string, SourceEntry>();
  private readonly compiler: SourceCompiler;
  private state: State | undefined;
  private settingsProblems: Diagnostic[] = [];
  private contentDiagnostics: Diagnostic[] = [];
  private cross: Diagnostic[] = [];
  private templateProblems: Diagnostic[] = [];

  private constructor(private readonly options: SessionOptions) {
    this.paths = resolvePaths(options);
    this.compiler = new SourceCompiler(path.join(this.paths.cache, 'html'), options.threads);
  }

  /** Build the archive into memory (from the cache where it can); a content error does not stop it. */
  static async open(options: SessionOptions = {}): Promise<BuildSession> {
    const session = new BuildSession(options);
    await session.load();
    return session;
  }

  private now(): number {
    return this.options.now?.() ?? buildTime();
  }

  private dayOf(now: number, config: SiteConfig): string {
    const d = jalaliFromEpochMs(now, config.timeZone);
    return formatJalaliCanonical({ jy: d.jy, jm: d.jm, jd: d.jd });
  }

  /** Every problem now: settings, content (warnings too) and templates. */
  get diagnostics(): Diagnostic[] {
    return [...this.settingsProblems, ...this.contentDiagnostics, ...this.templateProblems];
  }

  /** The errors that the served site does not reflect (the overlay's content). */
  get problems(): Diagnostic[] {
    return this.diagnostics.filter((d) => d.severity === 'error');
  }

  /** The base path of the site's URLs (`/` unless `baseUrl` has a path); undefined while there is no site. */
  get basePath(): string | undefined {
    return this.state?.config.basePath;
  }

  /** Markdown sources, and files of the site now. */
  get counts(): { sources: number; files: number } {
    return { sources: this.table.size, files: this.state?.site.size ?? 0 };
  }

  private bodies = (article: Article): BodyRef => {
    const entry = this.table.get(article.path)!;
    return { key: entry.compiled.key, path: article.path, abs: entry.source.abs };
  };

  // The whole pipeline from the cache, as `build` runs it: at the start and after a settings change.
  private async load(): Promise<void> {
    const now = this.now();
    let project;
    try {
      project = await checkProject({ ...this.options, drafts: true, now, keepSources: true, threads: this.options.threads }, true);
    } catch (error) {
      if (!isContentFailure(error)) throw error;
      this.settingsProblems = error.diagnostics;
      return;
    }
    await project.close();
    this.settingsProblems = [];
    this.table.clear();
    project.sources.forEach((source, at) => {
      const compiled = project.compiledSources![at]!;
      const checked = project.checkedNow.get(source.path) ?? compiled.checked;
      this.table.set(source.path, { source, compiled: { ...compiled, ...(checked && { checked }) } });
    });
    const { config, settings } = project;
    this.takeDiagnostics(project.diagnostics);
    const site = this.state && this.state.config.basePath === config.basePath ? this.state.site : new SessionSite(this.paths, config, settings);
    await site.rebuild(project.articles, this.bodies, now, project.timings, config, settings);
    this.state = { config, settings, site, day: this.dayOf(now, config) };
    this.templateProblems = await site.checkTemplates();
  }

  private takeDiagnostics(all: Diagnostic[]): void {
    const own = new Set<Diagnostic>();
    for (const entry of this.table.values()) for (const d of ownDiagnostics(entry)) own.add(d);
    this.contentDiagnostics = all;
    this.cross = all.filter((d) => !own.has(d));
  }

  /** A file of the site by its name in the output (`news/1/index.html`); undefined when there is none. */
  async file(name: string): Promise<ServedFile | undefined> {
    if (!this.state) return undefined;
    try {
      return await this.state.site.file(name);
    } catch (error) {
      if (error instanceof TemplateProblem && !this.templateProblems.some((d) => d.file === error.diagnostic.file && d.line === error.diagnostic.line)) {
        this.templateProblems.push(error.diagnostic);
      }
      throw error;
    }
  }

  /** Apply what a watcher saw; concurrent calls must not overlap (the watcher queues them). */
  async update(changes: FileChange[]): Promise<UpdateResult> {
    const started = performance.now();
    const done = (scope: UpdateResult['scope'], parsed: string[] = [], removed: string[] = []): UpdateResult => ({ scope, parsed, removed, ms: performance.now() - started });
    if (!this.state || changes.some((c) => c.path === this.paths.siteFile)) {
      await this.load();
      return done('settings', [...this.table.keys()]);
    }
    const what = sortChanges(changes, this.paths, (file) => this.table.has(file));
    return this.apply(what, done);
  }

  private async apply(
    what: SortedChanges,
    done: (scope: UpdateResult['scope'], parsed?: string[], removed?: string[]) => UpdateResult,
  ): Promise<UpdateResult> {
    const state = this.state!;
    const now = this.now();
    let sources: SourceFile[] = [...what.touched].flatMap((file) => this.table.get(file)?.source ?? []);
    const removed: string[] = [];
    if (what.rescan) {
      const found = (await scanContent(this.paths)).sources;
      const present = new Set(found.map((s) => s.path));
      for (const file of this.table.keys()) if (!present.has(file)) removed.push(file);
      sources = found.filter((s) => what.touched.has(s.path) || !this.table.has(s.path));
    }
    const compiled = await this.compiler.compile(sources, (file) => this.table.get(file)?.compiled, state.settings, state.config);
    const next: SourceEntry[] = [];
    sources.forEach((source, at) => {
      const result = compiled[at]!;
      if (result === 'gone') removed.push(source.path);
      else if (result !== 'unchanged') next.push({ source, compiled: result });
    });
    const parsed = next.map((e) => e.source.path);
    if (next.length === 0 && removed.length === 0 && !what.theme && !what.other) return done('nothing');
    const inPlace =
      removed.length === 0 &&
      !what.theme &&
      !what.other &&
      !hasErrors(this.contentDiagnostics) &&
      this.dayOf(now, state.config) === state.day &&
      next.every((entry) => {
        const before = this.table.get(entry.source.path);
        const mentioned = this.cross.some((d) => d.file === entry.source.path || d.related?.file === entry.source.path);
        return before !== undefined && !mentioned && shapeOf(before) === shapeOf(entry);
      });
    if (inPlace) {
      const articles: Article[] = [];
      for (const entry of next) {
        const kept = this.table.get(entry.source.path)!.compiled.checked?.source.article;
        const fresh = entry.compiled.checked?.source;
        if (kept && fresh?.article) {
          replaceFields(kept, fresh.article);
          fresh.article = kept;
          articles.push(kept);
        }
        this.table.set(entry.source.path, entry);
      }
      this.contentDiagnostics = [...this.cross, ...[...this.table.values()].flatMap(ownDiagnostics)];
      state.site.refresh(articles, this.bodies, now);
      return done('articles', parsed);
    }
    for (const file of removed) this.table.delete(file);
    for (const entry of next) this.table.set(entry.source.path, entry);
    if (next.length > 0 || removed.length > 0 || what.other) await this.checkArchive(now);
    if (what.theme) {
      state.site.reloadTheme();
      this.templateProblems = await state.site.checkTemplates();
      if (next.length === 0 && removed.length === 0 && !what.other) return done('theme');
    }
    return done('site', parsed, removed);
  }

  // The rules across files, over every source; a site without errors (or the first) is remade.
  private async checkArchive(now: number): Promise<void> {
    const state = this.state!;
    const timings = new Timings();
    const entries = [...this.table.keys()].sort(byPath).map((file) => this.table.get(file)!);
    timings.mark('sort sources');
    const analysis = analyse(
      entries.map((e) => e.source),
      entries.map((e) => e.compiled),
      state.config,
      this.paths,
      { drafts: true, now, statics: scanStatic(this.paths) },
    );
    timings.mark('validate');
    for (const [file, checked] of analysis.checkedNow) this.table.get(file)!.compiled.checked = checked;
    this.takeDiagnostics(analysis.diagnostics);
    state.day = this.dayOf(now, state.config);
    if (!hasErrors(analysis.diagnostics)) await state.site.rebuild(analysis.articles, this.bodies, now, timings);
  }

  /** Stop the session's worker pool, if it started one. */
  async close(): Promise<void> {
    await this.compiler.close();
  }
}
