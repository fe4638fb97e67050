import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatDiagnostics } from '../../diagnostics/index.ts';
import { importDumps } from '../../import/index.ts';
import { println, reporting, UsageError, type Io, type Reporting } from '../io.ts';

/** `bayegan import <file-or-folder>…`: legacy dumps into `content/news/`, each on its own; exit 1 when any failed. */
export async function importCommand(args: string[], io: Io, report: (r: Reporting) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      format: { type: 'string' },
      'add-services': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
    },
  });
  const how = reporting(values.format, io);
  report(how);
  if (positionals.length === 0) throw new UsageError('Unexpected `import` without a dump, expected dump files or folders');
  const missing = positionals.filter((input) => !existsSync(input));
  if (missing.length > 0) {
    throw new UsageError(`Unexpected ${missing.map((m) => `\`${m}\``).join(', ')}: no such file or folder, expected dump files or folders`);
  }
  const result = await importDumps({ root: values.root, inputs: positionals, addServices: values['add-services'], force: values.force });
  // In the machine formats stdout carries only diagnostics; the rest goes to stderr.
  const prose = how.format === 'text' ? io.out : io.err;
  for (const note of result.notes) println(prose, note);
  if (result.diagnostics.length > 0) println(how.format === 'text' ? io.err : io.out, formatDiagnostics(result.diagnostics, how.format, how.color));
  println(prose, `Imported ${result.imported}, unchanged ${result.unchanged}, failed ${result.failed}`);
  return result.failed > 0 ? 1 : 0;
}
