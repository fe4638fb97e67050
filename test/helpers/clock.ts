import { afterAll, beforeAll } from 'vitest';

/** Pin the build's "now" (`SOURCE_DATE_EPOCH`, in seconds) for the tests of the calling `describe`, and restore it after. */
export function pinSourceDateEpoch(seconds: number): void {
  const before = process.env.SOURCE_DATE_EPOCH;
  beforeAll(() => void (process.env.SOURCE_DATE_EPOCH = String(seconds)));
  afterAll(() => void (before === undefined ? delete process.env.SOURCE_DATE_EPOCH : (process.env.SOURCE_DATE_EPOCH = before)));
}
