import { envWholeNumber } from './env.ts';

/**
 * The build's "now", in ms since the epoch: `SOURCE_DATE_EPOCH` (seconds) when set, so that
 * reproducible builds and tests can pin it, else the clock. Used only where a now is unavoidable.
 */
export function buildTime(env: NodeJS.ProcessEnv = process.env): number {
  const epoch = envWholeNumber('SOURCE_DATE_EPOCH', env);
  return epoch !== undefined ? epoch * 1000 : Date.now();
}
