import { Liquid } from 'liquidjs';
import { describe, expect, it } from 'vitest';
import { registerCacheTag } from './cache-tag.ts';

function engineWith(maxEntries: number) {
  const engine = new Liquid();
  const rendered: string[] = [];
  registerCacheTag(
    engine,
    (name, scope) => {
      const { item } = scope as { item: { title: string } };
      rendered.push(item.title);
      return `<${name}>${item.title}</${name}>`;
    },
    maxEntries,
  );
  const page = (titles: string[]) => engine.parseAndRenderSync(`{% for t in titles %}{% cache 'card', item: t %}{% endfor %}`, { titles: titles.map((title) => ({ title })) });
  return { page, rendered };
}

describe('{% cache %}', () => {
  it('renders a partial once for the same arguments and again for others', () => {
    const { page, rendered } = engineWith(10);
    expect(page(['الف', 'ب', 'الف'])).toBe('<card>الف</card><card>ب</card><card>الف</card>');
    expect(page(['ب', 'پ'])).toBe('<card>ب</card><card>پ</card>');
    expect(rendered).toEqual(['الف', 'ب', 'پ']);
  });

  it('keeps the partials used last when it is full, and drops the one used least recently', () => {
    const { page, rendered } = engineWith(2);
    page(['a', 'b']);
    // `a` is used again, so `b` is the least recently used when `c` comes.
    page(['a', 'c']);
    expect(rendered).toEqual(['a', 'b', 'c']);
    page(['a']);
    expect(rendered).toEqual(['a', 'b', 'c']);
    page(['b']);
    expect(rendered).toEqual(['a', 'b', 'c', 'b']);
  });

  it('tells apart arguments that differ in any field, whatever their length', () => {
    const { page, rendered } = engineWith(10);
    const long = 'خبر '.repeat(500);
    page([long, `${long}!`]);
    expect(rendered).toHaveLength(2);
  });
});
