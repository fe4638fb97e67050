import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus.ts';

/**
 * A build that writes a whole site runs in a second process with glibc's arenas capped
 * (src/cli/launch.ts): the process asked for it waits for it, passes signals on, and the build
 * never outlives it. Real processes, looked at through /proc (Linux, where the cap applies).
 */
const bin = path.resolve(import.meta.dirname, '../../bin/bayegan.mjs');
const linux = process.platform === 'linux';

interface Started {
  pid: number;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

function startBuild(root: string, env: NodeJS.ProcessEnv = {}): Started {
  const child = spawn(process.execPath, [bin, 'build', '--root', root], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, MALLOC_ARENA_MAX: undefined, GLIBC_TUNABLES: undefined, ...env } });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { pid: child.pid!, done: new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr }))) };
}

/** The processes whose parent is `pid`, with their command line and environment. */
function children(pid: number): Array<{ pid: number; argv: string[]; env: string[] }> {
  return readdirSync('/proc').flatMap((name) => {
    if (!/^\d+$/.test(name)) return [];
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== pid) return [];
      const argv = readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').filter(Boolean);
      const env = readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').filter(Boolean);
      return [{ pid: Number(name), argv, env }];
    } catch {
      return [];
    }
  });
}

/** The build process a launcher started, once it is there (undefined if the launcher ended first). */
async function buildChild(started: Started): Promise<{ pid: number; env: string[] } | undefined> {
  let ended = false;
  void started.done.then(() => (ended = true));
  while (!ended) {
    // By the variable it is started with: a child between fork and exec (Pagefind's, say) still
    // shows its parent's command line.
    const found = children(started.pid).find((c) => c.argv.includes(bin) && c.env.includes('BAYEGAN_RESTARTED=1'));
    if (found) return found;
    await sleep(20);
  }
  return undefined;
}

function alive(pid: number): boolean {
  return existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

describe.skipIf(!linux)('a build that writes a whole site', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bayegan-launch-'));
  beforeAll(() => generateCorpus(root, 400, 5));

  it('runs in a process of its own with capped arenas, then the next build runs where it is asked', { timeout: 240_000 }, async () => {
    const first = startBuild(root);
    const child = await buildChild(first);
    expect(child?.env).toEqual(expect.arrayContaining(['MALLOC_ARENA_MAX=2']));
    const done = await first.done;
    expect(done.code, done.stderr).toBe(0);
    expect(existsSync(path.join(root, 'dist/news/100399/index.html'))).toBe(true);
    // A site is there now: an edit is built by the process asked for it.
    const second = startBuild(root);
    expect(await buildChild(second)).toBeUndefined();
    expect((await second.done).code).toBe(0);
  });

  it('is not started again under the user\'s own setting', { timeout: 240_000 }, async () => {
    const own = mkdtempSync(path.join(tmpdir(), 'bayegan-launch-'));
    generateCorpus(own, 20, 5);
    const started = startBuild(own, { MALLOC_ARENA_MAX: '4' });
    expect(await buildChild(started)).toBeUndefined();
    expect((await started.done).code).toBe(0);
  });

  it('says so when the build process is killed', { timeout: 240_000 }, async () => {
    const fresh = mkdtempSync(path.join(tmpdir(), 'bayegan-launch-'));
    generateCorpus(fresh, 400, 5);
    const started = startBuild(fresh);
    const child = await buildChild(started);
    await sleep(1500);
    process.kill(child!.pid, 'SIGKILL');
    const done = await started.done;
    expect(done.code).toBe(137);
    expect(done.stderr).toContain("bayegan: the build's process was killed by SIGKILL (out of memory, or kill -9); the output folder holds a whole site");
    expect(done.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops when the process asked for it is stopped or killed', { timeout: 240_000 }, async () => {
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const fresh = mkdtempSync(path.join(tmpdir(), 'bayegan-launch-'));
      generateCorpus(fresh, 400, 5);
      const started = startBuild(fresh);
      const child = await buildChild(started);
      expect(child, signal).toBeDefined();
      await sleep(1500);
      process.kill(started.pid, signal);
      const done = await started.done;
      if (signal === 'SIGTERM') {
        // Passed on: the build stops as it does on SIGTERM, and says so.
        expect(done.code).toBe(143);
        expect(done.stderr).toContain('stopped by SIGTERM; the site in the output folder is the one before this build');
      }
      // Killed or not, the build process does not run on without it.
      for (let waited = 0; alive(child!.pid) && waited < 10_000; waited += 50) await sleep(50);
      expect(alive(child!.pid), signal).toBe(false);
      // No site was published, and the output folder is free: the next build is not kept waiting.
      expect(existsSync(path.join(fresh, 'dist/index.html'))).toBe(false);
      const next = startBuild(fresh);
      const after = await next.done;
      expect(after.code, after.stderr).toBe(0);
      expect(after.stderr).not.toContain('Waiting for another build');
    }
  });
});
