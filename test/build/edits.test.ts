import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/index.ts';
import { ContentFailure, type Diagnostic } from '../../src/diagnostics/index.ts';
import { siteYml, writeSite } from '../helpers/site.ts';
import { snapshot } from '../helpers/snapshot.ts';

const NOW = Date.UTC(2024, 0, 1);

function article(id: number, date: string, tags: string, body = `متن ${id}، با پیوند به [خبر یک](/news/1/).`): string {
  return `---\ntitle: خبر ${id}\nshenaseh: ${id}\ndate: ${date}\nservice: سیاسی\ntags: [${tags}]\n---\n${body}\n`;
}

const site = [
  `-- content/site.yml --\n${siteYml()}`,
  ...[1, 2, 3, 4, 5].map((id) => `-- content/news/${id}.md --\n${article(id, `1400-0${id}-0${id}`, id % 2 === 0 ? 'اقتصاد, بین‌الملل' : 'بین‌الملل')}`),
].join('');

// A build's diagnostics and, when it succeeds, the bytes of every file it published.
async function outcome(root: string, out: string, cache: string): Promise<{ diagnostics: Diagnostic[]; files?: Record<string, string> }> {
  try {
    const result = await buildProject({ root, out, cache, now: NOW });
    const files = Object.fromEntries(Object.entries(snapshot(path.join(root, out))).map(([file, state]) => [file, state.bytes]));
    return { diagnostics: result.diagnostics, files };
  } catch (error) {
    if (!(error instanceof ContentFailure)) throw error;
    return { diagnostics: error.diagnostics };
  }
}

describe('one archive edited build after build', () => {
  it('gives after every edit the diagnostics and the site of a cold build, and keeps a file put in the site by hand', async () => {
    const root = writeSite(site);
    const file = (name: string) => path.join(root, 'content/news', name);
    const edits: Array<[string, () => void]> = [
      ['nothing yet', () => undefined],
      ['an article added', () => writeFileSync(file('6.md'), article(6, '1400-06-06', 'ورزش, اقتصاد'))],
      ['an article deleted', () => rmSync(file('2.md'))],
      ['an article re-dated into another month', () => writeFileSync(file('3.md'), article(3, '1399-12-20', 'بین‌الملل'))],
      ['an article retagged, one tag in another spelling', () => writeFileSync(file('4.md'), article(4, '1400-04-04', 'بين الملل, سیاست'))],
      ['a duplicate shenaseh introduced', () => writeFileSync(file('7.md'), article(5, '1400-07-07', 'ورزش'))],
      ['the duplicate removed', () => rmSync(file('7.md'))],
      ['the linked article deleted', () => rmSync(file('1.md'))],
      ['a body edited', () => writeFileSync(file('5.md'), article(5, '1400-05-05', 'بین‌الملل', 'متن تازه.'))],
      ['a body reworded after its links', () => writeFileSync(file('3.md'), article(3, '1399-12-20', 'بین‌الملل', 'متن 3، با پیوند به [خبر یک](/news/1/). و جمله‌ای تازه.'))],
    ];
    const findings = path.join(root, '.cache-warm/archive.json');
    let reused = 0;
    const rules = new Set<string | undefined>();
    for (const [at, [what, edit]] of edits.entries()) {
      edit();
      const before = at > 0 ? readFileSync(findings, 'utf8') : '';
      const warm = await outcome(root, 'warm', '.cache-warm');
      // A body edit that no rule across files reads leaves their findings as they were.
      if (before === readFileSync(findings, 'utf8')) reused += 1;
      // Put by hand into the live site after the first build: carried over by every later one.
      if (at === 0) writeFileSync(path.join(root, 'warm/news/3/by-hand.txt'), 'دست‌ساز');
      const cold = await outcome(root, `cold-${at}`, `.cache-cold-${at}`);
      expect(warm.diagnostics, what).toEqual(cold.diagnostics);
      for (const d of warm.diagnostics) rules.add(d.ruleId);
      expect(warm.files === undefined, what).toBe(cold.files === undefined);
      if (!warm.files || !cold.files) continue;
      const { ['news/3/by-hand.txt']: kept, ...published } = warm.files;
      expect(published, what).toEqual(cold.files);
      if (at > 0) expect(kept, what).toBe(Buffer.from('دست‌ساز').toString('base64'));
    }
    expect(reused).toBe(1);
    // The edits made the cross-file rules speak, and the last site has what they changed.
    expect([...rules].sort()).toEqual(['broken-link', 'duplicate-shenaseh', 'tag-spelling']);
    expect(readFileSync(path.join(root, 'warm/tags/index.html'), 'utf8')).toContain('سیاست');
  });
});

describe('the record of the checks across files', () => {
  it('is ignored with a warning when damaged or of another shape, and the build finds the same', async () => {
    const root = writeSite(site.replace('tags: [بین‌الملل]', 'tags: [بين الملل]'));
    const first = await buildProject({ root, now: NOW });
    expect(first.diagnostics.map((d) => d.ruleId)).toContain('tag-spelling');
    const record = path.join(root, '.cache/archive.json');
    const [format, digest] = readFileSync(record, 'utf8').split('\n');
    const forged = JSON.stringify({ diagnostics: [{ file: 'x' }], fixes: [] });
    for (const text of [readFileSync(record, 'utf8').replace('tag-spelling', 'tag-spellinx'), `${format}\n${digest}\n${createHash('sha1').update(forged).digest('hex')}\n${forged}\n`]) {
      writeFileSync(record, text);
      // Reworded after its link: the findings of the first build still hold, were the record whole.
      writeFileSync(path.join(root, 'content/news/5.md'), article(5, '1400-05-05', 'بین‌الملل', `متن 5، با پیوند به [خبر یک](/news/1/). ${text.length}`));
      const again = await buildProject({ root, now: NOW });
      expect(again.diagnostics).toEqual(first.diagnostics);
      expect(again.warnings).toContain('The record of the last check across files (.cache/archive.json) was damaged; it was ignored and made again.');
    }
  });
});
