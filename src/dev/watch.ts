import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { FileChange } from '../build/index.ts';

/** How long a save must be followed by quiet before a rebuild starts, in ms. */
export const QUIET_MS = 25;
/** In a burst (a `git checkout`, a search-and-replace over the archive) the quiet must be longer. */
export const BURST_QUIET_MS = 500;
/** How many changes in one wait make it a burst. */
const BURST = 8;

/**
 * Coalesces changes into rebuilds (it starts paused): a rebuild starts once changes stop arriving for a moment,
 * never while another runs (what arrives meanwhile waits for the next one), and a failing
 * rebuild is reported without stopping the ones after it.
 */
export class ChangeQueue {
  private pending = new Map<string, FileChange>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;
  private paused = true;

  constructor(
    private readonly rebuild: (changes: FileChange[]) => Promise<void>,
    private readonly failed: (error: unknown) => void,
    private readonly quiet = { ms: QUIET_MS, burstMs: BURST_QUIET_MS },
  ) {}

  /** Take one change; the last event for a path wins (an add then a change is a change of a new file: both rescan). */
  push(change: FileChange): void {
    if (this.closed) return;
    const before = this.pending.get(change.path);
    // A file created and then written is still a new file: keep the `add`, which makes the session look for it.
    this.pending.set(change.path, before && before.kind !== 'change' && change.kind === 'change' ? before : change);
    this.schedule();
  }

  /** Start rebuilding: changes seen before (while the first build ran) are applied now. */
  start(): void {
    this.paused = false;
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.running || this.paused || this.pending.size === 0) return;
    this.timer = setTimeout(() => void this.run(), this.pending.size >= BURST ? this.quiet.burstMs : this.quiet.ms);
  }

  private async run(): Promise<void> {
    if (this.pending.size === 0 || this.running || this.closed || this.paused) return;
    const changes = [...this.pending.values()];
    this.pending = new Map();
    this.running = this.rebuild(changes).catch(this.failed);
    await this.running;
    this.running = undefined;
    if (this.pending.size > 0) this.schedule();
  }

  /** Resolves when no change waits and no rebuild runs. */
  async idle(): Promise<void> {
    while (this.running || (this.pending.size > 0 && !this.paused && !this.closed)) {
      await (this.running ?? new Promise((resolve) => setTimeout(resolve, this.quiet.ms)));
    }
  }

  /** Take no more changes; a rebuild under way finishes. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.running;
  }
}

/** Watch folders and files (those missing now are watched for when they appear) with chokidar; resolves once it is watching. */
export async function watchFiles(targets: string[], queue: ChangeQueue, failed: (error: unknown) => void): Promise<FSWatcher> {
  const watcher = watch(targets, {
    ignoreInitial: true,
    // Version control and dependencies are never content, and can be huge.
    ignored: (file) => /(^|[/\\])(?:\.git|node_modules)(?:[/\\]|$)/.test(file),
  });
  for (const kind of ['add', 'change', 'unlink', 'addDir', 'unlinkDir'] as const) {
    watcher.on(kind, (file: string) => queue.push({ kind, path: path.resolve(file) }));
  }
  // A watch error (a folder that became unreadable) is told; the watcher keeps the rest.
  watcher.on('error', failed);
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return watcher;
}
