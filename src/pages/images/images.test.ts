import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pictureBody } from './body.ts';
import { ImageFactsCache, factsOfBytes } from './facts.ts';
import { ResizeCache } from './resize.ts';
import { contentPicture, contentVariants, srcsetWidths, thumbVariants } from './variants.ts';

const facts = (width: number, height: number, type = 'png') => ({ hash: 'a'.repeat(64), width, height, type, resizable: true });

async function png(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699' } }).png().toBuffer();
}

describe('variants', () => {
  it('offers the standard widths below the image’s own, never wider than it', () => {
    expect(srcsetWidths(facts(640, 360))).toEqual([360, 540, 640]);
    expect(srcsetWidths(facts(300, 200))).toEqual([300]);
    expect(srcsetWidths(facts(4000, 3000))).toEqual([360, 540, 720, 1080, 1440]);
  });

  it('uses a narrow PNG or JPEG itself as the fallback, and makes one for a wide or WebP image', () => {
    expect(contentVariants(facts(640, 360)).map((v) => v.suffix)).toEqual(['.360w.webp', '.540w.webp', '.640w.webp']);
    expect(contentVariants(facts(4000, 3000, 'jpg')).at(-1)).toMatchObject({ suffix: '.1200w.jpg', width: 1200, height: 900, format: 'jpeg' });
    expect(contentVariants(facts(800, 600, 'webp')).at(-1)).toMatchObject({ suffix: '.800w.png', format: 'png' });
    expect(contentPicture('/news/1/a.png', facts(640, 360))).toEqual({
      src: '/news/1/a.png',
      srcset: '/news/1/a.png.360w.webp 360w, /news/1/a.png.540w.webp 540w, /news/1/a.png.640w.webp 640w',
      width: 640,
      height: 360,
    });
  });

  it('shows an image too large to resize safely as it is', () => {
    const bomb = { ...facts(30000, 30000), resizable: false };
    expect(contentVariants(bomb)).toEqual([]);
    expect(contentPicture('/x.png', bomb)).toEqual({ src: '/x.png', srcset: '', width: 30000, height: 30000 });
  });
});

describe('facts', () => {
  it('reads size and type from the bytes, and refuses what is not an image', async () => {
    expect(factsOfBytes(await png(64, 48))).toMatchObject({ width: 64, height: 48, type: 'png', resizable: true });
    expect(factsOfBytes(Buffer.from('<svg/>not really'))).toBeUndefined();
  });

  it('remembers facts between builds, and never trusts a damaged record', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bayegan-facts-'));
    const image = path.join(dir, 'a.png');
    writeFileSync(image, await png(64, 48));
    expect(new ImageFactsCache(path.join(dir, 'cache'), (abs) => readFileSync(abs)).get(image)).toMatchObject({ width: 64 });
    const folder = path.join(dir, 'cache/images/facts');
    const [record] = readdirSync(folder);
    writeFileSync(path.join(folder, record!), readFileSync(path.join(folder, record!), 'utf8').replace('"width":64', '"width":6400'));
    expect(new ImageFactsCache(path.join(dir, 'cache'), (abs) => readFileSync(abs)).get(image)).toMatchObject({ width: 64, height: 48 });
  });
});

describe('the resize cache', () => {
  it('resizes once: a second build reads the copy, and a damaged copy is made again', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bayegan-resize-'));
    const image = path.join(dir, 'a.png');
    writeFileSync(image, await png(800, 600));
    const variant = contentVariants(factsOfBytes(readFileSync(image))!)[0]!;
    const first = await new ResizeCache(dir, (abs) => readFileSync(abs)).bytes(image, 'h', variant);
    expect(await sharp(first).metadata()).toMatchObject({ format: 'webp', width: 360, height: 270 });
    // The source is gone: only the cache can answer.
    writeFileSync(image, 'gone');
    expect(Buffer.from(await new ResizeCache(dir, (abs) => readFileSync(abs)).bytes(image, 'h', variant)).equals(first)).toBe(true);
    const copies = path.join(dir, 'images/resized');
    const shard = readdirSync(copies)[0]!;
    const copy = readdirSync(path.join(copies, shard)).find((f) => f.endsWith('.webp'))!;
    writeFileSync(path.join(copies, shard, copy), 'damaged');
    writeFileSync(image, await png(800, 600));
    const again = await new ResizeCache(dir, (abs) => readFileSync(abs)).bytes(image, 'h', variant);
    expect((await sharp(again).metadata()).width).toBe(360);
  });

  it('crops thumbnails to their fixed size', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bayegan-thumb-'));
    const image = path.join(dir, 'a.png');
    writeFileSync(image, await png(300, 900));
    const [thumb] = thumbVariants();
    expect(await sharp(await new ResizeCache(dir, (abs) => readFileSync(abs)).bytes(image, 'x', thumb!)).metadata()).toMatchObject({ width: 120, height: 90 });
  });
});

describe('pictureBody', () => {
  const pictures = { 'map.png': contentPicture('/news/1/map.png', facts(640, 360)) };

  it('gives a body image beside the article its size, a WebP srcset and a fallback, keeping its alt', () => {
    const html = pictureBody('<p><img src="map.png" alt="نقشه > مسیر" loading="lazy" decoding="async"></p>', pictures);
    expect(html).toBe(
      '<p><picture><source type="image/webp" srcset="/news/1/map.png.360w.webp 360w, /news/1/map.png.540w.webp 540w, /news/1/map.png.640w.webp 640w" sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)">' +
        '<img src="/news/1/map.png" width="640" height="360" alt="نقشه > مسیر" loading="lazy" decoding="async"></picture></p>',
    );
  });

  it('leaves other images alone', () => {
    const html = '<img src="https://example.org/x.png" alt=""><img src="/news/2/map.png" alt=""><img src="other.png" alt="">';
    expect(pictureBody(html, pictures)).toBe(html);
  });
});
