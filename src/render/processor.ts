import type { Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import rehypeBasePath from './plugins/base-path.ts';
import rehypeFootnotes from './plugins/footnotes.ts';
import rehypeImageAttributes from './plugins/image-attributes.ts';
import rehypePersianTypography from './plugins/persian-typography.ts';
import rehypeRemoveInvalidCharacters from './plugins/remove-invalid-characters.ts';
import rehypeTables from './plugins/tables.ts';

/**
 * Bump when the HTML that the same Markdown renders to changes (a plugin, an option, the
 * sanitize schema), or when what the cache keeps per article (front matter, facts,
 * diagnostics) changes shape or wording: it is part of every cache key.
 */
export const RENDER_VERSION = 5;

/** Settings that change the HTML of a body; every one is part of the render cache key. */
export interface RenderSettings {
  /** Path part of the site's base URL, `/` by default. */
  basePath: string;
}

/** What articles need besides GitHub's defaults; scripts, event handlers and `javascript:` URLs stay out. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  // Ids stay as written, so footnote links (`#fn-1`) and heading anchors keep working.
  clobberPrefix: '',
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'cite', 'abbr', 'time'],
  attributes: {
    ...defaultSchema.attributes,
    h2: [...(defaultSchema.attributes?.h2 ?? []), ['className', 'footnotes-title']],
    img: [...(defaultSchema.attributes?.img ?? []), 'loading', 'decoding'],
    time: ['dateTime'],
  },
};

function createProcessor(settings: RenderSettings, raw: boolean) {
  const base = unified().use(remarkRehype, {
    allowDangerousHtml: raw,
    clobberPrefix: '',
    footnoteLabel: 'پانوشت‌ها',
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['footnotes-title'] },
    footnoteBackLabel: (reference: number, rereference: number) =>
      `بازگشت به متن، ارجاع ${reference + 1}${rereference > 1 ? `-${rereference}` : ''}`,
  });
  const withRaw = raw ? base.use(rehypeRaw) : base;
  return withRaw
    .use(rehypeSanitize, schema)
    .use(rehypeRemoveInvalidCharacters)
    .use(rehypeSlug)
    .use(rehypePersianTypography)
    .use(rehypeImageAttributes)
    .use(rehypeTables)
    .use(rehypeFootnotes)
    .use(rehypeBasePath, { basePath: settings.basePath })
    .use(rehypeStringify)
    .freeze();
}

type HtmlProcessor = Processor<undefined, Root, HastRoot, HastRoot, string>;
const processors = new Map<string, HtmlProcessor>();

// One processor per (settings, raw) pair, built once: rehype-raw costs time, so articles
// without raw HTML never go through it.
function processorFor(settings: RenderSettings, raw: boolean): HtmlProcessor {
  const key = `${settings.basePath}\u0000${raw}`;
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = createProcessor(settings, raw) as unknown as HtmlProcessor));
  return processor;
}

/** Render a parsed Markdown body to sanitized HTML; synchronous, so that a parse budget can stop it. */
export function renderBody(tree: Root, hasHtml: boolean, settings: RenderSettings): string {
  const processor = processorFor(settings, hasHtml);
  return processor.stringify(processor.runSync(tree));
}
