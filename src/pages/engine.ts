import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Liquid, type Template } from 'liquidjs';
import type { SiteConfig } from '../config/index.ts';
import { hashBytes } from '../load/index.ts';
import { registerCacheTag } from './cache-tag.ts';
import { escapeOutput, registerFilters } from './filters.ts';
import { registerReaderFilters } from './reader-filters.ts';

/** A theme folder as page generation sees it: the digest of its files, part of every page key. */
export interface Theme {
  hash: string;
}

/** Renders the named templates of a theme folder (`templates/`), each parsed once. */
export interface TemplateEngine {
  render(name: string, context: object): string;
}

function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const abs = path.join(dir, entry.name);
      return entry.isDirectory() ? listFiles(abs, base) : [path.relative(base, abs)];
    })
    .sort();
}

/** Digest of a theme folder's files (names and bytes). */
export function loadTheme(dir: string): Theme {
  const parts = listFiles(dir).map((name) => `${name}\u0000${hashBytes(readFileSync(path.join(dir, name)))}`);
  return { hash: hashBytes(parts.join('\n')) };
}

/** Create the Liquid engine for a theme folder: escaped output by default, strict filters. */
export function createTemplateEngine(templatesDir: string, site: SiteConfig): TemplateEngine {
  const engine = new Liquid({
    root: [templatesDir],
    partials: [path.join(templatesDir, 'partials')],
    layouts: [templatesDir],
    extname: '.liquid',
    outputEscape: escapeOutput,
    strictFilters: true,
    ownPropertyOnly: true,
    cache: true,
  });
  registerFilters(engine, site);
  registerReaderFilters(engine, site);
  const parsed = new Map<string, Template[]>();
  const render = (name: string, context: object) => {
    let templates = parsed.get(name);
    if (!templates) parsed.set(name, (templates = engine.parseFileSync(name)));
    return engine.renderSync(templates, context) as string;
  };
  registerCacheTag(engine, (name, scope) => render(`partials/${name}`, scope));
  return { render };
}
