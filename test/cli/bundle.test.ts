import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript without type declarations (it runs before TypeScript can load).
import { digest } from '../../bin/bundle.mjs';

function project(source: string): string {
  const root = mkdtempSync(path.join(tmpdir(), 'bayegan-digest-'));
  mkdirSync(path.join(root, 'src/cli'), { recursive: true });
  writeFileSync(path.join(root, 'package.json'), '{"name":"bayegan"}');
  writeFileSync(path.join(root, 'src/cli/main.ts'), source);
  return root;
}

describe('the bundle digest (the code version every cache is keyed by)', () => {
  it('is the same for the same sources whatever their file times, as in a fresh clone', () => {
    const first = project('export const a = 1;\n');
    const second = project('export const a = 1;\n');
    utimesSync(path.join(second, 'src/cli/main.ts'), new Date('2020-01-01'), new Date('2020-01-01'));
    expect(digest('0.25.0', second)).toBe(digest('0.25.0', first));
  });

  it('changes with a source, package.json or esbuild', () => {
    const root = project('export const a = 1;\n');
    const before = digest('0.25.0', root);
    expect(digest('0.26.0', root)).not.toBe(before);
    writeFileSync(path.join(root, 'src/cli/main.ts'), 'export const a = 2;\n');
    const edited = digest('0.25.0', root);
    expect(edited).not.toBe(before);
    writeFileSync(path.join(root, 'package.json'), '{"name":"bayegan","version":"2"}');
    expect(digest('0.25.0', root)).not.toBe(edited);
  });
});
