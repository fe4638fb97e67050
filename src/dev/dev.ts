import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { BuildSession, type UpdateResult } from '../build/index.ts';
import { resolvePaths } from '../config/index.ts';
import { DevServer } from './server.ts';
import { ChangeQueue, watchFiles } from './watch.ts';

/** The default port (Astro's: editors who use both keep one habit). */
export const DEFAULT_PORT = 4321;
/** Loopback: drafts are for this machine only. */
export const DEFAULT_HOST = '127.0.0.1';

/** What the dev server tells its user. */
export interface DevLog {
  /** A rebuild finished: what it did, and how many open tabs it reloaded. */
  updated(result: UpdateResult, reloaded: number, session: BuildSession): void;
  /** A rebuild or the watcher failed; the server goes on. */
  failed(error: unknown): void;
}

/** Options of {@link startDev}. */
export interface DevOptions {
  root?: string;
  cache?: string;
  /** Default: 4321, or the next free port when 4321 is taken and no port was asked for. */
  port?: number;
  /** Default: 127.0.0.1. */
  host?: string;
  /** The clock; default `SOURCE_DATE_EPOCH` or the real one. */
  now?: () => number;
  threads?: number;
  log: DevLog;
}

/** A running dev server. */
export interface DevHandle {
  url: string;
  session: BuildSession;
  /** Folders being watched. */
  watching: string[];
  /** Resolves when no change waits and no rebuild runs. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** True for an address only this machine reaches. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || /^127(?:\.\d{1,3}){3}$/.test(host) || host === '::1' || host === '[::1]';
}

async function listen(server: DevServer, options: DevOptions): Promise<number> {
  const host = options.host ?? DEFAULT_HOST;
  // Only the default port moves on when taken: a port asked for is a promise to whoever asked.
  const tries = options.port === undefined ? 10 : 1;
  for (let i = 0; ; i++) {
    try {
      return (await server.listen((options.port ?? DEFAULT_PORT) + i, host)).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i + 1 >= tries) throw error;
    }
  }
}

/**
 * `bayegan dev`: watch the project, build it into memory, serve it. Changes seen while the
 * first build runs are applied right after it.
 */
export async function startDev(options: DevOptions): Promise<DevHandle> {
  const paths = resolvePaths({ root: options.root, cache: options.cache });
  let session: BuildSession | undefined;
  let server: DevServer | undefined;
  const queue = new ChangeQueue(async (changes) => {
    const result = await session!.update(changes);
    const reloaded = await server!.notify();
    options.log.updated(result, reloaded, session!);
  }, options.log.failed);
  const watching = [paths.content, path.join(paths.root, 'templates'), path.join(paths.root, 'static')].filter((f) => existsSync(f));
  let watcher: FSWatcher | undefined;
  try {
    watcher = await watchFiles(watching, queue, options.log.failed);
    session = await BuildSession.open({ root: paths.root, cache: paths.cache, now: options.now, threads: options.threads });
    server = new DevServer(session, { localOnly: isLoopback(options.host ?? DEFAULT_HOST) });
    const port = await listen(server, options);
    queue.start();
    const host = options.host ?? DEFAULT_HOST;
    const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
    return {
      url: `http://${shown}:${port}${session.basePath ?? '/'}`,
      session,
      watching,
      idle: () => queue.idle(),
      close: async () => {
        await queue.close();
        await watcher?.close();
        await server?.close();
        await session?.close();
      },
    };
  } catch (error) {
    await queue.close();
    await watcher?.close();
    await session?.close();
    throw error;
  }
}
