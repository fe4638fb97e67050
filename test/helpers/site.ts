import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildProject, type BuildResult, type RunOptions } from '../../src/build/index.ts';

/** A minimal `content/site.yml` for test sites; `extra` lines are appended. */
export function siteYml(extra = ''): string {
  return `title: آزمایش
description: سایت آزمایشی
baseUrl: https://test.example/
services:
  - slug: international
    name: بین‌الملل
  - slug: politics
    name: سیاسی
${extra}`;
}

/**
 * Write a whole site from one text block, Hugo's way: each file starts with a line
 * `-- path --` and runs to the next such line. Returns the project folder (a new temp folder).
 */
export function writeSite(text: string, root = mkdtempSync(path.join(tmpdir(), 'bayegan-'))): string {
  const parts = text.split(/^-- (.+?) --$/m);
  for (let i = 1; i < parts.length; i += 2) {
    const file = path.join(root, parts[i]!.trim());
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, parts[i + 1]!.replace(/^\n/, ''));
  }
  return root;
}

/** A built test site and helpers to read its output. */
export interface BuiltSite {
  root: string;
  dist: string;
  result: BuildResult;
  read(file: string): string;
  exists(file: string): boolean;
}

/** Build a project folder into its `dist/`. */
export async function build(root: string, options: RunOptions = {}): Promise<BuiltSite> {
  const result = await buildProject({ root, ...options });
  const dist = path.resolve(root, options.out ?? 'dist');
  return {
    root,
    dist,
    result,
    read: (file) => readFileSync(path.join(dist, file), 'utf8'),
    exists: (file) => existsSync(path.join(dist, file)),
  };
}

/** Write a site from a text block and build it. */
export async function buildSite(text: string, options: RunOptions = {}): Promise<BuiltSite> {
  return build(writeSite(text), options);
}

/** The cache's record of the live site of `<root>/dist`: output file → `key<TAB>size<TAB>mtimeMs`. */
export function liveManifest(root: string, out = 'dist'): Map<string, string> {
  const folder = path.join(root, '.cache/out');
  const name = readdirSync(folder).find((n) => n.startsWith(`${out}-`))!;
  const lines = readFileSync(path.join(folder, name, 'live.tsv'), 'utf8').split('\n').slice(2, -1);
  return new Map(lines.map((line) => [line.slice(0, line.indexOf('\t')), line.slice(line.indexOf('\t') + 1)]));
}

/** Front-matter choices for {@link articleFile}. */
export interface ArticleOptions {
  date?: string;
  service?: string;
  /** More front-matter lines, each ending with a newline. */
  extra?: string;
  body?: string;
}

/** One article in a site text block: `content/news/<id>.md`, titled by its id. */
export function articleFile(id: number, { date = '1400-01-01', service = 'سیاسی', extra = '', body = `متن ${id}.` }: ArticleOptions = {}): string {
  return `-- content/news/${id}.md --
---
title: خبر ${id}
shenaseh: ${id}
date: ${date}
service: ${service}
${extra}---
${body}
`;
}
