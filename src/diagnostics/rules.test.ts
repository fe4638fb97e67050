import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { fromVFile, report, type RuleId } from './index.ts';

describe('report', () => {
  it('takes the severity of the rule unless told otherwise', () => {
    const file = new VFile({ path: 'a.md' });
    report(file, 'Unexpected a, expected b', { ruleId: 'date-future', place: { line: 2, column: 3 } });
    report(file, 'Unexpected c, expected d', { ruleId: 'unknown-key', severity: 'error' });
    expect(fromVFile(file).map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}`)).toEqual(['2:3 warning date-future', '1:1 error unknown-key']);
  });

  it('refuses a rule id that is not registered', () => {
    expect(() => report(new VFile(), 'x', { ruleId: 'no-such-rule' as RuleId })).toThrow('Unregistered rule id `no-such-rule`');
  });
});
