import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentFailure } from '../diagnostics/index.ts';
import { loadSiteConfig } from './load.ts';
import { resolvePaths } from './paths.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

function project(extra: string, files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bayegan-brand-'));
  mkdirSync(path.join(root, 'content/brand'), { recursive: true });
  writeFileSync(path.join(root, 'content/site.yml'), `title: آزمایش\nbaseUrl: https://test.example/\nservices:\n  - slug: a\n    name: الف\n${extra}`);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(root, name), bytes);
  return root;
}

function problems(root: string): string[] {
  try {
    loadSiteConfig(resolvePaths({ root }));
    return [];
  } catch (error) {
    if (!(error instanceof ContentFailure)) throw error;
    return error.diagnostics.map((d) => `${d.line}:${d.column} ${d.ruleId}: ${d.message}`);
  }
}

describe('the image and logo settings', () => {
  it('accept PNG, JPEG and WebP files inside content/', () => {
    const root = project('image: brand/share.png\nlogo: brand/logo.png\n', { 'content/brand/share.png': PNG, 'content/brand/logo.png': PNG });
    expect(problems(root)).toEqual([]);
    expect(loadSiteConfig(resolvePaths({ root }))).toMatchObject({ image: 'brand/share.png', logo: 'brand/logo.png' });
  });

  it('refuse a path out of content/, a missing file, a link out of the project and bytes that are not an image', () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'bayegan-outside-'));
    writeFileSync(path.join(outside, 'secret.png'), PNG);
    const root = project('image: ../../etc/passwd\nlogo: brand/none.png\n');
    expect(problems(root)).toEqual([
      '6:8 site-settings: Unexpected `image: ../../etc/passwd`, expected a path inside `content/`, relative to it',
      '7:7 site-settings: Unexpected `logo: brand/none.png`, expected a file at `content/brand/none.png`',
    ]);
    const linked = project('image: brand/link.png\nlogo: brand/text.png\n', { 'content/brand/text.png': 'not an image' });
    symlinkSync(path.join(outside, 'secret.png'), path.join(linked, 'content/brand/link.png'));
    expect(problems(linked)).toEqual([
      '6:8 site-settings: Unexpected `image: brand/link.png`, expected a regular file inside `content/` (not a folder or a link out of it)',
      '7:7 site-settings: Unexpected `logo: brand/text.png`, expected a PNG, JPEG or WebP image',
    ]);
  });
});
