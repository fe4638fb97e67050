/**
 * Lighthouse (12.2.3, the last for Node 20) on the built sample archive, served compressed on the
 * loopback address: the home page and an article, mobile and desktop. Prints the four category
 * scores of each run and every audit that errored; full reports go to `.scratch/lighthouse/`.
 *
 *   npm run lighthouse -- [--pages /,/news/21016/] [--dist DIR]
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { buildProject } from '../src/build/index.ts';
import { serveCompressed } from './serve-compressed.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const root = path.resolve(import.meta.dirname, '..');
const pages = (option('--pages') ?? '/,/news/21016/').split(',');
let dist = option('--dist');
if (!dist) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-lighthouse-'));
  dist = path.join(scratch, 'dist');
  await buildProject({ root, out: dist, cache: path.join(scratch, 'cache') });
}
const reports = path.join(root, '.scratch/lighthouse');
mkdirSync(reports, { recursive: true });
const server = await serveCompressed(path.resolve(dist));
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const url of pages) {
    for (const form of ['mobile', 'desktop'] as const) {
      const result = await lighthouse(
        server.origin + encodeURI(url),
        { port: chrome.port, output: 'json', logLevel: 'error' },
        form === 'desktop' ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { categories, audits } = result.lhr;
      const scores = Object.values(categories).map((c) => `${c.title} ${Math.round((c.score ?? 0) * 100)}`);
      console.log(`${url} ${form}: ${scores.join(', ')}`);
      const errored = Object.values(audits).filter((a) => a.scoreDisplayMode === 'error');
      for (const audit of errored) console.log(`  audit errored: ${audit.id}: ${audit.errorMessage ?? ''}`);
      const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable');
      for (const audit of failing) console.log(`  below 100: ${audit.id} (${audit.displayValue ?? Math.round((audit.score ?? 0) * 100)})`);
      const name = `${url.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '') || 'home'}-${form}.json`;
      writeFileSync(path.join(reports, name), JSON.stringify(result.lhr, null, 1));
    }
  }
} finally {
  chrome.kill();
  server.close();
}
