import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject, siteOutputs } from '../../src/build/index.ts';
import { isTemplateOutput, loadTheme } from '../../src/pages/index.ts';
import { buildSiteModel } from '../../src/site/index.ts';
import { pinSourceDateEpoch } from '../helpers/clock.ts';

describe('the outputs of a site', () => {
  pinSourceDateEpoch(1710880200);

  it('are as many as announced before they are made (the progress bar ends where the build does), and counted by kind', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const project = await checkProject({ root, threads: 0 });
    const model = buildSiteModel(project.articles, project.config);
    const site = siteOutputs({ model, paths: project.paths, theme: loadTheme(project.paths.templates), now: project.now, body: () => ({ key: '', path: '', abs: '' }) });
    const outputs = [];
    for await (const batch of site.outputs) outputs.push(...batch);
    expect(outputs.filter(isTemplateOutput).length).toBe(site.pages);
    const { pages, assets, feeds, sitemaps, redirects, search, other } = site.counts;
    expect(pages).toBe(outputs.filter(isTemplateOutput).length);
    expect(pages + assets + feeds + sitemaps + redirects + search + other).toBe(outputs.length);
    expect(feeds).toBe(outputs.filter((o) => /(feed|atom)\.xml$/.test(o.path)).length);
    expect(sitemaps).toBe(outputs.filter((o) => /sitemap/.test(o.path)).length);
    expect(assets).toBeGreaterThan(2);
  });

  it('hands over search index files made while the pages are, between pages, and the rest after them', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const project = await checkProject({ root, threads: 0 });
    const model = buildSiteModel(project.articles, project.config);
    const file = (name: string) => ({ path: `/pagefind/139301/${name}`, key: name, content: () => name });
    // One shard is made before the pages begin, the other only when the pages are all out.
    const made = [file('early.pf_meta')];
    let finish: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (finish = resolve));
    const searchIndex = { take: () => made.splice(0), done };
    const site = siteOutputs({ model, paths: project.paths, theme: loadTheme(project.paths.templates), now: project.now, body: () => ({ key: '', path: '', abs: '' }), searchIndex });
    const paths: string[] = [];
    let pages = 0;
    for await (const batch of site.outputs) {
      for (const output of batch) {
        paths.push(output.path);
        if (isTemplateOutput(output) && ++pages === site.pages) {
          made.push(file('late.pf_meta'));
          finish();
        }
      }
    }
    const early = paths.indexOf('/pagefind/139301/early.pf_meta');
    expect(early).toBeGreaterThan(0);
    expect(early).toBeLessThan(paths.lastIndexOf(paths.filter((p) => p.endsWith('.html') || p.endsWith('/')).at(-1)!));
    expect(paths).toContain('/pagefind/139301/late.pf_meta');
    expect(site.counts.search).toBe(2);
  });
});
