import { locateProject, parseBudgetSetting } from '../config/index.ts';
import { UsageError } from './io.ts';

/**
 * The project folder a command works on (`--root`, else found from the current folder upwards),
 * after checking the settings that come from the environment: the same usage errors, exit 2,
 * for `check` and `build`.
 */
export function projectRoot(root: string | undefined): string {
  const found = locateProject(root);
  if (found.problem !== undefined) throw new UsageError(found.problem);
  const budget = parseBudgetSetting();
  if (budget.problem !== undefined) throw new UsageError(budget.problem);
  return found.root;
}
