import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const repo = path.resolve(import.meta.dirname, '../..');

// README, "Start your own archive": from an empty folder to a built site, with bayegan installed
// as a package (packed from this checkout, as a git URL install would give it) and run with npx.
describe('starting an archive of its own', () => {
  it('installs bayegan into an empty folder, starts an archive, adds an article and builds it', { timeout: 600_000 }, async () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-own-'));
    await exec('npm', ['pack', '--silent', '--pack-destination', scratch], { cwd: repo });
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'))!;
    const app = path.join(scratch, 'my-archive');
    await exec('mkdir', [app]);
    const npm = (args: string[]) => exec('npm', args, { cwd: app, env: { ...process.env, npm_config_update_notifier: 'false' } });
    await npm(['init', '-y']);
    // The registry is reached only for what the npm cache lacks.
    await npm(['install', '--prefer-offline', '--no-audit', '--no-fund', path.join(scratch, tarball)]);
    const bayegan = (...args: string[]) => exec('npx', ['--no-install', 'bayegan', ...args], { cwd: app, env: { ...process.env, SOURCE_DATE_EPOCH: '1710912900' } });
    expect((await bayegan('--version')).stdout).toMatch(/^bayegan \d+\.\d+\.\d+ pipeline \d+\n$/);
    const init = await bayegan('init', '--title', 'خبرگزاری نمونه', '--base-url', 'https://news.example.org/');
    expect(init.stdout).toContain('created  content/site.yml');
    const created = await bayegan('new', '--service', 'economy', '--title', 'نخستین خبر ما', '--tags', 'بازار');
    expect(created.stdout).toBe('content/news/1403/01/2.md\n');
    const check = await bayegan('check');
    expect(check.stderr).toMatch(/2 files checked in [\d.]+ s: 0 errors, 0 warnings/);
    const built = await bayegan('build');
    expect(built.stdout).toMatch(/^Built 2 articles into dist\/ in [\d.]+ s\./);
    expect(readFileSync(path.join(app, 'dist/news/2/index.html'), 'utf8')).toContain('نخستین خبر ما');
    expect(existsSync(path.join(app, 'dist/feed.xml'))).toBe(true);
  });
});
