import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Point } from '../diagnostics/index.ts';

/** Where one value sits in the text: its key, its value, and each item when it is a list. */
export interface ValuePlace {
  key: Point;
  value: Point;
  /** Offsets of the value in the parsed text, `[start, end)`. */
  start: number;
  end: number;
  /** True when the value was written as a plain (unquoted) scalar. */
  plain: boolean;
  items?: Array<Point & { start: number; end: number; plain: boolean }>;
}

/** A YAML syntax problem at its own line. */
export interface YamlProblem extends Point {
  code: string;
  message: string;
}

/** A parsed YAML mapping: plain values, the place of each top-level key, and syntax problems. */
export interface ParsedYaml {
  value: unknown;
  places: Record<string, ValuePlace>;
  problems: YamlProblem[];
  /** The place of a nested path such as `['services', 2, 'slug']` (for schema errors). */
  placeOf(path: ReadonlyArray<PropertyKey>): Point | undefined;
}

/**
 * Parse YAML keeping positions. `failsafe` keeps every scalar the string that was written
 * (front matter: `1393-09-06` must never become a Date, `06` never 6); `core` reads numbers and
 * booleans (site settings).
 */
export function parseYaml(text: string, schema: 'failsafe' | 'core'): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema, lineCounter, prettyErrors: false, uniqueKeys: true });
  const point = (offset: number): Point => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const problems = doc.errors.map((error) => ({
    ...point(error.pos[0]),
    code: error.code,
    message: error.message.split('\n')[0] ?? error.message,
  }));
  const places: Record<string, ValuePlace> = {};
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isScalar(pair.key) || !pair.key.range) continue;
      const name = String(pair.key.value);
      if (name in places) continue;
      const value = pair.value as Node | null;
      const range = value?.range ?? [pair.key.range[1], pair.key.range[1], pair.key.range[1]];
      const place: ValuePlace = {
        key: point(pair.key.range[0]),
        value: point(range[0]),
        start: range[0],
        end: range[1],
        plain: isScalar(value) && value.type === 'PLAIN',
      };
      if (isSeq(value)) {
        place.items = value.items.map((item) => {
          const itemRange = (item as Node | null)?.range ?? range;
          const plain = isScalar(item) && item.type === 'PLAIN';
          return { ...point(itemRange[0]), start: itemRange[0], end: itemRange[1], plain };
        });
      }
      places[name] = place;
    }
  }
  return {
    value: doc.errors.length > 0 ? undefined : doc.toJS(),
    places,
    problems,
    placeOf(path) {
      const node = doc.getIn(path as unknown[], true) as Node | undefined;
      if (node?.range) return point(node.range[0]);
      // A missing key: point at its parent.
      const parent = path.length > 1 ? (doc.getIn(path.slice(0, -1) as unknown[], true) as Node | undefined) : undefined;
      return parent?.range ? point(parent.range[0]) : undefined;
    },
  };
}
