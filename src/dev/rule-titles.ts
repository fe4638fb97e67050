import type { RuleId } from '../diagnostics/index.ts';

/**
 * Each rule in a sentence of Persian, for the overlay an editor reads on the page; the message
 * itself stays in English, as `check` prints it and as CI matches it.
 */
export const PERSIAN_TITLES: Record<RuleId, string> = {
  'site-settings': 'تنظیمات سایت در content/site.yml درست نیست',
  'yaml-syntax': 'سرِ پرونده (front matter) YAML درستی نیست',
  encoding: 'پرونده با UTF-8 ذخیره نشده است',
  'empty-file': 'پرونده خالی است',
  'front-matter-missing': 'پرونده با خط --- آغاز نمی‌شود',
  'front-matter-unclosed': 'خط --- پایان سرِ پرونده پیدا نشد',
  'file-too-large': 'پرونده بیش از اندازه بزرگ است',
  'required-key': 'یکی از کلیدهای لازم نیامده است',
  'key-type': 'نوع مقدار این کلید درست نیست',
  'unknown-key': 'کلیدی که بایگان نمی‌شناسد',
  'leading-zero': 'عدد با صفر آغاز شده است',
  'shenaseh-format': 'شناسه باید عددی مثبت و درست باشد',
  'date-format': 'این تاریخ جلالی خوانده نشد',
  'date-invalid': 'این روز در تقویم جلالی وجود ندارد',
  'date-gregorian': 'تاریخ میلادی است؛ تاریخ جلالی بنویسید',
  'updated-before-date': 'تاریخ ویرایش پیش از تاریخ انتشار است',
  'date-future': 'تاریخ در آینده است',
  'unknown-service': 'این سرویس در content/site.yml نیست',
  'duplicate-shenaseh': 'این شناسه در پروندهٔ دیگری هم آمده است',
  'tag-spelling': 'یک برچسب به چند شکل نوشته شده است',
  'alias-format': 'نشانی قدیمی (alias) مسیر درستی نیست',
  'alias-collision': 'این نشانی قدیمی جای دیگری هم به کار رفته است',
  'output-collision': 'دو چیز در یک پروندهٔ خروجی نوشته می‌شوند',
  'broken-link': 'پیوند به صفحه‌ای که سایت ندارد',
  'image-path': 'تصویر بیرون از پوشهٔ خبر است',
  'markdown-unreadable': 'متن آن‌قدر تودرتوست که خوانده نمی‌شود',
  'missing-image': 'پروندهٔ تصویر پیدا نشد',
  'template-error': 'قالب Liquid خطا دارد',
  'file-unreadable': 'پرونده خوانده نمی‌شود (پیوند، لوله یا دسترسی)',
  'tag-too-long': 'برچسب بیش از اندازه بلند است',
  'control-character': 'نویسه‌ای نامرئی که صفحه و خوراک نمی‌پذیرند',
  'markdown-too-slow': 'خواندن این متن بیش از اندازه طول می‌کشد',
  'image-format': 'این پرونده تصویری نیست که بتوان منتشر کرد',
  'static-file': 'پرونده‌ای از static/ که منتشر نمی‌شود',
};
