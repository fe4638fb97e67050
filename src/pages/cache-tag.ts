import { createHash } from 'node:crypto';
import { Hash, Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

// Per engine (so per thread): rendered partials by name and arguments, bounded in number.
const MAX_ENTRIES = 20_000;

/**
 * `{% cache 'card', item: item %}` renders `partials/card.liquid` like `{% render %}` — with
 * only the named arguments in scope — and remembers the HTML for the same arguments. A card
 * appears on dozens of pages (home, its service, its tags, its month, related lists) and the
 * site header on every page; Liquid renders each once per thread instead of every time.
 */
export function registerCacheTag(engine: Liquid, renderPartial: (name: string, scope: object) => string, maxEntries = MAX_ENTRIES): void {
  const memo = new Map<string, string>();
  engine.registerTag(
    'cache',
    class CacheTag extends Tag {
      private readonly partial: string;
      private readonly args: Hash;

      constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
        super(token, remainTokens, liquid);
        const match = /^\s*(['"])([\w-]+)\1\s*,?/.exec(token.args);
        if (!match) throw new Error(`{% cache %} needs a partial name in quotes, like {% cache 'card', item: item %}: ${token.getText()}`);
        this.partial = match[2]!;
        this.args = new Hash(token.args.slice(match[0].length), liquid.options.keyValueSeparator);
      }

      *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
        const scope = (yield this.args.render(ctx)) as Record<string, unknown>;
        // Kept by digest: the arguments' JSON is as long as the HTML, and there are 20,000 of them.
        const key = createHash('sha256').update(`${this.partial}\u0000${JSON.stringify(scope)}`).digest('base64');
        let html = memo.get(key);
        if (html === undefined) {
          html = renderPartial(this.partial, scope);
          // The least recently used entry goes (a Map iterates in insertion order).
          if (memo.size >= maxEntries) memo.delete(memo.keys().next().value!);
        } else memo.delete(key);
        memo.set(key, html);
        emitter.write(html);
      }
    },
  );
}

