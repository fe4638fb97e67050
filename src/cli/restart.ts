import { spawn } from 'node:child_process';
import { constants } from 'node:os';

// Set in the environment of a command started again by `restartProcess`: it follows its launcher.
const RESTARTED = 'BAYEGAN_RESTARTED';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Run this same command again in a new process whose environment has `env` added, and resolve to
 * its exit code (128 + the signal's number when a signal ended it), or to undefined when no
 * process could be started (the caller then goes on in this one). Its output goes where this
 * process's goes. SIGINT, SIGTERM and SIGHUP sent to this process are passed on to it, and it
 * stops as on SIGTERM if this process dies without being able to (SIGKILL, a CI's timeout), so a
 * build never runs on without the process that was asked for it.
 */
export function restartProcess(env: Record<string, string>): Promise<number | undefined> {
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
    const done = (code: number | undefined) => {
      if (settled) return;
      settled = true;
      for (const signal of FORWARDED) process.off(signal, pass);
      resolve(code);
    };
    // Only a process that never started is built in instead of; one that did is waited for.
    child.on('error', () => {
      if (child.pid === undefined) done(undefined);
    });
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
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
