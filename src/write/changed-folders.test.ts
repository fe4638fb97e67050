import { mkdirSync, mkdtempSync, renameSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { foldersOfFiles, listChangedSince } from './changed-folders.ts';

const FILES = ['a/b/f.html', 'a/g.html', 'c/h.html', 'i.html'];

// A tree as a build leaves it, in a folder of its own: `dir/standby/`.
function makeTree(files = FILES): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bayegan-changed-'));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, 'standby', file)), { recursive: true });
    writeFileSync(path.join(dir, 'standby', file), file);
  }
  return dir;
}

// The moment its record is written (after every change of the build, on the file system's
// coarse clock too), then the tree renamed into place as a build does: `dir/live/`.
async function publish(dir: string): Promise<{ tree: string; since: number }> {
  await sleep(40);
  writeFileSync(path.join(dir, 'record'), '');
  const since = statSync(path.join(dir, 'record')).ctimeMs;
  await sleep(40);
  renameSync(path.join(dir, 'standby'), path.join(dir, 'live'));
  return { tree: path.join(dir, 'live'), since };
}

describe('listChangedSince', () => {
  it('names every folder of the files, and the tree itself', () => {
    expect([...foldersOfFiles(FILES)].sort()).toEqual(['', 'a', 'a/b', 'c']);
  });

  it('lists the entries of the folders changed since, and whatever lies under a folder no file names', async () => {
    const { tree, since } = await publish(makeTree());
    writeFileSync(path.join(tree, 'a/b/new.txt'), 'by hand');
    mkdirSync(path.join(tree, 'd/e'), { recursive: true });
    writeFileSync(path.join(tree, 'd/e/x.txt'), 'by hand');
    symlinkSync('/etc/passwd', path.join(tree, 'c/link'));
    const listing = listChangedSince(tree, foldersOfFiles(FILES), since)!;
    // `a/` itself did not change: `a/g.html` is not looked at, the changed `a/b/` is read whole.
    expect(listing.files.sort()).toEqual(['a/b/f.html', 'a/b/new.txt', 'c/h.html', 'd/e/x.txt', 'i.html']);
    expect(listing.others).toEqual(['c/link']);
  });

  it('reads only the folders changed since, and refuses to judge one whose own folder has not changed', async () => {
    const files = [...FILES, 'a/b/deep/f.html'];
    const { tree, since } = await publish(makeTree(files));
    const known = foldersOfFiles(files);
    // Only the tree's own folder, renamed into place, is read.
    expect(listChangedSince(tree, known, since)).toEqual({ files: ['i.html'], others: [] });
    writeFileSync(path.join(tree, 'a/b/deep/later.txt'), 'by hand');
    expect(listChangedSince(tree, known, since)).toEqual({ files: ['i.html', 'a/b/deep/f.html', 'a/b/deep/later.txt'], others: [] });
    // The tree was not renamed into place after this moment: a file system that keeps no such times looks the same.
    expect(listChangedSince(tree, known, Date.now() + 60_000)).toBeUndefined();
  });
});
