import { parseArgs } from 'node:util';
import { allocatorCap } from '../build/allocator.ts';
import { locateProject, resolvePaths } from '../config/paths.ts';
import { exitCode, restartProcess } from './restart.ts';

/**
 * What `bin/bayegan.mjs` runs before it loads the CLI (a chunk of its own, a few kilobytes, so
 * that a process that only waits for another holds little): a `build` that will write a whole
 * site runs in a new process with glibc's arenas capped (see `allocatorCap`). Resolves to that
 * process's exit code, or to undefined when the command runs in this process: anything else, or
 * a command line it cannot read (the CLI then says what is wrong with it).
 */
export async function launch(argv: readonly string[]): Promise<number | undefined> {
  const [command, ...args] = argv;
  if (command !== 'build') return undefined;
  let cap: Record<string, string> | undefined;
  try {
    const { values } = parseArgs({ args, options: { root: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: false });
    if (values.help || (values.root !== undefined && typeof values.root !== 'string') || (values.out !== undefined && typeof values.out !== 'string')) return undefined;
    const found = locateProject(values.root);
    if (found.problem !== undefined) return undefined;
    cap = allocatorCap(resolvePaths({ root: found.root, out: values.out }));
  } catch {
    return undefined;
  }
  if (!cap) return undefined;
  const ended = await restartProcess(cap);
  // A build stopped by a signal says so itself; one killed (the kernel's OOM killer, kill -9) cannot.
  if (ended?.signal) process.stderr.write(`bayegan: the build's process was killed by ${ended.signal}${ended.signal === 'SIGKILL' ? ' (out of memory, or kill -9)' : ''}; the output folder holds a whole site, the one before this build unless it had been published.\n`);
  return ended && exitCode(ended);
}
