/** A whole number set in the environment (digits only), or undefined when it is unset or anything else. */
export function envWholeNumber(name: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env[name];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/** Whether this runs in CI: `CI` set to anything but empty, `0` or `false`, as GitHub Actions, GitLab CI and most others set it. */
export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase();
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}
