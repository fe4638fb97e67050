import path from 'node:path';
import { VFile } from 'vfile';
import { ContentFailure, fromVFile } from '../../diagnostics/index.ts';
import { readImageFile } from '../../load/index.ts';
import { reportImageProblem } from '../../validate/index.ts';

/**
 * An image's bytes, judged again as they are read for publishing or resizing: the file used is
 * the file checked, even if it was swapped for a link out of the project, a FIFO or another kind
 * of file since `check` looked at it. Throws a {@link ContentFailure} (nothing is written) when
 * it is no longer a publishable image.
 */
export function imageSource(abs: string, root: string, where?: { article: string; url: string }): Buffer {
  const read = readImageFile(abs, root, true);
  if (!('problem' in read)) return read.bytes!;
  // At the article that uses it when known; a resized copy does not know which article asked for it.
  const file = new VFile({ path: where?.article ?? path.relative(root, abs).split(path.sep).join('/') });
  reportImageProblem(file, where?.url ?? path.basename(abs), read.problem, { line: 1, column: 1 });
  const [found] = fromVFile(file);
  throw new ContentFailure([{ ...found!, note: `It changed while the site was being built. ${found!.note ?? ''}`.trim() }]);
}
