import vm from 'node:vm';
import { VFile } from 'vfile';
import { DEFAULT_PARSE_BUDGET_S, parseBudgetSetting } from '../config/index.ts';
import { fromVFile, report, type Diagnostic } from '../diagnostics/index.ts';

/** The parse budget in milliseconds (an invalid setting, refused by the CLI, counts as the default). */
export function parseBudgetMs(): number {
  return parseBudgetSetting().ms ?? DEFAULT_PARSE_BUDGET_S * 1000;
}

// Parsing is synchronous and cannot be asked to stop. A vm script run with a timeout can: its
// watchdog terminates whatever JavaScript runs, including the functions it calls, and the thread
// goes on. One context and one script serve every run.
const context = vm.createContext({ run: undefined as (() => void) | undefined });
const script = new vm.Script('run()', { filename: 'bayegan-parse-budget' });

function isTimeout(error: unknown): boolean {
  return (error as { code?: string } | undefined)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/**
 * Run `work` on every item, each within `ms` of wall time, and `over` for an item that did not
 * finish in its budget. One watchdog watches a whole run of items (a watchdog costs a thread
 * start); when it fires, the item it stopped is tried again alone with a whole budget, so an item
 * is given up only after it used all of one. `work` must be synchronous and must not throw;
 * whatever it set before it was stopped stays set, which `over` may read.
 */
export function runWithinBudget<T, R>(items: readonly T[], ms: number, work: (item: T) => R, over: (item: T) => R): R[] {
  const results = new Array<R>(items.length);
  let next = 0;
  while (next < items.length) {
    const first = next;
    context.run = () => {
      for (; next < items.length; next++) results[next] = work(items[next]!);
    };
    try {
      script.runInContext(context, { timeout: ms });
    } catch (error) {
      if (!isTimeout(error)) throw error;
      // Stopped alone from the start of its run: it used its whole budget.
      if (next === first) {
        results[next] = over(items[next]!);
        next += 1;
      }
    } finally {
      context.run = undefined;
    }
  }
  return results;
}

const SLOW_MARKDOWN = 'Long runs of `*`, `_`, `[`, `>`, `<`, `|` or backticks, or tens of thousands of list items, table rows or footnotes, make Markdown slow to read; remove them or split the article.';

function tooSlow(path: string, message: string, line: number, note: string): Diagnostic[] {
  const file = new VFile({ path });
  report(file, message, { ruleId: 'markdown-too-slow', place: { line, column: 1 }, note });
  return fromVFile(file);
}

/**
 * The `markdown-too-slow` error of a file stopped by its budget: at the body's first line, or at
 * 1:1 when it was still reading the front matter (`bodyLine` undefined).
 */
export function overBudgetProblem(path: string, ms: number, bodyLine: number | undefined): Diagnostic[] {
  const seconds = `${ms / 1000} s`;
  const raise = `On a slow machine, raise the budget: BAYEGAN_PARSE_BUDGET=<seconds> (default ${DEFAULT_PARSE_BUDGET_S}).`;
  if (bodyLine === undefined) {
    const note = `Deeply nested \`[\` or \`{\`, or thousands of anchors and aliases, make YAML slow to read; write plain \`key: value\` lines. ${raise}`;
    return tooSlow(path, `Unexpected front matter that takes more than ${seconds} to read, expected plain \`key: value\` lines`, 1, note);
  }
  return tooSlow(path, `Unexpected Markdown that takes more than ${seconds} to read, expected ordinary paragraphs, lists and quotes`, bodyLine, `${SLOW_MARKDOWN} ${raise}`);
}

/** The `markdown-too-slow` error of a file whose reading ran a thread out of its `mb` MB of memory. */
export function overMemoryProblem(path: string, mb: number): Diagnostic[] {
  return tooSlow(path, `Unexpected article that needs more than ${mb} MB of memory to read, expected ordinary paragraphs, lists and quotes`, 1, SLOW_MARKDOWN);
}
