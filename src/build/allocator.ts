import type { ProjectPaths } from '../config/paths.ts';
import { readMarker } from '../write/marker.ts';

/**
 * The environment a build that writes a whole site should start with, or undefined when the
 * process it was asked in will do. glibc's malloc gives each thread that allocates an arena of
 * its own (up to eight per core) and gives little of it back: through the pages of a cold build of
 * 20,000 articles every V8 heap stays flat while the process grows 533 -> 608 MB; with
 * `MALLOC_ARENA_MAX=2` that build peaked at 545-551 MB instead of 598-618 MB, and took 155 s
 * instead of 162 s. glibc reads the setting only when a process starts, so such a build (no site
 * in the output folder yet: every page is rendered) runs in a new process that has it (see
 * `cli/launch.ts`). An edit (a site there) does not: a process costs ~0.1 s to start, and an
 * edit's peak is half a cold build's. Linux only (elsewhere the setting means nothing), and never
 * over the user's own setting.
 */
export function allocatorCap(paths: Pick<ProjectPaths, 'out'>, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Record<string, string> | undefined {
  if (platform !== 'linux' || env.MALLOC_ARENA_MAX !== undefined || env.GLIBC_TUNABLES?.includes('glibc.malloc.arena_max')) return undefined;
  return readMarker(paths.out) ? undefined : { MALLOC_ARENA_MAX: '2' };
}
