import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// Which of sharp's files a fresh process has loaded after running `code` (ES module text).
function sharpLoadedAfter(code: string): string[] {
  const script = `${code}\nconst { createRequire } = await import('node:module');\nconsole.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('sharp'))));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as string[];
}

describe('sharp (libvips, ~20 MB per thread) is loaded only where images are drawn or resized', () => {
  it('is not loaded by a page or search thread', () => {
    expect(sharpLoadedAfter(`await import(${JSON.stringify(pathToFileURL(path.join(root, 'src/build/tasks.ts')).href)});`)).toEqual([]);
  });

  it('is loaded when asked for, once, with its settings', () => {
    const loaded = sharpLoadedAfter(
      `const { sharp } = await import(${JSON.stringify(pathToFileURL(path.join(root, 'src/pages/images/sharp.ts')).href)});\nif (sharp() !== sharp() || sharp().concurrency() > 4) throw new Error('not one sharp');`,
    );
    expect(loaded.length).toBeGreaterThan(0);
  });
});
