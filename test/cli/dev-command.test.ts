import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../helpers/cli.ts';
import { draftSite } from '../helpers/dev-site.ts';
import { writeSite } from '../helpers/site.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/bayegan.mjs');

/** Start `bayegan dev` as an editor does; resolves once it prints its address. */
function start(args: string[]): Promise<{ url: string; stop: () => Promise<{ code: number | null; out: string; err: string }> }> {
  const child = spawn(process.execPath, [bin, 'dev', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /^ {2}(http:\/\/\S+)$/m.exec(out)?.[1];
      if (url) {
        resolve({
          url,
          stop: () =>
            new Promise((done) => {
              child.once('exit', (code) => done({ code, out, err }));
              child.kill('SIGINT');
            }),
        });
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
  });
}

describe('bayegan dev (the command)', () => {
  it('serves the archive on loopback, says where, and stops cleanly on Ctrl-C', { timeout: 120_000 }, async () => {
    const root = writeSite(draftSite);
    const dev = await start(['--root', root, '--port', '0']);
    expect(dev.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(`${dev.url}news/3/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('پیش‌نویس');
    const { code, out, err } = await dev.stop();
    expect(code).toBe(0);
    expect(out).toMatch(/^bayegan dev: 3 sources, \d+ files in memory, ready in [\d.]+ s$/m);
    expect(out).toContain('dist/ is never written');
    expect(err).not.toContain('listening on');
  });

  it('warns when it serves drafts beyond this machine', { timeout: 120_000 }, async () => {
    const root = writeSite(draftSite);
    const dev = await start(['--root', root, '--port', '0', '--host', '0.0.0.0']);
    const { err } = await dev.stop();
    expect(err).toContain('listening on 0.0.0.0: drafts and unpublished edits can be read by anyone who reaches this machine');
  });

  it('refuses a folder without an archive, and a port that is not one', async () => {
    const empty = writeSite('');
    const { code, err } = await run(['dev', '--root', empty]);
    expect(code).toBe(2);
    expect(err).toContain('without content/site.yml, expected an archive: pass --root, or start one with `bayegan init`');
    expect((await run(['dev', '--port', '70000'])).err).toContain('Unexpected --port `70000`, expected a number from 0 to 65535');
  });
});
