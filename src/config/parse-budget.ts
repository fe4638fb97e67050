/** Time a file may take to be read (front matter, Markdown, HTML), in seconds, unless `BAYEGAN_PARSE_BUDGET` says otherwise. */
export const DEFAULT_PARSE_BUDGET_S = 5;
/** The largest budget accepted: an hour. */
const MAX_BUDGET_S = 3600;

/** The parse budget `BAYEGAN_PARSE_BUDGET` sets (seconds, default 5), in milliseconds; or why its value is not one. */
export function parseBudgetSetting(value = process.env.BAYEGAN_PARSE_BUDGET): { ms: number; problem?: undefined } | { problem: string; ms?: undefined } {
  if (value === undefined || value.trim() === '') return { ms: DEFAULT_PARSE_BUDGET_S * 1000 };
  const seconds = Number(value);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(value) || !(seconds > 0) || seconds > MAX_BUDGET_S) {
    return { problem: `Unexpected BAYEGAN_PARSE_BUDGET \`${value}\`, expected a number of seconds above 0 and at most ${MAX_BUDGET_S}, such as \`${DEFAULT_PARSE_BUDGET_S}\`` };
  }
  return { ms: Math.max(1, Math.round(seconds * 1000)) };
}
