import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';

/** Who holds a lock: enough for a person to find the running build. */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO-8601 time the holder started. */
  started: string;
  /** The holder's command line. */
  command: string;
}

function alive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string') {
      return { pid: value.pid, host: value.host, started: String(value.started ?? '?'), command: String(value.command ?? '?') };
    }
  } catch {
    // Unreadable or half-written: judged below by its age.
  }
  return undefined;
}

/** Describe a holder for a message: `pid 123 on host, started …: bayegan build`. */
export function describeHolder(holder: LockHolder): string {
  return `pid ${holder.pid} on ${holder.host}, started ${holder.started}: ${holder.command}`;
}

/**
 * An exclusive lock held as a file created with O_EXCL. A lock left by a process that is gone
 * (killed, or the machine restarted) is taken over; one held by a live process is waited for.
 */
export class FileLock {
  private held = false;

  constructor(readonly file: string) {}

  /** Take the lock, waiting while a live process holds it; `waiting` is called once if it must wait. */
  async acquire(waiting?: (holder: LockHolder) => void): Promise<void> {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const me: LockHolder = { pid: process.pid, host: hostname(), started: new Date().toISOString(), command: process.argv.slice(1).join(' ') };
    let told = false;
    for (let attempt = 0; ; attempt++) {
      try {
        const fd = openSync(this.file, 'wx');
        writeSync(fd, JSON.stringify(me));
        closeSync(fd);
        this.held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(this.file);
      // A lock without a readable holder after a few tries was cut short by a crash.
      if ((holder && !alive(holder)) || (!holder && attempt >= 20)) {
        try {
          unlinkSync(this.file);
        } catch {
          // Another waiter took it over first.
        }
        continue;
      }
      if (holder && !told) {
        waiting?.(holder);
        told = true;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Give the lock up (safe to call twice, and from a signal handler). */
  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      unlinkSync(this.file);
    } catch {
      // Already gone.
    }
  }
}
