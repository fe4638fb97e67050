import { describe, expect, it } from 'vitest';
import { describeBytes, sniffImage } from './image-format.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('sniffImage', () => {
  it('knows the raster formats browsers show by their first bytes', () => {
    expect(sniffImage(bytes('\x89PNG\r\n\x1a\n\0\0\0\rIHDR'))).toBe('png');
    expect(sniffImage(bytes('\xff\xd8\xff\xe0\0\x10JFIF'))).toBe('jpeg');
    expect(sniffImage(bytes('GIF87a\x01\0'))).toBe('gif');
    expect(sniffImage(bytes('GIF89a\x01\0'))).toBe('gif');
    expect(sniffImage(bytes('RIFF\x1a\0\0\0WEBPVP8L'))).toBe('webp');
    expect(sniffImage(bytes('\0\0\0\x20ftypavif\0\0\0\0avifmif1miafMA1B'))).toBe('avif');
    // An AVIF sequence, and AVIF named only among the compatible brands.
    expect(sniffImage(bytes('\0\0\0\x18ftypavis\0\0\0\0avismif1'))).toBe('avif');
    expect(sniffImage(bytes('\0\0\0\x1cftypmif1\0\0\0\0mif1avifmiaf'))).toBe('avif');
  });

  it('refuses what only looks like one, and what browsers would not show', () => {
    for (const text of ['', 'PNG', '\x89PNG\r\n', 'GIF88a', 'RIFF\0\0\0\0WAVE', '\xff\xd8', '<svg xmlns="http://www.w3.org/2000/svg"/>', '<!doctype html>', 'just text']) {
      expect(sniffImage(bytes(text)), JSON.stringify(text)).toBeUndefined();
    }
    // HEIC and MP4 are ISO media files too, without an AVIF brand.
    expect(sniffImage(bytes('\0\0\0\x18ftypheic\0\0\0\0mif1heic'))).toBeUndefined();
    expect(sniffImage(bytes('\0\0\0\x18ftypmp42\0\0\0\0mp42isom'))).toBeUndefined();
    // A brand past the box's end does not count.
    expect(sniffImage(bytes('\0\0\0\x10ftypmp42\0\0\0\0avif'))).toBeUndefined();
  });

  it('says what a file that is not an image seems to be', () => {
    expect(describeBytes(bytes('<?xml version="1.0"?>\n<!-- Inkscape -->\n<svg>'))).toBe('SVG');
    expect(describeBytes(bytes('\xef\xbb\xbf  <svg onload="x()">'))).toBe('SVG');
    expect(describeBytes(bytes('<!doctype html><script>'))).toBe('HTML');
    expect(describeBytes(Buffer.from('متن فارسی\n'))).toBe('text');
    expect(describeBytes(bytes('\0\x01\x02PK'))).toBe('data');
  });
});
