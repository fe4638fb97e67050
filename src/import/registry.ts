/**
 * The registry of services as `import` sees it: a dump's service name is matched after Persian
 * normalisation (`بین الملل` is `بین‌الملل`), and with `--add-services` an unknown one is added
 * to `content/site.yml` through the `yaml` Document API, so the file's comments and layout stay.
 */
import { readFileSync } from 'node:fs';
import { isSeq, parseDocument } from 'yaml';
import { serviceSchema, type ProjectPaths, type SiteConfig } from '../config/index.ts';
import { nearest, normalizeIdentity, slugify } from '../persian/index.ts';
import type { ImportProblem, Labelled } from './types.ts';
import { writeAtomic } from './write-file.ts';

/** A service of the registry, or one that importing this article would add. */
export interface ServiceMatch {
  name: string;
  slug: string;
  /** Not in `content/site.yml` yet: added when the article is written. */
  added: boolean;
}

/** The services of one project during one import run. */
export class ServiceRegistry {
  private readonly byKey = new Map<string, { name: string; slug: string }>();
  private readonly slugs = new Set<string>();

  constructor(
    private readonly paths: ProjectPaths,
    config: SiteConfig,
  ) {
    for (const service of config.services) this.remember(service.name, service.slug);
  }

  private remember(name: string, slug: string): void {
    this.byKey.set(normalizeIdentity(name), { name, slug });
    this.slugs.add(slug);
  }

  /** The registry's service for a dump's name; with `add`, a new one when none matches; else the problem. */
  match(service: Labelled<string>, add: boolean): { ok: true; value: ServiceMatch } | { ok: false; problem: ImportProblem } {
    const known = this.byKey.get(normalizeIdentity(service.value));
    if (known) return { ok: true, value: { ...known, added: false } };
    if (add) return { ok: true, value: { name: service.value, slug: this.newSlug(service.value), added: true } };
    const names = [...this.byKey.values()].map((s) => s.name);
    const guess = nearest(service.value, names);
    return {
      ok: false,
      problem: {
        ruleId: 'import-unknown-service',
        message: `Unexpected service \`${service.value}\`, expected one of ${names.map((n) => `\`${n}\``).join(', ')}`,
        note: `${guess ? `Did you mean \`${guess}\`? ` : ''}Add the service to \`services\` in content/site.yml, or import with \`--add-services\` to add it with a generated slug.`,
        line: service.line,
        column: service.column,
      },
    };
  }

  /** A slug for a new service: its name slugified, made unique with `-2`, `-3` …; `service` when nothing is left. */
  private newSlug(name: string): string {
    const slug = slugify(name);
    const base = slug !== '' && serviceSchema.shape.slug.safeParse(slug).success ? slug : 'service';
    let candidate = base;
    for (let n = 2; this.slugs.has(candidate); n++) candidate = `${base}-${n}`;
    return candidate;
  }

  /** Add a new service to `content/site.yml` (written at once, atomically) and to this registry. */
  async add(service: ServiceMatch): Promise<void> {
    const doc = parseDocument(readFileSync(this.paths.siteFile, 'utf8').replace(/^\uFEFF/, ''));
    const services = doc.get('services', true);
    if (!isSeq(services)) throw new Error('content/site.yml has no `services` list; it was checked before importing, so this is a bug.');
    services.add(doc.createNode({ slug: service.slug, name: service.name }));
    await writeAtomic(this.paths.siteFile, doc.toString({ lineWidth: 0 }));
    this.remember(service.name, service.slug);
  }
}
