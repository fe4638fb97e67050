import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus.ts';

/**
 * A build killed at any moment leaves the site it was replacing or the one it was making,
 * never a mix, and the next build gives a clean build's bytes. Real processes, real signals,
 * kill times drawn from a seeded generator so a failure can be replayed.
 */
const repo = path.resolve(import.meta.dirname, '../..');
const ARTICLES = Number(process.env.BAYEGAN_KILL_ARTICLES ?? 2000);
const SEED = Number(process.env.BAYEGAN_KILL_SEED ?? 20261201);

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every file of a folder and the digest of its bytes, in one string. */
function treeHash(dir: string): string {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  const hash = createHash('sha1');
  for (const file of files) hash.update(`${file}\0`).update(readFileSync(path.join(dir, file))).update('\0');
  return `${files.length}:${hash.digest('hex')}`;
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  ms: number;
}

/** Run `bayegan build` in a child process; kill it with `signal` after `afterMs` if given. */
function runBuild(root: string, kill?: { signal: NodeJS.Signals; afterMs: number }): Promise<Run> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(repo, 'bin/bayegan.mjs'), 'build', '--root', root], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = kill && setTimeout(() => child.kill(kill.signal), kill.afterMs);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr, ms: performance.now() - started });
    });
  });
}

function setTitle(root: string, title: string): void {
  const file = path.join(root, 'content/site.yml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, `title: ${title}`));
}

describe('a killed build', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bayegan-kill-'));
  const trees: Record<string, string> = {};
  let fullMs = 0;

  beforeAll(async () => {
    generateCorpus(root, ARTICLES, 7);
    // The two sites a trial moves between: every page differs (the title is on every page).
    for (const title of ['بایگان الف', 'بایگان ب']) {
      setTitle(root, title);
      const run = await runBuild(root);
      expect(run.code, run.stderr).toBe(0);
      trees[title] = treeHash(path.join(root, 'dist'));
      fullMs = Math.max(fullMs, run.ms);
    }
  }, 600_000);

  it('leaves the old site or the new one, whole, and the next build makes the clean one', async () => {
    const next = random(SEED);
    let current = 'بایگان ب';
    for (const signal of ['SIGKILL', 'SIGINT', 'SIGKILL', 'SIGTERM'] as const) {
      const target = current === 'بایگان الف' ? 'بایگان ب' : 'بایگان الف';
      setTitle(root, target);
      const afterMs = Math.round(fullMs * (0.1 + 0.9 * next()));
      const killed = await runBuild(root, { signal, afterMs });
      const now = treeHash(path.join(root, 'dist'));
      const trial = `${signal} after ${afterMs} ms (seed ${SEED})`;
      expect([trees['بایگان الف'], trees['بایگان ب']], trial).toContain(now);
      if (killed.code !== 0 && signal !== 'SIGKILL') {
        expect(killed.code, trial).toBe(signal === 'SIGINT' ? 130 : 143);
        expect(killed.stderr, trial).toContain(`stopped by ${signal}; the site in the output folder is the one before this build`);
      }
      const finished = await runBuild(root);
      expect(finished.code, `${trial}: ${finished.stderr}`).toBe(0);
      expect(treeHash(path.join(root, 'dist')), trial).toBe(trees[target]);
      current = target;
    }
  }, 900_000);

  it('lets two builds started at once both finish, one after the other', async () => {
    setTitle(root, 'بایگان الف');
    const [a, b] = await Promise.all([runBuild(root), runBuild(root)]);
    expect([a.code, b.code], a.stderr + b.stderr).toEqual([0, 0]);
    expect(a.stderr + b.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(treeHash(path.join(root, 'dist'))).toBe(trees['بایگان الف']);
  }, 600_000);
});
