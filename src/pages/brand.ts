import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { absoluteUrl, packageRoot, type ProjectPaths, type SiteConfig } from '../config/index.ts';
import { factsOfBytes, sharp } from './images/index.ts';
import type { DataOutput } from './output.ts';

const require = createRequire(path.join(packageRoot, 'package.json'));

/** An image of the site itself: the default `og:image`, or the publisher's logo. */
export interface BrandImage {
  /** Absolute URL. */
  url: string;
  width: number;
  height: number;
  alt: string;
}

// The theme's accent and a white title: the same contrast as the header.
const BACKGROUND = '#961f19';
const SHAPES = { share: { width: 1200, height: 630, pad: 120 }, logo: { width: 512, height: 512, pad: 64 } } as const;

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The site's title, white on the accent colour, set in Vazirmatn Bold as large as fits. */
function fontFile(): string {
  return path.join(path.dirname(require.resolve('vazirmatn/package.json')), 'fonts/ttf/Vazirmatn-Bold.ttf');
}

async function drawTitle(title: string, shape: keyof typeof SHAPES): Promise<Buffer> {
  const { width, height, pad } = SHAPES[shape];
  const fontfile = fontFile();
  const text = await sharp()({
    text: {
      text: `<span foreground="#ffffff">${escapeMarkup(title)}</span>`,
      font: 'Vazirmatn Bold',
      fontfile,
      width: width - 2 * pad,
      height: Math.round((height - 2 * pad) * (shape === 'share' ? 0.6 : 0.5)),
      align: 'centre',
      rgba: true,
    },
  })
    .png()
    .toBuffer();
  return sharp()({ create: { width, height, channels: 3, background: BACKGROUND } })
    .composite([{ input: text, gravity: 'centre' }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

function fingerprint(name: string, key: string, ext: string): string {
  return `/assets/${name}.${key.slice(0, 10)}.${ext}`;
}

function brandImage(
  shape: keyof typeof SHAPES,
  file: string | undefined,
  config: SiteConfig,
  paths: Pick<ProjectPaths, 'content'>,
): { image: BrandImage; output: DataOutput } {
  const alt = config.title;
  if (file !== undefined) {
    // Checked when the settings were read: a regular image file inside content/.
    const bytes = readFileSync(path.join(paths.content, file));
    const facts = factsOfBytes(bytes)!;
    const sitePath = fingerprint(shape, facts.hash, path.extname(file).slice(1).toLowerCase());
    return {
      image: { url: absoluteUrl(config.baseUrl, sitePath), width: facts.width, height: facts.height, alt },
      output: { path: sitePath, key: facts.hash, content: () => bytes },
    };
  }
  // Everything the drawn bytes depend on, the font's version included.
  const font = (require('vazirmatn/package.json') as { version: string }).version;
  const key = createHash('sha256').update(JSON.stringify([shape, config.title, BACKGROUND, SHAPES[shape], sharp().versions, font])).digest('hex');
  const sitePath = fingerprint(shape, key, 'png');
  const { width, height } = SHAPES[shape];
  return {
    image: { url: absoluteUrl(config.baseUrl, sitePath), width, height, alt },
    output: { path: sitePath, key, content: () => drawTitle(config.title, shape) },
  };
}

/**
 * The site's default share image (`image` in site.yml, else the title drawn on the accent colour,
 * 1200×630) and its logo for the publisher of JSON-LD (`logo`, else the title on a 512×512 square).
 */
export function brandImages(config: SiteConfig, paths: Pick<ProjectPaths, 'content'>) {
  const share = brandImage('share', config.image, config, paths);
  const logo = brandImage('logo', config.logo, config, paths);
  return { share: share.image, logo: logo.image, outputs: [share.output, logo.output] };
}

/** The site's own image files (`image`, `logo`), absolute: inputs of a build like articles' images. */
export function brandFiles(config: Pick<SiteConfig, 'image' | 'logo'>, paths: Pick<ProjectPaths, 'content'>): string[] {
  return [config.image, config.logo].filter((file): file is string => file !== undefined).map((file) => path.join(paths.content, file));
}
