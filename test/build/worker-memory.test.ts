import { describe, expect, it } from 'vitest';
import type { CompileJob, CompileResult } from '../../src/build/compile.ts';
import type { Runner } from '../../src/build/pool.ts';
import { runBatch } from '../../src/build/run.ts';

const job = (path: string): CompileJob => ({ path, abs: `/x/${path}`, render: true, settings: { basePath: '/' }, htmlRoot: '/x/.cache/html' });

// A pool whose thread dies of memory whenever a batch holds `hostile.md`, as a real one does.
function pool(): Runner & { batches: string[][] } {
  const batches: string[][] = [];
  return {
    threads: 2,
    batches,
    close: async () => {},
    run: async <T>(task: Parameters<Runner['run']>[0]) => {
      if (task.kind !== 'compile') throw new Error('unexpected task');
      const paths = task.jobs.map((j) => j.path);
      batches.push(paths);
      if (paths.includes('hostile.md')) throw Object.assign(new Error('Worker terminated due to reaching memory limit'), { code: 'ERR_WORKER_OUT_OF_MEMORY' });
      return paths.map((path) => ({ path, size: 1, mtimeMs: 1, hash: 'h', key: 'k', reused: true })) as T;
    },
  };
}

describe('a pool thread that runs out of memory', () => {
  it('costs only its hostile file: the batch is tried again file by file, and that file is reported', async () => {
    const runner = pool();
    const results = await runBatch(runner, ['a.md', 'hostile.md', 'b.md'].map(job));
    expect(results.map((r) => r.path)).toEqual(['a.md', 'hostile.md', 'b.md']);
    expect(results[0]).toMatchObject({ reused: true });
    const hostile = results[1] as Extract<CompileResult, { reused: false }>;
    expect(hostile.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId} ${d.message}`)).toEqual([
      'hostile.md:1:1 markdown-too-slow Unexpected article that needs more than 384 MB of memory to read, expected ordinary paragraphs, lists and quotes',
    ]);
    // Never reused: the next run reads the file again.
    expect(hostile.key).toBe('');
    expect(runner.batches).toEqual([['a.md', 'hostile.md', 'b.md'], ['a.md'], ['hostile.md'], ['b.md']]);
  });

  it('lets any other failure through: a bug is not a content error', async () => {
    const runner = pool();
    runner.run = async () => {
      throw new TypeError('bug');
    };
    await expect(runBatch(runner, [job('a.md')])).rejects.toThrow('bug');
  });
});
