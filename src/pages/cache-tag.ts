import { Hash, Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';

// Per engine (so per thread): rendered partials by name and arguments, bounded in number.
const MAX_ENTRIES = 20_000;

/**
 * `{% cache 'card', item: item %}` renders `partials/card.liquid` like `{% render %}` — with
 * only the named arguments in scope — and remembers the HTML for the same arguments. A card
 * appears on dozens of pages (home, its service, its tags, its month, related lists) and the
 * site header on every page; Liquid renders each once per thread instead of every time.
 */
export function registerCacheTag(engine: Liquid, renderPartial: (name: string, scope: object) => string): void {
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
        const key = `${this.partial}\u0000${JSON.stringify(scope)}`;
        let html = memo.get(key);
        if (html === undefined) {
          html = renderPartial(this.partial, scope);
          if (memo.size >= MAX_ENTRIES) memo.clear();
          memo.set(key, html);
        }
        emitter.write(html);
      }
    },
  );
}

