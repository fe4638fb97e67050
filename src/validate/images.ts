import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { quote, report, type Point } from '../diagnostics/index.ts';
import { IMAGE_EXTENSIONS, isInside, MAX_IMAGE_BYTES, readImageFile, type ImageProblem } from '../load/index.ts';
import type { Reference } from '../parse/index.ts';
import type { CheckedSource } from './article.ts';
import type { LinkContext } from './links.ts';
import { decodedPath, internalTarget, outputFileOf } from './site-paths.ts';

const SCHEME = /^[a-z][a-z\d+.-]*:/i;
const FORMATS = 'PNG, JPEG, GIF, WebP or AVIF';
const LOOKS: Record<string, string> = { SVG: 'an SVG image', HTML: 'HTML', text: 'text' };

/** Folder listings read so far in one run: an archive's images share a few folders. */
export type Listings = Map<string, ReadonlySet<string>>;

/** True when the folder of `abs` lists a name with exactly this case (servers are case-sensitive even where the editor's disk is not). */
export function isListed(abs: string, listings: Listings = new Map()): boolean {
  const folder = path.dirname(abs);
  let names = listings.get(folder);
  if (!names) {
    try {
      names = new Set(readdirSync(folder));
    } catch {
      names = new Set();
    }
    listings.set(folder, names);
  }
  return names.has(path.basename(abs));
}

const KEEP_NEAR = 'Keep an article’s images next to it (for example `21015-map.png`) and write the file name, so they are published with it.';

function badPath(file: VFile, image: Reference, expected: string, note = KEEP_NEAR): void {
  report(file, `Unexpected image path ${quote(image.url)}, expected ${expected}`, { ruleId: 'image-path', place: image, note });
}

// Why a relative reference cannot name a file below the article's folder, judged after decoding.
function relativeProblem(decoded: string): string | undefined {
  if (decoded.includes('\\')) return 'a path with `/` between folders, not `\\`';
  if (/[\u0000-\u001f\u007f-\u009f]/.test(decoded)) return 'a file name without control characters';
  const segments = decoded.replace(/^\.\//, '').split('/');
  if (segments.includes('..')) return 'a file in the article’s folder or below it';
  // So that the name published is the name checked: `a/./b.png` and `a//b.png` would be `a/b.png` on disk.
  if (segments.some((s) => s === '.' || s === '')) return 'a path without `.` or empty segments';
  return undefined;
}

// The message and note of a file that is there but cannot be published as an image.
function describeProblem(problem: Exclude<ImageProblem, { kind: 'missing' | 'outside' }>, url: string): { message: string; note: string } {
  const convert = `Export the picture as ${FORMATS} and refer to that file.`;
  switch (problem.kind) {
    case 'folder':
      return { message: `Unexpected image ${quote(url)}, expected a file: it is a folder`, note: 'Write the name of an image file inside the folder.' };
    case 'special':
      return {
        message: `Unexpected image ${quote(url)}, expected a regular file: it is a FIFO, a device or a socket`,
        note: 'bayegan never reads such files (reading a FIFO would wait for ever); put a real image file there.',
      };
    case 'unreadable':
      return {
        message: `Unexpected image ${quote(url)} that cannot be read (${problem.reason}), expected a file bayegan can read`,
        note: problem.reason === 'permission denied' ? 'Give the file read permission (`chmod a+r`).' : 'Replace it with a plain copy of the image.',
      };
    case 'too-large':
      return { message: `Unexpected image ${quote(url)} of ${problem.size} bytes, expected at most ${MAX_IMAGE_BYTES} bytes (32 MiB)`, note: 'Resize or compress the picture; a news photo is rarely more than 1 MB.' };
    case 'extension':
      return problem.extension === '.svg'
        ? { message: `Unexpected SVG image ${quote(url)}, expected ${FORMATS}`, note: `An SVG can carry scripts that would run on the site; bayegan does not publish SVG. ${convert}` }
        : {
            message: `Unexpected file ${quote(url)} as an image, expected a name ending in ${IMAGE_EXTENSIONS.join(', ')}`,
            note: `Only images are published beside an article (an HTML page or a document would be served from the site’s own address). ${convert}`,
          };
    case 'bytes':
      return {
        message: `Unexpected image ${quote(url)} whose bytes are ${LOOKS[problem.looks] ?? 'not an image'}, expected ${FORMATS} data`,
        note: `The name says image, the content does not: bayegan publishes a file as an image only when its bytes are one. ${convert}`,
      };
  }
}

/** Report why a file referred to as an image (`url`, at `place`) is not published: `missing-image`, `image-path` or `image-format`. */
export function reportImageProblem(file: VFile, url: string, problem: ImageProblem, place: Point): void {
  if (problem.kind === 'missing') {
    return void report(file, `Unexpected missing image ${quote(url)}, expected a file: it is a symbolic link to nothing`, {
      ruleId: 'missing-image',
      place,
      note: 'Replace the link with the image file itself.',
    });
  }
  if (problem.kind === 'outside') {
    const note = 'bayegan publishes only files inside the project, never what a link out of it points at; put a copy of the image next to the article.';
    return badPath(file, { url, ...place }, 'a file inside the project: it is a symbolic link to a file outside it', note);
  }
  const { message, note } = describeProblem(problem, url);
  report(file, message, { ruleId: 'image-format', place, note });
}

// A relative reference: a file below the article's folder that is really an image inside the project.
function checkLocal(file: VFile, image: Reference, folder: string, root: string, listings: Listings): void {
  const decoded = decodedPath(image.url);
  const problem = relativeProblem(decoded);
  if (problem) return badPath(file, image, problem);
  const target = path.resolve(folder, decoded);
  if (!isInside(target, folder)) return badPath(file, image, 'a file in the article’s folder or below it');
  if (!isListed(target, listings)) {
    return void report(file, `Unexpected missing image ${quote(image.url)}, expected a file at \`${path.relative(root, target).split(path.sep).join('/')}\``, {
      ruleId: 'missing-image',
      place: image,
      note: 'Check the file name (case matters on the server), or add the image next to the article.',
    });
  }
  const checked = readImageFile(target, root, false);
  if ('problem' in checked) reportImageProblem(file, image.url, checked.problem, image);
}

/**
 * Images of one file: the lead image must be a file in the article's folder; a body image a
 * file there, an external URL, or a file the site publishes (another article's image). A file
 * is published only if it is a regular file inside the project, named and made as an image.
 */
export function checkImages(source: CheckedSource, file: VFile, root: string, context: () => LinkContext, listings: Listings): void {
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
      if (image.lead) badPath(file, image, 'a file in the article’s folder, written as its file name');
      else if (url.startsWith('/') && !url.startsWith('//')) {
        // The site's paths are made only when an image names one of them.
        const site = context();
        const target = internalTarget(url, '/', site.site);
        if (target !== undefined && !site.generated(target) && !site.outputs.has(outputFileOf(target))) {
          report(file, `Unexpected missing image ${quote(url)}, expected a file the site publishes`, {
            ruleId: 'missing-image',
            place: image,
            note: 'bayegan publishes only the images next to articles: put the file beside the article and write its name.',
          });
        }
      }
      continue;
    }
    checkLocal(file, image, folder, root, listings);
  }
}
