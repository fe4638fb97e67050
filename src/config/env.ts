/** A whole number set in the environment (digits only), or undefined when it is unset or anything else. */
export function envWholeNumber(name: string, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env[name];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}
