import { appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { inspectTree, liveListing, unlikeRecord } from './inspect.ts';
import { entryLine, FOREIGN, writeManifest, type Manifest } from './manifest.ts';

const FILES = ['a/b/f.html', 'a/g.html', 'c/h.html', 'i.html', 'j.html'];

// A tree and its record as a build leaves them: each file's line names its size and time.
function makeTree(): { dir: string; tree: string; manifest: Manifest } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bayegan-inspect-'));
  const tree = path.join(dir, 'tree');
  const manifest: Manifest = new Map();
  for (const file of FILES) {
    mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
    writeFileSync(path.join(tree, file), `<p>${file}</p>`);
    const stat = statSync(path.join(tree, file));
    manifest.set(file, entryLine({ key: `key-${file}`, size: stat.size, mtimeMs: stat.mtimeMs }));
  }
  return { dir, tree, manifest };
}

describe('unlikeRecord', () => {
  it('names the files not as their record says: changed in place, gone, or no longer a regular file', () => {
    const { tree, manifest } = makeTree();
    expect(unlikeRecord(tree, manifest)).toEqual([]);
    // Changed in place (same file, same folder), and changed back to its size with another time.
    appendFileSync(path.join(tree, 'a/g.html'), 'x');
    utimesSync(path.join(tree, 'i.html'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    rmSync(path.join(tree, 'c/h.html'));
    rmSync(path.join(tree, 'a/b/f.html'));
    mkdirSync(path.join(tree, 'a/b/f.html'));
    rmSync(path.join(tree, 'j.html'));
    symlinkSync(path.join(tree, 'a/g.html'), path.join(tree, 'j.html'));
    expect(unlikeRecord(tree, manifest).sort()).toEqual(['a/b/f.html', 'a/g.html', 'c/h.html', 'i.html', 'j.html']);
    expect(unlikeRecord(tree, manifest, 1)).toHaveLength(1);
  });
});

describe('inspectTree', () => {
  it('reads the record from its file, and trusts nothing of a record that is not the one named', () => {
    const { dir, tree, manifest } = makeTree();
    const record = path.join(dir, 'live.tsv');
    writeManifest(record, 'tree-id', manifest);
    appendFileSync(path.join(tree, 'i.html'), 'x');
    expect(inspectTree({ part: 'files', record, id: 'tree-id', tree })).toEqual({ unlike: ['i.html'] });
    expect(inspectTree({ part: 'files', record, id: 'another-id', tree })).toBeUndefined();
    expect(inspectTree({ part: 'files', record: path.join(dir, 'missing.tsv'), id: 'tree-id', tree })).toBeUndefined();
  });

  it('lists the live site’s files that may not be bayegan’s: in folders changed since its record, and those it kept before', async () => {
    const { dir, tree, manifest } = makeTree();
    manifest.set('kept.txt', entryLine({ key: FOREIGN, size: 1, mtimeMs: 1 }));
    writeFileSync(path.join(tree, 'kept.txt'), 'x');
    const record = path.join(dir, 'live.tsv');
    await sleep(40);
    writeManifest(record, 'tree-id', manifest);
    const since = statSync(record).ctimeMs;
    await sleep(40);
    // Published as a build does: renamed into place after its record was written.
    renameSync(tree, path.join(dir, 'out'));
    const out = path.join(dir, 'out');
    writeFileSync(path.join(out, 'c/by-hand.html'), 'by hand');
    const listing = inspectTree({ part: 'live', record, id: 'tree-id', out, since })!.live!;
    expect(listing).toEqual(liveListing(out, manifest, since));
    expect(listing.files).toEqual(['c/by-hand.html', 'c/h.html', 'i.html', 'j.html', 'kept.txt']);
    // A file system that cannot tell which folders changed: every file.
    expect(liveListing(out, manifest, Date.now() + 60_000).files).toHaveLength(FILES.length + 2);
  });
});
