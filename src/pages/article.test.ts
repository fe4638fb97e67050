import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePaths } from '../config/index.ts';
import { isContentFailure } from '../diagnostics/index.ts';
import type { SiteModel } from '../site/index.ts';
import type { Article } from '../validate/index.ts';
import { articleOutputs } from './article.ts';
import { ImageLibrary } from './images/index.ts';
import type { DataOutput } from './output.ts';
import { PNG } from '../../test/helpers/images.ts';


// A checked article with one image; the model only has to answer what an article page asks first.
function setup() {
  const parent = mkdtempSync(path.join(tmpdir(), 'bayegan-publish-'));
  const root = path.join(parent, 'site');
  mkdirSync(path.join(root, 'content/news'), { recursive: true });
  writeFileSync(path.join(root, 'content/news/map.png'), PNG);
  writeFileSync(path.join(parent, 'secret.txt'), 'root:x:0:0\n');
  const article = { path: 'content/news/1.md', hash: 'h', shenaseh: 1, tags: [], assets: ['map.png'], aliases: [] } as unknown as Article;
  const model = { neighbours: () => ({ related: [] }) } as unknown as SiteModel;
  const paths = resolvePaths({ root });
  const image = () => articleOutputs(article, model, { key: 'k', context: {} as never }, paths, { key: 'b', path: article.path, abs: '' }, new ImageLibrary(paths, { basePath: '/', baseUrl: 'https://test.example/' }))[1] as DataOutput;
  return { parent, root, image, file: path.join(root, 'content/news/map.png') };
}

async function failure(output: DataOutput): Promise<string> {
  try {
    await output.content();
  } catch (error) {
    if (!isContentFailure(error)) throw error;
    return error.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.message} [${d.ruleId}]`).join('\n');
  }
  return 'published';
}

describe('an image is judged again as it is published', () => {
  it('publishes the bytes of a real image', async () => {
    const { parent, image } = setup();
    expect(Buffer.from(await image().content())).toEqual(PNG);
    rmSync(parent, { recursive: true });
  });

  it('refuses a file swapped after check for a link out of the project, a FIFO, or another kind of file', async () => {
    const { parent, image, file } = setup();
    rmSync(file);
    symlinkSync(path.join(parent, 'secret.txt'), file);
    expect(await failure(image())).toBe('content/news/1.md:1:1: Unexpected image path `map.png`, expected a file inside the project: it is a symbolic link to a file outside it [image-path]');
    rmSync(file);
    writeFileSync(file, '<svg onload="alert(1)"/>');
    expect(await failure(image())).toBe('content/news/1.md:1:1: Unexpected image `map.png` whose bytes are an SVG image, expected PNG, JPEG, GIF, WebP or AVIF data [image-format]');
    // Reading a FIFO would wait for a writer for ever: it is never opened.
    rmSync(file);
    execFileSync('mkfifo', [file]);
    expect(await failure(image())).toBe('content/news/1.md:1:1: Unexpected image `map.png`, expected a regular file: it is a FIFO, a device or a socket [image-format]');
    rmSync(parent, { recursive: true });
  });
});
