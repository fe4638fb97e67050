import { describe, expect, it } from 'vitest';
import { Gate } from './search.ts';

// A piece of work that runs until it is let go, recording when it ran and on which slot.
function pieces(gate: Gate, count: number) {
  const log: string[] = [];
  let running = 0;
  let most = 0;
  const finish: Array<() => void> = [];
  const done = Array.from({ length: count }, (_, i) =>
    gate.run(async (slot) => {
      running += 1;
      most = Math.max(most, running);
      log.push(`start ${i} on ${slot}`);
      await new Promise<void>((resolve) => (finish[i] = resolve));
      running -= 1;
      return i;
    }),
  );
  return { log, done, finish, most: () => most };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the search index gate', () => {
  it('runs one at a time, in order, until widened, then as many as its width', async () => {
    const gate = new Gate(1);
    const work = pieces(gate, 4);
    await settle();
    expect(work.log).toEqual(['start 0 on 0']);
    gate.widen(2);
    await settle();
    expect(work.log).toEqual(['start 0 on 0', 'start 1 on 1']);
    work.finish[1]!();
    await settle();
    // The slot let go is the one the next piece gets: never two pieces on one slot at once.
    expect(work.log.at(-1)).toBe('start 2 on 1');
    work.finish[0]!();
    work.finish[2]!();
    await settle();
    work.finish[3]!();
    expect(await Promise.all(work.done)).toEqual([0, 1, 2, 3]);
    expect(work.most()).toBe(2);
  });

  it('lets the next piece run when one fails', async () => {
    const gate = new Gate(1);
    const failed = gate.run(() => Promise.reject(new Error('Pagefind stopped')));
    const next = gate.run(async (slot) => slot);
    await expect(failed).rejects.toThrow('Pagefind stopped');
    expect(await next).toBe(0);
  });

  it('never narrows', async () => {
    const gate = new Gate(2);
    gate.widen(1);
    const work = pieces(gate, 3);
    await settle();
    expect(work.log).toHaveLength(2);
    work.finish.forEach((f) => f());
    await settle();
    work.finish[2]!();
    await Promise.all(work.done);
  });
});
