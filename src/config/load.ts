import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { VFile } from 'vfile';
import type { z } from 'zod';
import { ContentFailure, fromVFile, hasErrors, report } from '../diagnostics/index.ts';
import { normalizeIdentity } from '../persian/index.ts';
import { checkBrandFiles } from './brand-files.ts';
import { displayPath, type ProjectPaths } from './paths.ts';
import { baseUrlSchema, siteSchema, type SiteSettings } from './schema.ts';
import { parseYaml, type ParsedYaml } from './yaml.ts';

/** A service of the registry, with its identity key. */
export interface Service {
  slug: string;
  name: string;
  description: string;
  /** `normalizeIdentity(name)`: how front matter spellings are matched. */
  key: string;
}

/** Validated site settings, ready for every stage. */
export interface SiteConfig extends Omit<SiteSettings, 'services' | 'baseUrl'> {
  /** Absolute, ends with `/`. */
  baseUrl: string;
  /** The path part of `baseUrl`: `/` or `/archive/`; every internal link starts with it. */
  basePath: string;
  services: Service[];
  serviceByKey: ReadonlyMap<string, Service>;
  /** Digest of the settings, for cache keys. */
  hash: string;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    return `Unexpected key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')} in site settings`;
  }
  const where = issue.path.length > 0 ? `\`${issue.path.join('.')}\`` : 'site settings';
  return `Unexpected value for ${where}: ${issue.message}`;
}

/** Settings given on the command line, which win over `content/site.yml` (a preview deploy's URL). */
export interface SiteOverrides {
  /** Replaces `baseUrl`; checked like it. */
  baseUrl?: string | undefined;
}

// The URL as a browser writes it (host in lower case, non-ASCII percent-encoded), ending with `/`:
// every absolute URL of the site starts with it.
function normalBaseUrl(text: string): string {
  const href = new URL(text).href;
  return href.endsWith('/') ? href : `${href}/`;
}

function toConfig(settings: SiteSettings, file: VFile, parsed: ParsedYaml): SiteConfig {
  const baseUrl = normalBaseUrl(settings.baseUrl);
  const services: Service[] = [];
  const byKey = new Map<string, Service>();
  const bySlug = new Map<string, number>();
  settings.services.forEach((entry, index) => {
    const service = { slug: entry.slug, name: entry.name, description: entry.description ?? '', key: normalizeIdentity(entry.name) };
    const sameName = byKey.get(service.key);
    const sameSlug = bySlug.get(service.slug);
    const place = parsed.placeOf(['services', index]);
    if (sameName) {
      report(file, `Unexpected second service named \`${entry.name}\`, expected each service once`, {
        ruleId: 'site-settings',
        place,
        note: `\`${entry.name}\` and \`${sameName.name}\` are one service after Persian normalisation; remove one entry.`,
      });
    } else if (sameSlug !== undefined) {
      report(file, `Unexpected second service with slug \`${entry.slug}\`, expected each slug once`, {
        ruleId: 'site-settings',
        place,
        note: 'Give every service its own slug; the slug is its URL, `/service/<slug>/`.',
      });
    } else {
      byKey.set(service.key, service);
      bySlug.set(service.slug, index);
      services.push(service);
    }
  });
  const hash = createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
  return { ...settings, baseUrl, basePath: new URL(baseUrl).pathname, services, serviceByKey: byKey, hash };
}

/**
 * Read and validate `content/site.yml`, with `overrides` applied; throws a {@link ContentFailure}
 * listing every problem.
 */
export function loadSiteConfig(paths: ProjectPaths, overrides: SiteOverrides = {}): SiteConfig {
  const file = new VFile({ path: displayPath(paths, paths.siteFile) });
  let text: string;
  try {
    text = readFileSync(paths.siteFile, 'utf8');
  } catch {
    report(file, `Unexpected missing file \`${file.path}\`, expected the site settings`, {
      ruleId: 'site-settings',
      note: 'Create `content/site.yml` with at least `title`, `baseUrl` and `services` (see README.md, Configuration).',
    });
    throw new ContentFailure(fromVFile(file));
  }
  const parsed = parseYaml(text.replace(/^\uFEFF/, ''), 'core');
  for (const problem of parsed.problems) {
    report(file, `Unexpected YAML syntax: ${problem.message}`, { ruleId: 'yaml-syntax', place: problem });
  }
  if (parsed.problems.length === 0) {
    const result = siteSchema.safeParse(parsed.value ?? {});
    const override = overrides.baseUrl === undefined ? undefined : baseUrlSchema.safeParse(overrides.baseUrl);
    if (override && !override.success) {
      for (const issue of override.error.issues) {
        report(file, `Unexpected base URL \`${overrides.baseUrl}\` given on the command line: ${issue.message}`, { ruleId: 'site-settings' });
      }
    } else if (!result.success) {
      for (const issue of result.error.issues) {
        report(file, describeIssue(issue), { ruleId: 'site-settings', place: parsed.placeOf(issue.path) });
      }
    } else {
      const config = toConfig({ ...result.data, ...(override && { baseUrl: override.data }) }, file, parsed);
      checkBrandFiles(result.data, paths.content, file, parsed);
      if (!hasErrors(fromVFile(file))) return config;
    }
  }
  throw new ContentFailure(fromVFile(file));
}
