import { lstatSync, openSync, readSync, closeSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import { report } from '../diagnostics/index.ts';
import type { ParsedYaml } from './yaml.ts';

// The first bytes of the formats every share preview and search engine shows.
const SIGNATURES: Array<[string, (b: Buffer) => boolean]> = [
  ['PNG', (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))],
  ['JPEG', (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff],
  ['WebP', (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP'],
];

function problemOf(content: string, value: string): string | undefined {
  const abs = path.resolve(content, value);
  if (path.isAbsolute(value) || !abs.startsWith(content + path.sep)) return 'a path inside `content/`, relative to it';
  let stat;
  try {
    stat = lstatSync(abs);
  } catch {
    return `a file at \`content/${value}\``;
  }
  if (!stat.isFile() || !realpathSync(abs).startsWith(realpathSync(content) + path.sep)) return 'a regular file inside `content/` (not a folder or a link out of it)';
  const head = Buffer.alloc(16);
  const fd = openSync(abs, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return SIGNATURES.some(([, is]) => is(head)) ? undefined : 'a PNG, JPEG or WebP image';
}

/** Check the `image` and `logo` settings: each a PNG, JPEG or WebP file inside `content/`. */
export function checkBrandFiles(settings: { image?: string; logo?: string }, content: string, file: VFile, parsed: ParsedYaml): void {
  for (const key of ['image', 'logo'] as const) {
    const value = settings[key];
    if (value === undefined) continue;
    const expected = problemOf(content, value);
    if (expected === undefined) continue;
    report(file, `Unexpected \`${key}: ${value}\`, expected ${expected}`, {
      ruleId: 'site-settings',
      place: parsed.placeOf([key]),
      note: `Put the image in \`content/\` (for example \`content/brand/${key === 'image' ? 'share' : 'logo'}.png\`) and write its path from there, or leave \`${key}\` out to use one drawn from the title.`,
    });
  }
}
