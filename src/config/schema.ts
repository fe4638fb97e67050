// zod's builders by name, not its `z` namespace: the bundler cannot shake a namespace, which would
// carry zod's 40 locales and JSON-schema code (0.56 MB) into the chunk every process and thread compiles.
import { array, enum as oneOf, int, strictObject, string, url, type infer as Infer } from 'zod';
import { isValidTimeZone } from '../persian/index.ts';

const slugPattern = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

// Every link is the base URL joined with a path: a query, a fragment or a password in it would
// end up inside every URL of the site.
function plainBase(text: string): boolean {
  if (!URL.canParse(text)) return true;
  const url = new URL(text);
  return url.search === '' && url.hash === '' && !/[?#]/.test(text) && url.username === '' && url.password === '';
}

/** The absolute URL a site is served from; checked the same in `content/site.yml` and in `build --base-url`. */
export const baseUrlSchema = url({ protocol: /^https?$/, error: 'expected an absolute http(s) URL such as `https://example.org/`' })
  .refine(plainBase, 'expected a URL without a query, a fragment or a password, such as `https://example.org/archive/`');

/** One section (سرویس) of the archive in `content/site.yml`. */
export const serviceSchema = strictObject({
  /** URL slug: `/service/<slug>/`. Letters (Persian allowed), digits and `-`. */
  slug: string()
    .regex(slugPattern, 'expected letters, digits and single `-` between them, such as `international`')
    // The slug names the service's folder: a file name holds at most 255 bytes.
    .refine((slug) => Buffer.byteLength(slug) <= 200, 'expected a slug of at most 200 bytes, such as `international`'),
  /** The Persian name editors write in front matter (matched after normalisation). */
  name: string().trim().min(1),
  /** Shown on the service page. Default: none. */
  description: string().optional(),
});

/** `content/site.yml`: site settings and the registry of services. */
export const siteSchema = strictObject({
  /** Site title (header, `<title>`, feeds). */
  title: string().trim().min(1),
  /** One-sentence description (meta description, feeds). Default: empty. */
  description: string().default(''),
  /** Absolute URL the site is served from, e.g. `https://example.org/` or `https://example.org/archive/`. */
  baseUrl: baseUrlSchema,
  /** IANA time zone of the newsroom; dates in front matter are wall-clock times there. Default: `Asia/Tehran`. */
  timeZone: string()
    .refine(isValidTimeZone, 'expected an IANA time zone such as `Asia/Tehran` or `Asia/Kabul`')
    .default('Asia/Tehran'),
  /** Month names for display: `iran` (فروردین … اسفند) or `afghanistan` (حمل … حوت). Default: `iran`. */
  months: oneOf(['iran', 'afghanistan']).default('iran'),
  /** Articles per page on the home, service and tag pages. Default: 10. */
  pageSize: int().min(1).max(500).default(10),
  /** Articles per page on a Jalali month archive page. Default: 100. */
  archivePageSize: int().min(1).max(5000).default(100),
  /** How many related articles an article page lists. Default: 5. */
  relatedCount: int().min(0).max(50).default(5),
  /** Default share image (`og:image`) of pages without their own: a PNG, JPEG or WebP file, relative to `content/`. Default: the title drawn on the accent colour. */
  image: string().trim().min(1).optional(),
  /** The publisher's logo in JSON-LD: a PNG, JPEG or WebP file, relative to `content/`. Default: the title on a square. */
  logo: string().trim().min(1).optional(),
  /** The registry of services. */
  services: array(serviceSchema).min(1, 'expected at least one service'),
});

/** The settings as written (after defaults). */
export type SiteSettings = Infer<typeof siteSchema>;
