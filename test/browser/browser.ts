/// <reference lib="dom" />
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build, type BuiltSite } from '../helpers/site.ts';
import { serveUnder } from '../helpers/static-server.ts';

// Debian's Chromium (`apt-get install chromium`, done by .ci/run); playwright's own download is unreachable here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Without Chromium (a fresh machine before `apt-get install chromium`) the browser tests are
 * skipped with a notice; .ci/run installs it and sets BAYEGAN_REQUIRE_BROWSER=1, so in CI a
 * missing browser fails.
 */
export const browserAvailable = existsSync(CHROMIUM) || process.env.BAYEGAN_REQUIRE_BROWSER === '1';
if (!browserAvailable) console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium).`);

/** Screenshots are kept here for people to look at (git-ignored; CI may keep them as artifacts). */
export const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');

/** The bundled sample archive, built into a scratch folder and served on the loopback address. */
export interface ServedSample {
  site: BuiltSite;
  origin: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Build a project (by default the sample archive) into a scratch folder, serve it and start Chromium. */
export async function serveSample(root = path.resolve(import.meta.dirname, '../..')): Promise<ServedSample> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'bayegan-browser-'));
  const site = await build(root, { out: path.join(scratch, 'dist'), cache: path.join(scratch, 'cache') });
  const server = await serveUnder(site.dist, '/');
  const origin = server.origin;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    site,
    origin,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Every axe-core rule's violations on a loaded page (experimental and AAA rules included), one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: any }).axe;
    const rules = Object.fromEntries(axe.getRules().map((rule: { ruleId: string }) => [rule.ruleId, { enabled: true }]));
    const result = await axe.run(document, { rules, resultTypes: ['violations'] });
    return result.violations.map((v: any) => `${v.id}: ${v.nodes.map((n: any) => n.target.join(' ')).join(', ')}`);
  });
}
