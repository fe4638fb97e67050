import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { run } from './cli.ts';

const repo = path.resolve(import.meta.dirname, '../..');

/** Build a copy of the sample archive (`content/`) for `baseUrl`; returns the project folder. */
export async function buildSample(baseUrl: string, root = mkdtempSync(path.join(tmpdir(), 'bayegan-sample-'))): Promise<string> {
  cpSync(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
  const { code, err } = await run(['build', '--root', root, '--base-url', baseUrl]);
  expect(code, err).toBe(0);
  return root;
}

export { serveUnder } from './static-server.ts';
