import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packageRoot, withBase, type SiteConfig } from '../config/index.ts';
import { hashBytes } from '../load/index.ts';
import type { Output } from './output.ts';

// From the package root, so that the font is found from the sources and from a bundle alike.
const require = createRequire(path.join(packageRoot, 'package.json'));

/** The theme's static files, fingerprinted so a CDN may cache them for ever. */
export interface ThemeAssets {
  /** URL of the stylesheet (with the base path). */
  css: string;
  /** URL of the Vazirmatn variable font (with the base path). */
  font: string;
  outputs: Output[];
}

function fingerprinted(name: string, bytes: Uint8Array): string {
  const dot = name.lastIndexOf('.');
  return `/assets/${name.slice(0, dot)}.${hashBytes(bytes).slice(0, 10)}${name.slice(dot)}`;
}

/** Vazirmatn (self-hosted, from the `vazirmatn` package) and the stylesheet of `templates/assets/`. */
export function themeAssets(templatesDir: string, site: SiteConfig): ThemeAssets {
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
  return {
    css: withBase(site.basePath, cssPath),
    font: fontUrl,
    outputs: [
      { path: fontPath, key: hashBytes(font), content: () => font },
      { path: cssPath, key: hashBytes(css), content: () => css },
    ],
  };
}
