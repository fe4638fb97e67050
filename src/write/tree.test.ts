import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createInto, writeInto } from './tree.ts';

function tree(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bayegan-tree-'));
  mkdirSync(path.join(dir, 'tree'));
  return dir;
}

describe('createInto', () => {
  it('creates a new file with its bytes and folders, and returns its modification time', () => {
    const dir = tree();
    const mtime = createInto(path.join(dir, 'tree'), 'news/1/index.html', Buffer.from('سلام'));
    const file = path.join(dir, 'tree/news/1/index.html');
    expect(readFileSync(file, 'utf8')).toBe('سلام');
    expect(mtime).toBe(lstatSync(file).mtimeMs);
  });

  it('never writes through a link or over a file that stands there (the caller writes by rename instead)', () => {
    const dir = tree();
    writeFileSync(path.join(dir, 'secret'), 'keep');
    symlinkSync(path.join(dir, 'secret'), path.join(dir, 'tree/page.html'));
    expect(createInto(path.join(dir, 'tree'), 'page.html', Buffer.from('x'))).toBeUndefined();
    expect(readFileSync(path.join(dir, 'secret'), 'utf8')).toBe('keep');
    writeInto(path.join(dir, 'tree'), 'page.html', Buffer.from('x'));
    expect(lstatSync(path.join(dir, 'tree/page.html')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(dir, 'secret'), 'utf8')).toBe('keep');
  });

  it('refuses a path that leaves the tree', () => {
    const dir = tree();
    expect(() => createInto(path.join(dir, 'tree'), '../out.html', Buffer.from('x'))).toThrow();
    expect(() => lstatSync(path.join(dir, 'out.html'))).toThrow();
  });
});

describe('folders of a tree', () => {
  it('refuses a folder reached through a link that leads out, even after folders were made beside it', () => {
    const dir = tree();
    const root = path.join(dir, 'tree');
    createInto(root, 'index.html', Buffer.from('x'));
    createInto(root, 'news/1/index.html', Buffer.from('x'));
    createInto(root, 'news/2/index.html', Buffer.from('x'));
    mkdirSync(path.join(dir, 'elsewhere'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(root, 'news/3'));
    expect(() => createInto(root, 'news/3/index.html', Buffer.from('x'))).toThrow(/leads out/);
    expect(readdirSync(path.join(dir, 'elsewhere'))).toEqual([]);
    expect(readFileSync(path.join(root, 'news/2/index.html'), 'utf8')).toBe('x');
  });
});
