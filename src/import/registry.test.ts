import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSiteConfig, resolvePaths } from '../config/index.ts';
import { writeSite } from '../../test/helpers/site.ts';
import { ServiceRegistry } from './registry.ts';

const siteYml = `# Settings, with comments that must survive an import.
title: آزمایش
baseUrl: https://test.example/
services:
  - slug: international # the URL
    name: بین‌الملل
    description: "رویدادهای جهان، با توضیحی طولانی که نباید در هشتاد نویسه شکسته شود چون ویرایشگر آن را در یک خط نوشته است."
  - slug: محیط-زیست
    name: طبیعت
`;

function registry() {
  const paths = resolvePaths({ root: writeSite(`-- content/site.yml --\n${siteYml}`) });
  return { paths, registry: new ServiceRegistry(paths, loadSiteConfig(paths)) };
}

const at = { line: 4, column: 12 };

describe('ServiceRegistry', () => {
  it('matches a name written with a space, ZWNJ or Arabic yeh to the registry’s name', () => {
    const { registry: services } = registry();
    for (const value of ['بین الملل', 'بین‌الملل', 'بين‌الملل']) {
      expect(services.match({ value, ...at }, false)).toEqual({ ok: true, value: { name: 'بین‌الملل', slug: 'international', added: false } });
    }
  });

  it('reports an unknown service with the known ones and the nearest', () => {
    expect(registry().registry.match({ value: 'بین المل', ...at }, false)).toEqual({
      ok: false,
      problem: {
        ruleId: 'import-unknown-service',
        message: 'Unexpected service `بین المل`, expected one of `بین‌الملل`, `طبیعت`',
        note: 'Did you mean `بین‌الملل`? Add the service to `services` in content/site.yml, or import with `--add-services` to add it with a generated slug.',
        ...at,
      },
    });
  });

  it('adds a new service with a unique generated slug, keeping the file’s comments and lines', async () => {
    const { paths, registry: services } = registry();
    const match = services.match({ value: 'محیط زیست', ...at }, true);
    expect(match).toEqual({ ok: true, value: { name: 'محیط زیست', slug: 'محیط-زیست-2', added: true } });
    if (!match.ok) return;
    await services.add(match.value);
    expect(readFileSync(paths.siteFile, 'utf8')).toBe(`${siteYml}  - slug: محیط-زیست-2\n    name: محیط زیست\n`);
    expect(loadSiteConfig(paths).services.map((s) => s.slug)).toEqual(['international', 'محیط-زیست', 'محیط-زیست-2']);
    expect(services.match({ value: 'محیط‌زیست', ...at }, false)).toMatchObject({ ok: true, value: { slug: 'محیط-زیست-2', added: false } });
  });

  it('falls back to `service` when a name has nothing to slug', () => {
    expect(registry().registry.match({ value: '«»', ...at }, true)).toMatchObject({ ok: true, value: { slug: 'service' } });
  });
});
