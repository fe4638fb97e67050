/**
 * Deterministic generator of synthetic Persian news archives for benchmarks:
 * `tsx scripts/gen-corpus.ts --articles 10000 --out .bench/10000 [--seed 1]`.
 * Same arguments, same bytes. Articles are 2–8 KB of Persian-looking prose (realistic word
 * lengths, ZWNJ compounds) with the Markdown a newsroom uses; ~10 services; a few thousand tags
 * with a Zipf-like frequency; dates over 20 Jalali years in every accepted spelling.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { AFGHAN_MONTHS, IRAN_MONTHS, jalaliMonthLength, toPersianDigits } from '../src/persian/index.ts';

/** mulberry32: small, fast, good enough for synthetic text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'این آن که را با از به در برای تا هم یا اما اگر چون پس نیز بر سر زیر میان پیش پس روی ' +
  'شهر کشور دولت مجلس مردم سال ماه روز هفته گزارش خبر طرح برنامه بودجه اقتصاد بازار قیمت تولید ' +
  'آب برق گاز نفت انرژی محیط زیست هوا آلودگی باران خشکسالی کشاورزی صنعت معدن تجارت صادرات واردات ' +
  'دانشگاه مدرسه دانشجو پژوهش علم فناوری اینترنت شبکه کتاب سینما موسیقی تئاتر نمایشگاه جشنواره ' +
  'ورزش فوتبال کشتی والیبال تیم بازیکن مربی مسابقه قهرمانی لیگ جام سلامت بیمارستان پزشک دارو ' +
  'شورا شهرداری استان وزیر رئیس نماینده کارشناس مدیر مسئول سخنگو نشست جلسه توافق قرارداد همکاری ' +
  'افزایش کاهش رشد تغییر توسعه ساخت اجرا بررسی تصویب اعلام گفت کرد شد است بود دارد کرده شده ' +
  'بزرگ کوچک تازه جدید مهم اصلی ملی محلی منطقه‌ای بین‌المللی اقتصادی اجتماعی فرهنگی سیاسی ' +
  'می‌شود می‌کند می‌گوید می‌رسد نمی‌شود گزارش‌ها طرح‌ها برنامه‌ها خانواده‌ها شهروندان کارگران ' +
  'هزینه درآمد مالیات یارانه مسکن اجاره وام بانک ارز طلا سکه بورس سهام شرکت کارخانه کارگاه'
).split(' ');
const ZWNJ_SUFFIXES = ['‌ها', '‌های', '‌تر', '‌ترین', '‌ای'];
const SERVICES = [
  ['politics', 'سیاسی'], ['economy', 'اقتصادی'], ['international', 'بین‌الملل'], ['society', 'اجتماعی'],
  ['culture', 'فرهنگی'], ['sports', 'ورزشی'], ['science', 'علمی'], ['health', 'سلامت'],
  ['provinces', 'استان‌ها'], ['energy', 'انرژی و نفت'],
] as const;

function generator(seed: number) {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
  const word = () => (rand() < 0.08 ? pick(WORDS) + pick(ZWNJ_SUFFIXES) : pick(WORDS));
  const sentence = () => {
    const words = Array.from({ length: int(7, 18) }, word);
    if (rand() < 0.15) words.splice(int(1, words.length - 1), 0, String(int(2, 1400)));
    return `${words.join(' ')}${rand() < 0.1 ? '؛' : '.'}`;
  };
  const paragraph = () => Array.from({ length: int(2, 5) }, sentence).join(' ');
  return { rand, pick, int, word, sentence, paragraph };
}

/** Tag names: a few thousand two-word names; article tags follow a Zipf-like law. */
function tagList(g: ReturnType<typeof generator>, count: number): string[] {
  const names = new Set<string>();
  while (names.size < count) names.add(`${g.word()} ${g.word()}`.replace(/[.؛]/g, ''));
  return [...names];
}

function zipf(g: ReturnType<typeof generator>, n: number): number {
  // Inverse of a continuous power law with exponent ~1: rank = n^u.
  return Math.min(n - 1, Math.floor(Math.pow(n, g.rand())) - 1);
}

