import { spawn } from 'node:child_process';
import { constants } from 'node:os';

// Set in the environment of a command started again by `restartProcess`: it follows its launcher.
const RESTARTED = 'BAYEGAN_RESTARTED';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How a process started again ended: its exit code, or the signal that ended it. */
export type Ended = { code: number; signal?: undefined } | { code?: undefined; signal: NodeJS.Signals };

/** The exit code a shell gives a process that ended so (128 + the signal's number). */
export function exitCode(ended: Ended): number {
  return ended.code ?? 128 + (constants.signals[ended.signal] ?? 0);
}

/**
 * Run this same command again in a new process whose environment has `env` added, and resolve to
 * how it ended, or to undefined when no process could be started (the caller then goes on in this
 * one). Its output goes where this
 * process's goes. SIGINT, SIGTERM and SIGHUP sent to this process are passed on to it, and it
 * stops as on SIGTERM if this process dies without being able to (SIGKILL, a CI's timeout), so a
 * build never runs on without the process that was asked for it.
 */
export function restartProcess(env: Record<string, string>): Promise<Ended | undefined> {
  const [entry, ...args] = process.argv.slice(1);
  if (entry === undefined) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, entry, ...args], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ...env, [RESTARTED]: '1' },
    });
    const pass = (signal: NodeJS.Signals) => child.kill(signal);
    for (const signal of FORWARDED) process.on(signal, pass);
    let settled = false;
    const done = (ended: Ended | undefined) => {
      if (settled) return;
      settled = true;
      for (const signal of FORWARDED) process.off(signal, pass);
      resolve(ended);
    };
    // Only a process that never started is built in instead of; one that did is waited for.
    child.on('error', () => {
      if (child.pid === undefined) done(undefined);
    });
    child.once('exit', (code, signal) => done(signal ? { signal } : { code: code ?? 1 }));
  });
}

/**
 * In a command started by {@link restartProcess}: when the process that started it is gone (its
 * end of the channel closes), stop as on SIGTERM. The channel does not keep this process alive.
 */
export function followLauncher(): void {
  if (process.env[RESTARTED] !== '1' || !process.channel) return;
  delete process.env[RESTARTED];
  process.channel.unref();
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
