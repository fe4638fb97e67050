import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fromVFile, report } from './index.ts';

describe('report', () => {
  it('takes the severity of the rule unless told otherwise', () => {
    const file = new VFile({ path: 'a.md' });
    report(file, 'Unexpected a, expected b', { ruleId: 'date-future', place: { line: 2, column: 3 } });
    report(file, 'Unexpected c, expected d', { ruleId: 'unknown-key', severity: 'error' });
    expect(fromVFile(file).map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual(['2:3 warning date-future', '1:1 error unknown-key']);
  });

  it('refuses a rule id that is not registered, except in a tool\'s own namespace', () => {
    expect(() => report(new VFile(), 'x', { ruleId: 'no-such-rule' })).toThrow('Unregistered rule id `no-such-rule`');
    const file = new VFile({ path: 'dump.txt' });
    report(file, 'x', { ruleId: 'import-layout' });
    expect(fromVFile(file)).toMatchObject([{ ruleId: 'import-layout', severity: 'error' }]);
  });
});
