import { appendFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../scripts/gen-corpus.ts';
import { checkProject } from '../../src/build/index.ts';

// The articles of a generated archive, as diagnostics name them.
function generate(root: string, count: number, seed: number): string[] {
  generateCorpus(root, count, seed);
  return readdirSync(path.join(root, 'content'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

// Two articles of a generated archive get bodies that take minutes to parse without a budget.
function archive(count: number): { root: string; slow: string[] } {
  const root = mkdtempSync(path.join(tmpdir(), 'bayegan-budget-'));
  const files = generate(root, count, 3);
  const slow = [files[0]!, files[Math.floor(count / 2)]!];
  appendFileSync(path.join(root, slow[0]!), `\n${'[a]('.repeat(50_000)}\n`);
  appendFileSync(path.join(root, slow[1]!), `\n${'>'.repeat(900_000)}\n`);
  return { root, slow };
}

async function tooSlow(root: string, threads: number): Promise<string[]> {
  const project = await checkProject({ root, threads });
  return project.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.ruleId}`);
}

describe('the parse budget holds in every mode', () => {
  afterEach(() => void delete process.env.BAYEGAN_PARSE_BUDGET);

  it('in one thread, for a small site and with BAYEGAN_THREADS=0', async () => {
    process.env.BAYEGAN_PARSE_BUDGET = '0.5';
    const { root, slow } = archive(20);
    expect(await tooSlow(root, 0)).toEqual(slow.map((file) => `${file} markdown-too-slow`).sort());
  });

  it('on the worker pool, with the other files of the slow ones\' batches read in full', { timeout: 240_000 }, async () => {
    process.env.BAYEGAN_PARSE_BUDGET = '0.5';
    const { root, slow } = archive(80);
    const project = await checkProject({ root, threads: 2 });
    expect(project.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file} ${d.ruleId}`)).toEqual(slow.map((file) => `${file} markdown-too-slow`).sort());
    expect(project.articles).toHaveLength(80);
  });

  it('is not cached: with a bigger budget the same file is read again', async () => {
    process.env.BAYEGAN_PARSE_BUDGET = '0.1';
    const root = mkdtempSync(path.join(tmpdir(), 'bayegan-budget-'));
    const [file] = generate(root, 3, 5);
    // Far less work than the others: about a second, several on a crowded machine.
    appendFileSync(path.join(root, file!), `\n${'*a'.repeat(15_000)}\n`);
    expect(await tooSlow(root, 0)).toEqual([`${file} markdown-too-slow`]);
    process.env.BAYEGAN_PARSE_BUDGET = '120';
    expect(await tooSlow(root, 0)).toEqual([]);
  });
});
