import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER, markerText } from '../write/marker.ts';
import { allocatorCap } from './allocator.ts';

describe('the allocator of a build', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'bayegan-allocator-'));
  const out = path.join(root, 'dist');

  it('caps glibc arenas for a build that writes a whole site, on Linux, unless the user set them', () => {
    expect(allocatorCap({ out }, {}, 'linux')).toEqual({ MALLOC_ARENA_MAX: '2' });
    mkdirSync(out);
    expect(allocatorCap({ out }, {}, 'linux')).toEqual({ MALLOC_ARENA_MAX: '2' });
    expect(allocatorCap({ out }, { MALLOC_ARENA_MAX: '8' }, 'linux')).toBeUndefined();
    expect(allocatorCap({ out }, { MALLOC_ARENA_MAX: '' }, 'linux')).toBeUndefined();
    expect(allocatorCap({ out }, { GLIBC_TUNABLES: 'glibc.malloc.arena_max=4' }, 'linux')).toBeUndefined();
    expect(allocatorCap({ out }, { GLIBC_TUNABLES: 'glibc.malloc.tcache_count=0' }, 'linux')).toEqual({ MALLOC_ARENA_MAX: '2' });
    for (const platform of ['darwin', 'win32', 'freebsd'] as const) expect(allocatorCap({ out }, {}, platform), platform).toBeUndefined();
  });

  it('leaves a build over a site bayegan made where it is', () => {
    writeFileSync(path.join(out, MARKER), markerText('0'.repeat(40)));
    expect(allocatorCap({ out }, {}, 'linux')).toBeUndefined();
  });
});
