import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { quote, report } from '../diagnostics/index.ts';
import type { Reference } from '../parse/index.ts';
import type { CheckedSource } from './article.ts';
import type { LinkContext } from './links.ts';
import { decodedPath, internalTarget, outputFileOf } from './site-paths.ts';

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/** Folder listings read so far in one run: an archive's images share a few folders. */
export type Listings = Map<string, ReadonlySet<string>>;

/** True when `abs` is a file whose name has exactly this case (servers are case-sensitive even where the editor's disk is not). */
export function isExactFile(abs: string, listings: Listings = new Map()): boolean {
  const folder = path.dirname(abs);
  try {
    if (!statSync(abs).isFile()) return false;
    let names = listings.get(folder);
    if (!names) listings.set(folder, (names = new Set(readdirSync(folder))));
    return names.has(path.basename(abs));
  } catch {
    return false;
  }
}

function outside(file: VFile, image: Reference, expected: string): void {
  report(file, `Unexpected image path ${quote(image.url)}, expected ${expected}`, {
    ruleId: 'image-path',
    place: image,
    note: 'Keep an article’s images next to it (for example `21015-map.png`) and write the file name, so they are published with it.',
  });
}

/**
 * Images of one file: the lead image must be a file in the article's folder; a body image a
 * file there, an external URL, or a file the site publishes (another article's image).
 */
export function checkImages(source: CheckedSource, file: VFile, root: string, context: LinkContext, listings: Listings): void {
  const folder = path.dirname(path.join(root, source.path));
  const lead = source.image ? [{ ...source.image, lead: true }] : [];
  // One missing file is one mistake, however often the file is used.
  const seen = new Set<string>();
  for (const image of [...lead, ...source.images.map((i) => ({ ...i, lead: false }))]) {
    const url = image.url;
    if (seen.has(url)) continue;
    seen.add(url);
    if (url === '' || url.startsWith('#') || /^data:/i.test(url)) continue;
    if (SCHEME.test(url) || url.startsWith('//') || url.startsWith('/')) {
      if (image.lead) outside(file, image, 'a file in the article’s folder, written as its file name');
      else if (url.startsWith('/') && !url.startsWith('//')) {
        const target = internalTarget(url, '/', context.site);
        if (target !== undefined && !context.generated(target) && !context.outputs.has(outputFileOf(target))) {
          report(file, `Unexpected missing image ${quote(url)}, expected a file the site publishes`, {
            ruleId: 'missing-image',
            place: image,
            note: 'bayegan publishes only the images next to articles: put the file beside the article and write its name.',
          });
        }
      }
      continue;
    }
    const target = path.resolve(folder, decodedPath(url));
    if (!target.startsWith(folder + path.sep)) outside(file, image, 'a file in the article’s folder or below it');
    else if (!isExactFile(target, listings)) {
      report(file, `Unexpected missing image ${quote(url)}, expected a file at \`${path.relative(root, target).split(path.sep).join('/')}\``, {
        ruleId: 'missing-image',
        place: image,
        note: 'Check the file name (case matters on the server), or add the image next to the article.',
      });
    }
  }
}