function writtenDate(g: ReturnType<typeof generator>, jy: number, jm: number, jd: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const roll = g.rand();
  if (roll < 0.65) return `${jy}-${pad(jm)}-${pad(jd)}`;
  if (roll < 0.75) return `${jy}-${pad(jm)}-${pad(jd)} ${pad(g.int(6, 22))}:${pad(g.int(0, 59))}`;
  if (roll < 0.85) return `${toPersianDigits(String(jd))} ${IRAN_MONTHS[jm - 1]} ${toPersianDigits(String(jy))}`;
  if (roll < 0.92) return `${toPersianDigits(String(jd))} ${AFGHAN_MONTHS[jm - 1]} ${toPersianDigits(String(jy))}`;
  return toPersianDigits(`${jy}/${pad(jm)}/${pad(jd)}`);
}

function body(g: ReturnType<typeof generator>, id: number, first: number): string {
  const target = g.int(2048, 8192);
  const blocks: string[] = [];
  let size = 0;
  while (size < target) {
    const roll = g.rand();
    let block: string;
    if (roll < 0.07 && blocks.length > 0) block = `## ${Array.from({ length: g.int(2, 5) }, g.word).join(' ')}`;
    else if (roll < 0.11) block = Array.from({ length: g.int(3, 5) }, () => `- ${g.sentence()}`).join('\n');
    else if (roll < 0.14) block = Array.from({ length: g.int(3, 4) }, (_, i) => `${i + 1}. ${g.sentence()}`).join('\n');
    else if (roll < 0.17) block = `> ${g.paragraph()}`;
    else if (roll < 0.2 && id > first) {
      block = `${g.sentence()} [${g.word()} ${g.word()}](/news/${g.int(first, id - 1)}/) ${g.sentence()}`;
    } else if (roll < 0.205) {
      block = `| ${g.word()} | ${g.word()} | ${g.word()} |\n|---|---|---|\n` +
        Array.from({ length: g.int(2, 5) }, () => `| ${g.word()} | ${g.int(1, 999)} | ${g.int(1, 99)}.${g.int(0, 9)} |`).join('\n');
    } else block = g.paragraph();
    if (roll > 0.995) block += `[^1]\n\n[^1]: ${g.sentence()}`;
    blocks.push(block);
    size += Buffer.byteLength(block) + 2;
  }
  return blocks.join('\n\n');
}

/** Write an archive of `articles` articles under `out/content/`. */
export function generateCorpus(out: string, articles: number, seed = 1): void {
  const g = generator(seed);
  rmSync(path.join(out, 'content'), { recursive: true, force: true });
  mkdirSync(path.join(out, 'content'), { recursive: true });
  const services = SERVICES.map(([slug, name]) => `  - slug: ${slug}\n    name: ${name}`).join('\n');
  writeFileSync(
    path.join(out, 'content/site.yml'),
    `title: بایگان آزمون\ndescription: آرشیو ساختگی برای سنجش سرعت\nbaseUrl: https://bench.example/\nservices:\n${services}\n`,
  );
  const tags = tagList(g, Math.max(50, Math.min(3000, Math.round(articles / 4))));
  const first = 100_000;
  // 20 Jalali years, articles spread evenly in time so ids grow with the date.
  const days = 20 * 365;
  for (let i = 0; i < articles; i++) {
    const id = first + i;
    const day = Math.floor((i / articles) * days);
    const jy = 1385 + Math.floor(day / 365);
    const jm = Math.min(12, 1 + Math.floor((day % 365) / 30.5));
    const jd = Math.min(jalaliMonthLength(jy, jm), 1 + Math.floor((day % 365) % 30.5));
    const [, service] = g.pick(SERVICES);
    const written = g.rand() < 0.05 ? service.replace('‌', ' ') : service;
    const articleTags = [...new Set(Array.from({ length: g.int(1, 5) }, () => tags[zipf(g, tags.length)]!))];
    const lead = g.rand() < 0.8 ? `lead: ${g.sentence()}\n` : '';
    const text =
      `---\ntitle: ${Array.from({ length: g.int(6, 12) }, g.word).join(' ')}\nshenaseh: ${id}\n` +
      `date: ${writtenDate(g, jy, jm, jd)}\nservice: ${written}\ntags: [${articleTags.join(', ')}]\n${lead}---\n` +
      `${body(g, id, first)}\n`;
    const dir = path.join(out, 'content/news', String(jy), String(jm).padStart(2, '0'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `${id}.md`), text);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { articles: { type: 'string', default: '1000' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } } });
  const count = Number(values.articles);
  const out = path.resolve(values.out ?? `.bench/${count}`);
  const started = performance.now();
  generateCorpus(out, count, Number(values.seed));
  console.log(`Generated ${count} articles in ${out}/content in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
