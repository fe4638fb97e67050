import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { displayPath, type ProjectPaths } from '../config/index.ts';
import { fromVFile, quote, report, type Diagnostic } from '../diagnostics/index.ts';
import { readFailure } from './safe-read.ts';

/** One Markdown source found under `content/`. */
export interface SourceFile {
  /** Relative to the project root, with `/` (what diagnostics show). */
  path: string;
  /** Absolute path on disk. */
  abs: string;
}

/** The sources under `content/`, and the folders and entries that could not be taken as sources. */
export interface ContentScan {
  sources: SourceFile[];
  /** `file-unreadable` errors: a folder that cannot be listed, an `.md` that is a link, a FIFO or a device. */
  problems: Diagnostic[];
}

function problem(shown: string, message: string, note: string): Diagnostic[] {
  const file = new VFile({ path: shown });
  report(file, message, { ruleId: 'file-unreadable', note });
  return fromVFile(file);
}

/** The `file-unreadable` error of a source that could not be read, with the reason. */
export function unreadableProblem(shown: string, error: unknown): Diagnostic[] {
  return problem(shown, `Unexpected file that cannot be read (${readFailure(error)}), expected an article bayegan can read`, 'Give the file read permission (`chmod a+r`), or move it out of `content/`.');
}

// An entry named like an article that is not a regular file: never opened (a FIFO would block for ever).
function notRegular(entry: Dirent, shown: string): Diagnostic[] {
  if (entry.isSymbolicLink()) {
    return problem(shown, `Unexpected symbolic link ${quote(entry.name)}, expected a regular file`, 'bayegan reads only regular files under `content/` (a link can point anywhere on the machine); put the article itself here.');
  }
  return problem(shown, `Unexpected FIFO, device or socket ${quote(entry.name)}, expected a regular file`, 'bayegan never reads such files (reading a FIFO would wait for ever); remove it.');
}

// Synchronous listing is several times cheaper than the promise API for the thousands of small
// folders of a large archive; each file's display path is built on the way down, not derived.
function walk(dir: string, shown: string, scan: ContentScan): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    const note = 'Give the folder read and search permission (`chmod a+rx`), or move it out of `content/`: bayegan cannot tell which articles it holds.';
    scan.problems.push(...problem(shown, `Unexpected folder that cannot be read (${readFailure(error)}), expected a folder of articles`, note));
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    // A name read from a folder has no separator, and `dir` is already a normal absolute path.
    const abs = `${dir}${path.sep}${entry.name}`;
    const display = shown === '' ? entry.name : `${shown}/${entry.name}`;
    // Links to folders are not followed: the archive is what lies under content/ itself.
    if (entry.isDirectory()) walk(abs, display, scan);
    else if (!entry.name.toLowerCase().endsWith('.md')) continue;
    else if (entry.isFile()) scan.sources.push({ abs, path: display });
    else scan.problems.push(...notRegular(entry, display));
  }
}

/** Every `.md` file under `content/`, in a stable order (by path, code-point order), and what could not be read. */
export async function scanContent(paths: ProjectPaths): Promise<ContentScan> {
  const scan: ContentScan = { sources: [], problems: [] };
  walk(paths.content, displayPath(paths, paths.content), scan);
  scan.sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return scan;
}

/** What a build keeps of a source's stat: 20,000 `Stats` objects and their numbers are ~7 MB. */
export type SourceStat = Pick<Stats, 'size' | 'mtimeMs'>;

/** Stat every source (synchronously: far cheaper for this many calls); one that cannot be stat-ed is a problem, not a source. */

export function statSources(scan: ContentScan): ContentScan & { stats: SourceStat[] } {
  const sources: SourceFile[] = [];
  const stats: SourceStat[] = [];
  const problems = [...scan.problems];
  for (const source of scan.sources) {
    try {
      const { size, mtimeMs } = statSync(source.abs);
      stats.push({ size, mtimeMs });
      sources.push(source);
    } catch (error) {
      problems.push(...unreadableProblem(source.path, error));
    }
  }
  return { sources, stats, problems };
}
