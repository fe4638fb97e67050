import { afterEach } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `dir`, relative to it with `/`, sorted. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * Lets a test name the code version (`BAYEGAN_CODE_VERSION`, a bundle's digest), without which
 * the up-to-date check never runs; the variable is put back after each test of the file.
 */
export function codeVersion(): (name: string) => void {
  const before = process.env.BAYEGAN_CODE_VERSION;
  afterEach(() => void (before === undefined ? delete process.env.BAYEGAN_CODE_VERSION : (process.env.BAYEGAN_CODE_VERSION = before)));
  return (name) => void (process.env.BAYEGAN_CODE_VERSION = name);
}

/**
 * True for a file of the output that readers are served: not one the host reads (`_headers`,
 * `_redirects`) nor the writer's own record of the folder (`.bayegan-output`).
 */
export function isServedFile(file: string): boolean {
  return !['_headers', '_redirects', '.bayegan-output'].includes(file);
}
