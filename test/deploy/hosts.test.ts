import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMMUTABLE, REVALIDATE } from '../../src/outputs/index.ts';
import { filesUnder } from '../helpers/files.ts';
import { buildSample } from '../helpers/serve.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');

function section(title: string): string {
  const start = readme.indexOf(`### ${title}`);
  expect(start, title).toBeGreaterThan(-1);
  return readme.slice(start, readme.indexOf('\n##', start + 4));
}

function block(text: string, language: string): string {
  return new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(text.replace(/^ {2}/gm, ''))![1]!;
}

type Handler = (event: { request: { uri: string } }) => { uri?: string; statusCode?: number; headers?: { location: { value: string } } };

describe('the README’s host sections', () => {
  it('S3 and CloudFront: the viewer-request function maps every URL of a build to its object, and a folder without its slash to the folder', async () => {
    const handler = new Function(`${block(section('S3 and CloudFront'), 'js')}\nreturn handler;`)() as Handler;
    const dist = path.join(await buildSample('https://bayegan.example/'), 'dist');
    for (const file of filesUnder(dist).filter((f) => !f.startsWith('_'))) {
      // The URL a reader asks for: a folder for an index.html, else the file.
      const uri = '/' + file.replace(/(^|\/)index\.html$/, '$1').split('/').map(encodeURIComponent).join('/');
      const result = handler({ request: { uri } });
      expect(result.uri, uri).toBe('/' + file.split('/').map(encodeURIComponent).join('/'));
    }
    const bare = handler({ request: { uri: '/news/21016' } });
    expect(bare).toEqual({ statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/news/21016/' } } });
  });

  it('S3: uploads assets/ with the immutable policy, everything else with the short one, and never the host files', () => {
    const commands = block(section('S3 and CloudFront'), 'sh').replace(/ \\\n\s*/g, ' ');
    expect(commands).toContain(`aws s3 sync dist/assets/ s3://BUCKET/assets/ --cache-control "${IMMUTABLE}"`);
    expect(commands).toContain(`aws s3 sync dist/ s3://BUCKET/ --delete --exclude "assets/*" --exclude "_headers" --exclude "_redirects" --cache-control "${REVALIDATE}"`);
    // Assets go first, so that no page names one not uploaded yet.
    expect(commands.indexOf('dist/assets/')).toBeLessThan(commands.indexOf('aws s3 sync dist/ '));
  });

  it('states the cache policy that _headers and nginx send', () => {
    const deploy = readme.slice(readme.indexOf('## Deploy'), readme.indexOf('### Base URL'));
    expect(deploy).toContain(`| \`${IMMUTABLE}\` |`);
    expect(deploy).toContain(`| \`${REVALIDATE}\` |`);
    const nginx = block(section('nginx'), 'nginx');
    expect(nginx).toContain(`add_header Cache-Control "${IMMUTABLE}";`);
    expect(nginx).toContain(`add_header Cache-Control "${REVALIDATE}";`);
  });

  it('Netlify and Cloudflare Pages: build with a bayegan command that exists, into dist/', async () => {
    const toml = block(section('Netlify'), 'toml');
    expect(toml).toContain('command = "npx bayegan build"');
    expect(toml).toContain('publish = "dist"');
    expect(section('Cloudflare Pages')).toContain('Build command `npx bayegan build`, build output directory `dist`');
    await buildSample('https://deploy-preview-7--archive.netlify.app/');
  });
});
