import { describe, expect, it } from 'vitest';
import { runWithinBudget } from './budget.ts';

// Synchronous waiting, as a parser stuck in quadratic work is busy: only the budget's watchdog can
// stop it. Atomics.wait sleeps instead of spinning, on a machine that others share.
function block(ms = Infinity): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

describe('runWithinBudget', () => {
  it('stops work that does not finish in its budget, and goes on with the next item', () => {
    const results = runWithinBudget(['a', 'slow', 'b', 'slow', 'c'], 100, (item) => (item === 'slow' ? (block(), item) : item.toUpperCase()), (item) => `${item}: over budget`);
    expect(results).toEqual(['A', 'slow: over budget', 'B', 'slow: over budget', 'C']);
  });

  it('keeps what the stopped work set before it was stopped', () => {
    const progress: Record<string, string> = {};
    const results = runWithinBudget(['x'], 50, (item) => {
      progress[item] = 'front matter read';
      block();
      return 'never';
    }, (item) => progress[item]);
    expect(results).toEqual(['front matter read']);
  });

  it('gives an item that a slow neighbour cut short a whole budget of its own', () => {
    const calls: string[] = [];
    // Together they need more than one budget, each alone much less.
    const results = runWithinBudget(['first', 'second'], 1000, (item) => {
      calls.push(item);
      block(700);
      return item;
    }, (item) => `${item}: over budget`);
    expect(results).toEqual(['first', 'second']);
    expect(calls).toEqual(['first', 'second', 'second']);
  });

  it('lets errors of the work through', () => {
    expect(() => runWithinBudget([1], 1000, () => { throw new TypeError('bug'); }, () => 0)).toThrow('bug');
  });
});
