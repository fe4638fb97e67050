import path from 'node:path';
import { articlePath, outputFile, type ProjectPaths, type SiteConfig } from '../../config/index.ts';
import type { Diagnostic } from '../../diagnostics/index.ts';
import { scanStatic } from '../../load/index.ts';
import { feedOutputsOf, redirectOutputs, sitemapOutputs } from '../../outputs/index.ts';
import {
  articleOutputs,
  createTemplateEngine,
  ImageLibrary,
  isTemplateOutput,
  loadTheme,
  renderPage,
  sharedSite,
  themeAssets,
  type BodyRef,
  type Output,
  type SharedSite,
  type TemplateEngine,
  type Theme,
  type ThemeAssets,
} from '../../pages/index.ts';
import type { RenderSettings } from '../../render/index.ts';
import { buildSiteModel, type SiteModel } from '../../site/index.ts';
import type { Article } from '../../validate/index.ts';
import { loadBody } from '../compile.ts';
import { siteOutputs } from '../outputs.ts';
import { Timings } from '../timings.ts';
import { templateDiagnostic } from '../template-error.ts';
import { replaceFields } from './sources.ts';

/** One file of the site as the session serves it. */
export interface ServedFile {
  bytes: Uint8Array;
  /** The article the page shows, for an article page. */
  article?: Article;
}

/** A page that could not be rendered because of its template. */
export class TemplateProblem extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

/** The theme as the session renders with it: digest, engine, its files, and the `site` part of every page. */
interface LoadedTheme {
  theme: Theme;
  engine: TemplateEngine;
  assets: ThemeAssets;
  site: SharedSite;
  /** Images' facts and resized copies, for the pages of articles made again in place. */
  images: ImageLibrary;
}

/**
 * The site of a session, in memory: the model, every output (made, not rendered) by its file,
 * and the pages rendered since the last change. Pages are rendered when asked for, so a
 * template change costs the pages looked at, not the whole site.
 */
export class SessionSite {
  private outputs = new Map<string, Output>();
  private articles = new Map<string, Article>();
  private rendered = new Map<string, ServedFile>();
  private loaded: LoadedTheme | undefined;

  constructor(
    private readonly paths: ProjectPaths,
    private config: SiteConfig,
    private settings: RenderSettings,
    private model: SiteModel | undefined = undefined,
  ) {}

  /** The base path every URL of the site starts with (`/`, or `/archive/` for a site in a folder). */
  get basePath(): string {
    return this.config.basePath;
  }

  /** Number of files the site has now. */
  get size(): number {
    return this.outputs.size;
  }

  private theme(): LoadedTheme {
    if (!this.loaded) {
      const theme = loadTheme(this.paths.templates);
      const assets = themeAssets(this.paths.templates, this.config, this.paths);
      const images = new ImageLibrary(this.paths, this.config);
      this.loaded = { theme, engine: createTemplateEngine(this.paths.templates, this.config), assets, site: sharedSite(theme, this.config, assets), images };
    }
    return this.loaded;
  }

  /** Take a new model (and settings): every output is made again. */
  async rebuild(articles: Article[], bodies: (article: Article) => BodyRef, now: number, timings = new Timings(), config = this.config, settings = this.settings): Promise<void> {
    if (config !== this.config) this.loaded = undefined;
    this.config = config;
    this.settings = settings;
    this.model = buildSiteModel(articles, config, { drafts: true });
    timings.mark('site model');
    await this.remake(bodies, now);
    timings.mark('outputs');
  }

  /**
   * Templates or theme files changed: a fresh engine and theme files. Every page holds the one
   * `site` object of its context, which takes the new values (a new stylesheet's URL) in place,
   * so no output is made again: the change costs the pages looked at.
   */
  reloadTheme(): void {
    const before = this.loaded;
    this.loaded = undefined;
    const after = this.theme();
    if (before) {
      replaceFields(before.site.context, after.site.context);
      after.site = before.site;
      for (const output of before.assets.outputs) this.outputs.delete(outputFile(output.path));
      for (const output of after.assets.outputs) this.outputs.set(outputFile(output.path), output);
    }
    this.rendered.clear();
  }

  private async remake(bodies: (article: Article) => BodyRef, now: number): Promise<void> {
    const { theme, assets } = this.theme();
    const outputs = new Map<string, Output>();
    // static/, robots.txt, the favicon and _headers too: dev serves what the build publishes (but the search index).
    const statics = scanStatic(this.paths);
    for await (const batch of siteOutputs({ model: this.model!, paths: this.paths, theme, assets, body: bodies, now, statics }).outputs) {
      for (const output of batch) outputs.set(outputFile(output.path), output);
    }
    this.outputs = outputs;
    this.articles = new Map(this.model!.articles.map((a) => [outputFile(articlePath(a.shenaseh)), a]));
    this.rendered.clear();
  }

  /**
   * Articles changed in place without moving in the site (see `shapeOf`): their own pages and
   * the feeds, sitemaps and redirects, which copy their titles, are made again; lists and other
   * articles' pages read the articles when rendered.
   */
  refresh(changed: Article[], bodies: (article: Article) => BodyRef, now: number): void {
    const model = this.model!;
    const { site, images } = this.theme();
    for (const article of changed) {
      for (const output of articleOutputs(article, model, site, this.paths, bodies(article), images)) this.outputs.set(outputFile(output.path), output);
    }
    for (const output of [...feedOutputsOf(model), ...sitemapOutputs(model, now), ...redirectOutputs(model)]) this.outputs.set(outputFile(output.path), output);
    this.rendered.clear();
  }

  /** The file at a site file name (`news/1/index.html`), rendered now or since the last change; undefined when the site has none. */
  async file(name: string): Promise<ServedFile | undefined> {
    const cached = this.rendered.get(name);
    if (cached) return cached;
    const output = this.outputs.get(name);
    if (!output) return undefined;
    let bytes: Uint8Array;
    if (isTemplateOutput(output)) {
      const { engine } = this.theme();
      const body = output.body && (await loadBody(output.body, this.settings, path.join(this.paths.cache, 'html')));
      try {
        bytes = Buffer.from(renderPage(engine, { template: output.template, context: output.context() }, body?.html));
      } catch (error) {
        const diagnostic = templateDiagnostic(error, this.paths);
        throw diagnostic ? new TemplateProblem(diagnostic) : error;
      }
    } else {
      const content = await output.content();
      bytes = typeof content === 'string' ? Buffer.from(content) : content;
    }
    const article = this.articles.get(name);
    const served = { bytes, ...(article && { article }) };
    this.rendered.set(name, served);
    return served;
  }

  /** Render one page of each template, so that a template error shows before anyone opens the page it breaks. */
  async checkTemplates(): Promise<Diagnostic[]> {
    const first = new Map<string, string>();
    for (const [name, output] of this.outputs) if (isTemplateOutput(output) && !first.has(output.template)) first.set(output.template, name);
    const found: Diagnostic[] = [];
    for (const name of first.values()) {
      try {
        await this.file(name);
      } catch (error) {
        if (!(error instanceof TemplateProblem)) throw error;
        if (!found.some((d) => d.file === error.diagnostic.file && d.line === error.diagnostic.line)) found.push(error.diagnostic);
      }
    }
    return found;
  }
}
