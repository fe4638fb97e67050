import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot, withBase, type ProjectPaths, type SiteConfig } from '../config/index.ts';
import { hashBytes } from '../load/index.ts';
import { brandImages, type BrandImage } from './brand.ts';
import type { Output } from './output.ts';

// From the package root, so that the font is found from the sources and from a bundle alike.
const require = createRequire(path.join(packageRoot, 'package.json'));

/** The theme's static files, fingerprinted so a CDN may cache them for ever. */
export interface ThemeAssets {
  /** URL of the stylesheet (with the base path). */
  css: string;
  /** URL of the Vazirmatn variable font (with the base path). */
  font: string;
  /** URL of the article pages' small script (copy link, share sheet), or empty when the theme has none. */
  script: string;
  /** The default share image and the publisher's logo. */
  brand: { share: BrandImage; logo: BrandImage };
  outputs: Output[];
}

function fingerprinted(name: string, bytes: Uint8Array): string {
  const dot = name.lastIndexOf('.');
  return `/assets/${name.slice(0, dot)}.${hashBytes(bytes).slice(0, 10)}${name.slice(dot)}`;
}

/** Vazirmatn (self-hosted, from the `vazirmatn` package) and the stylesheet of `templates/assets/`. */
export function themeAssets(templatesDir: string, site: SiteConfig, paths: Pick<ProjectPaths, 'content'>): ThemeAssets {
  const fontFile = path.join(path.dirname(require.resolve('vazirmatn/package.json')), 'fonts/webfonts/Vazirmatn[wght].woff2');
  const font = readFileSync(fontFile);
  const fontPath = fingerprinted('vazirmatn.woff2', font);
  const fontUrl = withBase(site.basePath, fontPath);
  const fontFace = `@font-face {
  font-family: Vazirmatn;
  src: url("${fontUrl}") format("woff2");
  font-weight: 100 900;
  font-style: normal;
  font-display: swap;
}
`;
  const css = Buffer.from(fontFace + readFileSync(path.join(templatesDir, 'assets/style.css'), 'utf8'));
  const cssPath = fingerprinted('style.css', css);
  const outputs: Output[] = [
    { path: fontPath, key: hashBytes(font), content: () => font },
    { path: cssPath, key: hashBytes(css), content: () => css },
  ];
  // A theme of its own may leave the script out: pages then work without it, as they must anyway.
  let script = '';
  const scriptFile = path.join(templatesDir, 'assets/share.js');
  if (existsSync(scriptFile)) {
    const js = readFileSync(scriptFile);
    const jsPath = fingerprinted('share.js', js);
    script = withBase(site.basePath, jsPath);
    outputs.push({ path: jsPath, key: hashBytes(js), content: () => js });
  }
  const brand = brandImages(site, paths);
  outputs.push(...brand.outputs);
  return { css: withBase(site.basePath, cssPath), font: fontUrl, script, brand: { share: brand.share, logo: brand.logo }, outputs };
}
