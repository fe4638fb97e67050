import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/diagnostics/index.ts';
import { MAX_ARTICLE_BYTES } from '../../src/parse/index.ts';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { run } from '../helpers/cli.ts';

/**
 * Each folder here is a small site with one kind of mistake, named by its rule id, and
 * `expected.txt`: exactly what `bayegan check` prints for it (the timing left out; `build` for
 * the rules only rendering finds). A case and
 * its message sit side by side; to add a rule, add a folder.
 */
const here = import.meta.dirname;
const cases = readdirSync(here).filter((name) => statSync(path.join(here, name)).isDirectory()).sort();

// Files too big or too deep to keep in git are made from the small ones at test time.
const prepare: Record<string, (root: string) => void> = {
  'file-too-large': (root) => {
    const file = path.join(root, 'content/news/1.md');
    appendFileSync(file, 'ا'.repeat((MAX_ARTICLE_BYTES + 1 - statSync(file).size) / 2) + (statSync(file).size % 2 === 0 ? '.' : ''));
  },
  // Deep enough to exhaust the parser's stack, short enough to get there in about a second.
  'markdown-unreadable': (root) => appendFileSync(path.join(root, 'content/news/1.md'), `\n${'>'.repeat(12_000)} x\n`),
  // Git holds neither links nor FIFOs.
  'file-unreadable': (root) => {
    symlinkSync('1.md', path.join(root, 'content/news/2.md'));
    execFileSync('mkfifo', [path.join(root, 'content/news/3.md')]);
  },
  // Each far over half a second on any machine: minutes of parsing without a budget.
  'markdown-too-slow': (root) => {
    appendFileSync(path.join(root, 'content/news/1.md'), `\n${'[a]('.repeat(50_000)}\n`);
    appendFileSync(path.join(root, 'content/news/2.md'), `\n${'>'.repeat(900_000)}\n`);
  },
  // The project's own copy of the theme, with a tag Liquid does not know on line 2 of a partial.
  'template-error': (root) => {
    cpSync(path.resolve(here, '../../templates'), path.join(root, 'templates'), { recursive: true });
    writeFileSync(path.join(root, 'templates/partials/footer.liquid'), '<footer>\n  {% iff site.title %}{{ site.title }}{% endif %}\n</footer>\n');
  },
};

// Settings a case runs with (the parse budget of `markdown-too-slow`, in seconds).
const env: Record<string, Record<string, string>> = {
  'markdown-too-slow': { BAYEGAN_PARSE_BUDGET: '0.5' },
};

// Rules that only rendering finds: their case is built (into a scratch folder) instead of checked.
const BUILT = new Set(['template-error']);

/** `check`'s output for a case folder, copied to a temporary folder first. */
export async function checkCase(name: string): Promise<{ code: number; text: string }> {
  const root = mkdtempSync(path.join(tmpdir(), `bayegan-invalid-${name}-`));
  cpSync(path.join(here, name), root, { recursive: true });
  prepare[name]?.(root);
  const saved = { ...process.env };
  Object.assign(process.env, env[name]);
  try {
    if (BUILT.has(name)) {
      const { code, err } = await run(['build', '--root', root, '--out', path.join(root, 'out')]);
      // The lines of the phases that ran before the error, with their times, are not the case's.
      return { code, text: err.replace(/^ {2}.* in [\d.]+ s\n/gm, '') };
    }
    const { code, err } = await run(['check', '--root', root]);
    return { code, text: err.replace(/ checked in [\d.]+ s:/, ' checked:') };
  } finally {
    for (const key of Object.keys(env[name] ?? {})) if (saved[key] === undefined) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

describe('test/invalid: one site per rule, with its exact diagnostics', () => {
  // 1403-01-01 00:00 in Tehran (2024-03-20): date-future is judged against it.
  pinSourceDateEpoch(1710880200);

  it('has a case for every rule and a rule for every case', () => {
    expect(cases).toEqual(Object.keys(RULES).sort());
  });

  for (const name of cases) {
    it(name, async () => {
      const { code, text } = await checkCase(name);
      const expectedFile = path.join(here, name, 'expected.txt');
      if (process.env.BAYEGAN_WRITE_EXPECTED) writeFileSync(expectedFile, text);
      expect(text).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '(no expected.txt)');
      expect(text).toContain(`[${name}]`);
      const errors = Number(/(?::|written:) (\d+) errors?,/.exec(text)?.[1]);
      expect(code).toBe(errors > 0 ? 1 : 0);
    });
  }
});
