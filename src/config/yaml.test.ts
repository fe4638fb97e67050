import { describe, expect, it } from 'vitest';
import { parseYaml } from './yaml.ts';

describe('parseYaml', () => {
  it('keeps every scalar the string that was written in the failsafe schema', () => {
    expect(parseYaml('date: 1393-09-06\nshenaseh: 0123\ndraft: true\n', 'failsafe').value).toEqual({
      date: '1393-09-06',
      shenaseh: '0123',
      draft: 'true',
    });
  });

  it('reports an anchor used inside its own alias instead of returning a value that contains itself', () => {
    const parsed = parseYaml('a: &x [*x]\ntitle: x\n', 'failsafe');
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems).toMatchObject([{ line: 1, code: 'RESOURCE_EXHAUSTION' }]);
  });
});
