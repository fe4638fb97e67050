import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A scratch folder that holds a project (`site/`) and things a hostile project must never
 * touch: a neighbouring project with an article, a secret file, a hand-made folder.
 */
export interface Sandbox {
  /** The scratch folder: everything under it is hashed before and after. */
  parent: string;
  /** The project folder, `<parent>/site`. */
  root: string;
  /** A file outside the project whose bytes a build must never read into the site. */
  secret: string;
}

/** The secret's bytes: a test asserts that they never appear in an output. */
export const SECRET = 'root:$6$bayegan-secret-must-not-leak$:19000:0:99999:7:::\n';

/** Make a sandbox; `from` (a folder) is copied in as the project when given. */
export function makeSandbox(from?: string): Sandbox {
  const parent = mkdtempSync(path.join(tmpdir(), 'bayegan-hostile-'));
  const root = path.join(parent, 'site');
  if (from) cpSync(from, root, { recursive: true });
  else mkdirSync(root);
  const secret = path.join(parent, 'secret.txt');
  writeFileSync(secret, SECRET);
  mkdirSync(path.join(parent, 'neighbour/content/news'), { recursive: true });
  writeFileSync(path.join(parent, 'neighbour/content/news/1.md'), '---\ntitle: همسایه\nshenaseh: 1\ndate: 1400-01-01\nservice: سیاسی\n---\nمتن همسایه.\n');
  writeFileSync(path.join(parent, 'neighbour/x.html'), 'hand-made\n');
  return { parent, root, secret };
}

/** What one entry of a tree is: a file's digest, a link's target, a folder, or another kind. */
function describeEntry(abs: string): string {
  const stat = lstatSync(abs);
  if (stat.isSymbolicLink()) return `link:${readlinkSync(abs)}`;
  if (stat.isDirectory()) return 'dir';
  if (stat.isFile()) return `file:${createHash('sha256').update(readFileSync(abs)).digest('hex')}:${stat.mode & 0o777}`;
  return `other:${stat.mode}`;
}

/** Every entry under `dir` (links not followed), relative path → description. */
export function treeDigest(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const abs = path.join(folder, name);
      const rel = path.relative(dir, abs).split(path.sep).join('/');
      const kind = describeEntry(abs);
      found.set(rel, kind);
      if (kind === 'dir') walk(abs);
    }
  };
  walk(dir);
  return found;
}

/**
 * The entries that differ between two digests and lie outside every allowed folder (relative
 * to the digest's root, with `/`). An empty list means nothing else was touched.
 */
export function changedOutside(before: Map<string, string>, after: Map<string, string>, allowed: string[]): string[] {
  const inside = (rel: string) => allowed.some((a) => rel === a || rel.startsWith(`${a}/`));
  const changed: string[] = [];
  for (const rel of new Set([...before.keys(), ...after.keys()])) {
    if (before.get(rel) !== after.get(rel) && !inside(rel)) changed.push(`${rel}: ${before.get(rel) ?? '(none)'} → ${after.get(rel) ?? '(none)'}`);
  }
  return changed.sort();
}
