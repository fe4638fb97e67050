import type { VFile } from 'vfile';
import { aliasOutput, type Service, type SiteConfig, type ValuePlace } from '../config/index.ts';
import { quote, report, type Point } from '../diagnostics/index.ts';
import { nearest, normalizeIdentity, toLatinDigits } from '../persian/index.ts';

/** How a value of the wrong type is named in a message. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return quote(value);
}

/** The items of a list value, by index (an item that is not text is reported and left out); undefined when it is not a list. */
export function stringList(file: VFile, key: string, value: unknown, place: ValuePlace | undefined, example: string): Map<number, string> | undefined {
  const items = new Map<number, string>();
  if (value === undefined || value === null || value === '') return items;
  if (!Array.isArray(value)) {
    report(file, `Unexpected ${describe(value)} for \`${key}\`, expected a list`, { ruleId: 'key-type', place: place?.value, note: `Write a list: \`${key}: ${example}\`.` });
    return undefined;
  }
  value.forEach((item, index) => {
    if (typeof item === 'string' && item.trim() !== '') items.set(index, item.trim());
    else {
      report(file, `Unexpected ${item === '' || item === null ? 'empty item' : describe(item)} in \`${key}\`, expected text`, {
        ruleId: 'key-type',
        place: place?.items?.[index] ?? place?.value,
        note: `Each item of \`${key}\` is one piece of text: \`${key}: ${example}\`.`,
      });
    }
  });
  return items;
}

/** The shenaseh as a number, or undefined after reporting why it is not one. */
export function checkShenaseh(file: VFile, value: string, place: ValuePlace | undefined): number | undefined {
  const digits = toLatinDigits(value);
  if (/^0\d*[1-9]\d*$/.test(digits)) {
    const fixed = digits.replace(/^0+/, '') || '0';
    report(file, `Unexpected leading zero in ${quote(value)}, expected \`${fixed}\``, {
      ruleId: 'leading-zero',
      place: place?.value,
      note: `${place?.plain === false ? '' : 'YAML 1.1 tools read a number with a leading zero as octal (`0123` is 83). '}Write the shenaseh without leading zeros: \`shenaseh: ${fixed}\`.`,
    });
    return undefined;
  }
  if (!/^[1-9]\d*$/.test(digits) || !Number.isSafeInteger(Number(digits))) {
    report(file, `Unexpected shenaseh ${quote(value)}, expected a positive whole number such as \`21007\``, {
      ruleId: 'shenaseh-format',
      place: place?.value,
      note: 'The shenaseh (شناسه مطلب) is the article’s permanent numeric id: digits only, no spaces or signs.',
    });
    return undefined;
  }
  return Number(digits);
}

/** The registry's service for a written name (spelling variants match), or undefined after reporting it. */
export function checkService(file: VFile, value: string, place: Point | undefined, site: SiteConfig): Service | undefined {
  const service = site.serviceByKey.get(normalizeIdentity(value));
  if (service) return service;
  const names = site.services.map((s) => s.name);
  const guess = nearest(value, names);
  report(file, `Unexpected service ${quote(value)}, expected one of ${names.map((n) => `\`${n}\``).join(', ')}`, {
    ruleId: 'unknown-service',
    place,
    note: guess
      ? `Did you mean \`${guess}\`? Or add ${quote(value)} to \`services\` in content/site.yml.`
      : `Use a service listed in content/site.yml, or add ${quote(value)} to its \`services\`.`,
  });
  return undefined;
}

/** Why an alias cannot be written safely, or undefined when it can (judged by {@link aliasOutput}, as the writer sees it). */
export function aliasProblem(alias: string): string | undefined {
  return aliasOutput(alias).problem;
}

/** Report each alias that is not an absolute site path; the valid ones with their places. */
export function checkAliases(file: VFile, aliases: Map<number, string>, place: ValuePlace | undefined): Array<{ alias: string; place: Point }> {
  const valid: Array<{ alias: string; place: Point }> = [];
  for (const [index, alias] of aliases) {
    const at = place?.items?.[index] ?? place?.value ?? { line: 1, column: 1 };
    const problem = aliasProblem(alias);
    if (problem) {
      report(file, `Unexpected alias ${quote(alias)}, expected ${problem}`, {
        ruleId: 'alias-format',
        place: at,
        note: 'An alias is an old URL of this article on this site, written as a path: `aliases: [/old/news/123.html]`.',
      });
    } else valid.push({ alias, place: { line: at.line, column: at.column } });
  }
  return valid;
}

/** The local files among image URLs: relative paths, decoded, without query or fragment, each once. */
export function localAssets(urls: string[]): string[] {
  const local = new Set<string>();
  for (const url of urls) {
    if (url === '' || url.startsWith('/') || url.startsWith('#') || /^[a-z][a-z\d+.-]*:/i.test(url)) continue;
    const clean = url.split(/[?#]/)[0]!.replace(/^\.\//, '');
    try {
      local.add(decodeURIComponent(clean));
    } catch {
      local.add(clean);
    }
  }
  return [...local];
}

/** The id in a file name such as `21007.md` (the recommended layout), if it has one. */
export function fileNameId(path: string): number | undefined {
  const digits = /(?:^|\/)0*(\d+)\.md$/i.exec(path)?.[1];
  const id = Number(digits);
  return digits && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * The ids a file may be meant to have, even when its front matter is wrong: its shenaseh read
 * leniently (`0123` → 123), and its file name (`21007.md`). While the file has an error, links
 * to those ids are not reported as broken, so one mistake gives one diagnostic.
 */
export function probableIds(path: string, shenaseh?: string): number[] {
  const written = shenaseh === undefined ? '' : toLatinDigits(shenaseh.trim());
  const lenient = /^\d+$/.test(written) ? Number(written) : undefined;
  const ids = [lenient, fileNameId(path)].filter((id): id is number => id !== undefined && Number.isSafeInteger(id) && id > 0);
  return [...new Set(ids)];
}
