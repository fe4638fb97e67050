import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot, withBase, type SiteConfig } from '../config/index.ts';
import { hashBytes } from '../load/index.ts';
import type { Output } from '../pages/index.ts';

const require = createRequire(path.join(packageRoot, 'package.json'));

/** The search page's script and stylesheet, fingerprinted like the theme's other assets. */
export interface SearchAssets {
  script: string;
  css: string;
  outputs: Output[];
}

/** Keeps a bundle between builds by the digest of what it is made from (the build's cache). */
export type BundleCache = (digest: string, make: () => Uint8Array) => Uint8Array;

const persianLayer = path.join(packageRoot, 'src/persian');

function scripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** A digest of everything the search script is bundled from: the theme's scripts, the Persian layer, esbuild. */
export function searchScriptDigest(templatesDir: string): string {
  const esbuild = require('esbuild') as typeof import('esbuild');
  const files = [...scripts(path.join(templatesDir, 'assets')), ...scripts(persianLayer)];
  return hashBytes([esbuild.version, ...files.map((f) => `${f}\u0000${hashBytes(readFileSync(f))}`)].join('\n'));
}

/**
 * The search page's script, bundled for browsers from the theme's `assets/search.ts`. Its
 * `bayegan/persian/…` imports are bayegan's own Persian layer, so the page folds a query with
 * the very code that folded the index.
 */
export function bundleSearchScript(templatesDir: string): Uint8Array {
  const esbuild = require('esbuild') as typeof import('esbuild');
  const result = esbuild.buildSync({
    entryPoints: [path.join(templatesDir, 'assets/search.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    alias: { 'bayegan/persian': persianLayer },
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

function fingerprinted(name: string, ext: string, bytes: Uint8Array): string {
  return `/assets/${name}.${hashBytes(bytes).slice(0, 10)}.${ext}`;
}

/** True when a theme has a search page (a theme of its own may leave search out). */
export function hasSearchPage(templatesDir: string): boolean {
  return existsSync(path.join(templatesDir, 'search.liquid')) && existsSync(path.join(templatesDir, 'assets/search.ts'));
}

/** The script and stylesheet of the search page. */
export function searchAssets(templatesDir: string, site: SiteConfig, cache: BundleCache): SearchAssets {
  // Starting esbuild costs a third of a second; a build with the same sources reuses the bundle.
  const script = cache(searchScriptDigest(templatesDir), () => bundleSearchScript(templatesDir));
  const cssFile = path.join(templatesDir, 'assets/search.css');
  const css = existsSync(cssFile) ? readFileSync(cssFile) : new Uint8Array();
  const scriptPath = fingerprinted('search', 'js', script);
  const cssPath = fingerprinted('search', 'css', css);
  return {
    script: withBase(site.basePath, scriptPath),
    css: withBase(site.basePath, cssPath),
    outputs: [
      { path: scriptPath, key: hashBytes(script), content: () => script },
      { path: cssPath, key: hashBytes(css), content: () => css },
    ],
  };
}
