import { execFile } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { middleArticle } from '../../scripts/bench-run.ts';
import { generateCorpus } from '../../scripts/gen-corpus.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/bayegan.mjs');
const exec = promisify(execFile);

describe('bin/bayegan.mjs', () => {
  it('bundles the sources on first use and builds with a worker pool from the bundle', { timeout: 240_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-bin-'));
    generateCorpus(root, 120, 3);
    const bundles = path.join(root, 'bundles');
    // Bundles of earlier code: one unused for two days goes when a new one is made, a recent one stays.
    const day = 24 * 60 * 60;
    for (const name of ['0123456789abcdef', 'fedcba9876543210']) mkdirSync(path.join(bundles, name), { recursive: true });
    utimesSync(path.join(bundles, '0123456789abcdef'), Date.now() / 1000 - 2 * day, Date.now() / 1000 - 2 * day);
    const env = { ...process.env, BAYEGAN_BUNDLE_DIR: bundles, BAYEGAN_THREADS: '2' };
    const { stdout } = await exec(process.execPath, [bin, 'build', '--root', root], { env });
    expect(stdout.startsWith(`Built 120 articles into ${root}/dist/ in `)).toBe(true);
    expect(existsSync(path.join(root, 'dist/news/100119/index.html'))).toBe(true);
    const [bundle, ...others] = readdirSync(bundles).filter((name) => name !== 'fedcba9876543210');
    expect(others).toEqual([]);
    expect(readdirSync(bundles)).toContain('fedcba9876543210');
    expect(readdirSync(path.join(bundles, bundle!))).toEqual(expect.arrayContaining(['cli.mjs', 'worker.mjs', 'inspect-worker.mjs']));
    // After an edit, a build looks at the last one's files in a thread of its own, started from the bundle.
    appendFileSync(middleArticle(root), '\nبند تازه.\n');
    const second = await exec(process.execPath, [bin, 'build', '--root', root], { env: { ...env, BAYEGAN_INSPECT_MIN: '0', BAYEGAN_TIMINGS: '1' } });
    expect(second.stderr).toMatch(/pages and outputs and beside them .*the last build's files looked at \d+\.\d\d s/);
    // Without the bundle (tsx from sources) the result is the same command line behaviour.
    const again = await exec(process.execPath, [bin, 'check', '--root', root], { env: { ...env, BAYEGAN_NO_BUNDLE: '1' } });
    expect(again.stderr).toMatch(/120 files checked in [\d.]+ s: 0 errors, 0 warnings/);
  });

  it('exits 1 with diagnostics and no stack trace on bad content', { timeout: 60_000 }, async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-bin-'));
    generateCorpus(root, 3, 3);
    writeFileSync(path.join(root, 'content/news/bad.md'), '---\ntitle: [\n---\nمتن\n');
    const failed = await exec(process.execPath, [bin, 'build', '--root', root], {
      env: { ...process.env, BAYEGAN_BUNDLE_DIR: path.join(root, 'bundles') },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toMatch(/^content\/news\/bad\.md:\d+:\d+: error: .*\[yaml-syntax\]$/m);
    expect((failed as { stderr: string }).stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(path.join(root, 'dist'))).toBe(false);
  });
});
