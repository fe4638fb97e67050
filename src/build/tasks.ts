import type { SiteConfig } from '../config/index.ts';
import { createTemplateEngine, renderPage, type PageJob, type TemplateEngine } from '../pages/index.ts';
import type { RenderSettings } from '../render/index.ts';
import { indexShard, type IndexedShard, type ShardJob } from '../outputs/index.ts';
import { stageFile, type Staged } from '../write/index.ts';
import { loadBody, runCompileJobs, type CompileJob, type CompileResult } from './compile.ts';

/** A batch of pages to render and stage; plain data. */
export interface PageBatch {
  templates: string;
  /** Digest of the theme's files: a changed theme gets a fresh engine (and fresh cached partials). */
  themeHash: string;
  config: SiteConfig;
  outDir: string;
  htmlRoot: string;
  settings: RenderSettings;
  pages: PageJob[];
}

/** What rendering one page did. */
export interface PageResult extends Staged {
  file: string;
  /** The body had to be rendered again because the HTML store had lost it. */
  rebuilt: boolean;
}

/** Work a thread can do: compile sources, render and stage pages, or index a shard for search. */
export type Task =
  | { kind: 'compile'; jobs: CompileJob[] }
  | { kind: 'pages'; batch: PageBatch }
  | { kind: 'search'; job: ShardJob; settings: RenderSettings; htmlRoot: string };

// One engine per theme and settings in each thread: templates are parsed once per thread.
const engines = new Map<string, TemplateEngine>();

function engineFor(batch: PageBatch): TemplateEngine {
  const id = `${batch.templates}\u0000${batch.themeHash}\u0000${batch.config.hash}`;
  let engine = engines.get(id);
  if (!engine) engines.set(id, (engine = createTemplateEngine(batch.templates, batch.config)));
  return engine;
}

async function renderPages(batch: PageBatch): Promise<PageResult[]> {
  const engine = engineFor(batch);
  const results: PageResult[] = [];
  for (const page of batch.pages) {
    const body = page.body ? loadBody(page.body, batch.settings, batch.htmlRoot) : undefined;
    const staged = stageFile(batch.outDir, page.file, renderPage(engine, page, body?.html));
    results.push({ file: page.file, ...staged, rebuilt: body?.rebuilt ?? false });
  }
  return results;
}

/** Run one task; the default export is what a pool thread runs. */
export default async function runTask(task: Task): Promise<CompileResult[] | PageResult[] | IndexedShard> {
  if (task.kind === 'compile') return runCompileJobs(task.jobs);
  if (task.kind === 'search') return indexShard(task.job, (body) => loadBody(body, task.settings, task.htmlRoot).html);
  return renderPages(task.batch);
}
