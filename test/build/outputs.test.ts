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
    for await (const output of site.outputs) outputs.push(output);
    expect(outputs.filter(isTemplateOutput).length).toBe(site.pages);
    const { pages, assets, feeds, sitemaps, redirects, search, other } = site.counts;
    expect(pages).toBe(outputs.filter(isTemplateOutput).length);
    expect(pages + assets + feeds + sitemaps + redirects + search + other).toBe(outputs.length);
    expect(feeds).toBe(outputs.filter((o) => /(feed|atom)\.xml$/.test(o.path)).length);
    expect(sitemaps).toBe(outputs.filter((o) => /sitemap/.test(o.path)).length);
    expect(assets).toBeGreaterThan(2);
  });
});
