import { appendFileSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startInspector } from '../../src/build/inspector.ts';
import { entryLine, inspectTree, writeManifest, type Manifest } from '../../src/write/index.ts';

describe('the inspecting thread', () => {
  it('finds in its own thread what an inspection here finds, job after job, and stops when closed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bayegan-inspector-'));
    const tree = path.join(dir, 'tree');
    const manifest: Manifest = new Map();
    for (const file of ['a/b.html', 'c.html', 'd.html']) {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      writeFileSync(path.join(tree, file), file);
      const stat = statSync(path.join(tree, file));
      manifest.set(file, entryLine({ key: 'k', size: stat.size, mtimeMs: stat.mtimeMs }));
    }
    const record = path.join(dir, 'live.tsv');
    writeManifest(record, 'id', manifest);
    appendFileSync(path.join(tree, 'c.html'), 'changed by hand');
    const inspector = startInspector();
    try {
      const files = { part: 'files', record, id: 'id', tree } as const;
      const [found, stale] = await Promise.all([inspector.inspect(files), inspector.inspect({ ...files, id: 'other' })]);
      expect(found).toEqual({ unlike: ['c.html'] });
      expect(found).toEqual(inspectTree(files));
      expect(stale).toBeUndefined();
      const since = statSync(record).mtimeMs - 2000;
      expect(await inspector.inspect({ part: 'live', record, id: 'id', out: tree, since })).toEqual(inspectTree({ part: 'live', record, id: 'id', out: tree, since }));
    } finally {
      await inspector.close();
    }
    await expect(inspector.inspect({ part: 'files', record, id: 'id', tree })).rejects.toThrow(/stopped/);
  });
});
