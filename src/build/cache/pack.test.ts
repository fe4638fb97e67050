import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { archive } from '../../../test/check/archive-with-mistakes.ts';
import { writeSite } from '../../../test/helpers/site.ts';
import { checkProject } from '../run.ts';
import { pack, unpack } from './pack.ts';

describe('pack and unpack of cached checks', () => {
  it('restore every check of the sample archive and of a site full of mistakes exactly, in less space', async () => {
    const roots = [path.resolve(import.meta.dirname, '../../..'), writeSite(archive)];
    let before = 0;
    let after = 0;
    for (const root of roots) {
      const project = await checkProject({ root, cache: mkdtempSync(path.join(tmpdir(), 'bayegan-pack-')) });
      expect(project.checkedNow.size).toBeGreaterThan(5);
      for (const [file, entry] of project.checkedNow) {
        const hash = project.hashes.get(file)!;
        const stored = JSON.stringify(pack(entry.source, file, hash));
        expect(unpack(JSON.parse(stored), file, hash)).toEqual(entry.source);
        // Tag uses are rows, not objects of eight keys each.
        expect(stored).not.toContain('"spot":');
        before += JSON.stringify(entry.source).length;
        after += stored.length;
      }
    }
    expect(after).toBeLessThan(before * 0.8);
  });
});
