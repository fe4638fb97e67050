/** The issue's table (issue 12): a query, and a spelling of the text it must find. */
export const ISSUE_PAIRS: Array<[string, string]> = [
  ['خشونتها', 'خشونت‌ها'],
  ['خشونت‌ها', 'خشونتها'],
  ['خشونت ها', 'خشونت‌ها'],
  ['ايران', 'ایران'],
  ['کتاب', 'كتاب'],
  ['1393', '۱۳۹۳'],
  ['۱۳۹۳', '1393'],
  ['می‌شود', 'میشود'],
  ['می‌شود', 'می شود'],
];
