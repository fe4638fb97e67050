import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { quote, type FileFix } from '../diagnostics/index.ts';
import { hashBytes } from '../load/index.ts';
import { applyEdits, decodeUtf8 } from '../parse/index.ts';
import type { CheckedProject } from './run.ts';

/** One change `check --fix` made. */
export interface AppliedFix {
  file: string;
  line: number;
  column: number;
  /** ``` `انرژي` → `انرژی` ``` */
  change: string;
}

/** What `check --fix` did. */
export interface FixResult {
  applied: AppliedFix[];
  /** Files changed on disk since they were checked: left alone. */
  changed: string[];
}

/** Every fix a checked project offers: those of its diagnostics and the quiet ones (spelling variants, date forms). */
export function fixesOf(project: Pick<CheckedProject, 'diagnostics' | 'fixes'>): FileFix[] {
  const fromDiagnostics = project.diagnostics.flatMap((d) => (d.fix ? [{ file: d.file, line: d.line, column: d.column, edit: d.fix }] : []));
  return [...fromDiagnostics, ...project.fixes];
}

function byFile(fixes: FileFix[]): Map<string, FileFix[]> {
  const groups = new Map<string, FileFix[]>();
  for (const fix of fixes) groups.set(fix.file, [...(groups.get(fix.file) ?? []), fix]);
  return groups;
}

/**
 * Apply the mechanical fixes of a checked project to its files. Only the edited ranges change,
 * byte for byte (a BOM and CRLF line ends stay); a file whose bytes changed since the check is
 * not touched, and the Markdown body never is (every fix is in the front matter).
 */
export async function applyFixes(project: CheckedProject): Promise<FixResult> {
  const result: FixResult = { applied: [], changed: [] };
  for (const [file, fixes] of byFile(fixesOf(project))) {
    const abs = path.join(project.paths.root, file);
    const bytes = await readFile(abs);
    if (hashBytes(bytes) !== project.hashes.get(file)) {
      result.changed.push(file);
      continue;
    }
    const edited = applyEdits(bytes, fixes.map((f) => f.edit));
    const text = decodeUtf8(bytes);
    if (!edited || text === undefined || edited.applied.length === 0) continue;
    await writeFile(abs, edited.bytes);
    for (const edit of edited.applied) {
      const fix = fixes.find((f) => f.edit === edit)!;
      result.applied.push({ file, line: fix.line, column: fix.column, change: `${quote(text.slice(edit.start, edit.end))} → ${quote(edit.text)}` });
    }
  }
  return result;
}
