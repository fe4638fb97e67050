import { main, type Io } from '../../src/cli/main.ts';

/** Run the CLI in-process and capture what it prints. */
export async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void) => ({ write: (s: string) => (append(s), true), isTTY: false }) as unknown as Io['out'];
  const code = await main(args, { out: stream((s) => (out += s)), err: stream((s) => (err += s)) });
  return { code, out, err };
}
