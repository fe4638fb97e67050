import { describe, expect, it, vi } from 'vitest';
import { build, siteYml, writeSite } from '../helpers/site.ts';

// A new pipeline version (a plugin or sanitize change) must invalidate every cached body.
const version = vi.hoisted(() => ({ value: 1 }));
vi.mock('../../src/render/processor.ts', async (original) => {
  const actual = await original<typeof import('../../src/render/processor.ts')>();
  return {
    ...actual,
    get RENDER_VERSION() {
      return version.value;
    },
  };
});

describe('the pipeline version', () => {
  it('re-renders every article when it changes, and nothing when it does not', async () => {
    const root = writeSite(`-- content/site.yml --
${siteYml()}
-- content/news/1.md --
---
title: یک
shenaseh: 1
date: 1400-01-01
service: سیاسی
---
متن یک.
-- content/news/2.md --
---
title: دو
shenaseh: 2
date: 1400-01-02
service: سیاسی
---
متن دو.
`);
    expect((await build(root)).result.rendered).toBe(2);
    expect((await build(root)).result.rendered).toBe(0);
    version.value = 2;
    expect((await build(root)).result.rendered).toBe(2);
    expect((await build(root)).result.rendered).toBe(0);
  });
});
