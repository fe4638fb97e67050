import { main, type Io } from '../../src/cli/main.ts';

/** What one in-process run of the CLI printed, and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI in-process and capture what it prints (never a terminal: no colour). */
export async function runCli(args: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void) => ({ write: (s: string) => (append(s), true), isTTY: false }) as unknown as Io['out'];
  const code = await main(args, { out: stream((s) => (out += s)), err: stream((s) => (err += s)) });
  return { code, out, err };
}
