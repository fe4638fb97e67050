import { LineCounter, isCollection, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
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
  /** True when the value is a flow collection (`[a, b]`), whose items are separated by `,`. */
  flow?: boolean;
  items?: Array<Point & { start: number; end: number; plain: boolean }>;
}

/** A YAML syntax problem at its own line. */
export interface YamlProblem extends Point {
  code: string;
  message: string;
  /** Offset of the problem in the parsed text. */
  offset: number;
  /** Where the quoted value or `[`/`{` collection that never closed was opened, when on an earlier line. */
  opened?: Point;
}

/** A parsed YAML mapping: plain values, the place of each top-level key, and syntax problems. */
export interface ParsedYaml {
  value: unknown;
  places: Record<string, ValuePlace>;
  problems: YamlProblem[];
  /** The place of a nested path such as `['services', 2, 'slug']` (for schema errors). */
  placeOf(path: ReadonlyArray<PropertyKey>): Point | undefined;
}

type Place = (offset: number) => Point;

function itemPlaces(value: Node, point: Place): ValuePlace['items'] {
  if (!isSeq(value)) return undefined;
  return value.items.map((item) => {
    const itemRange = (item as Node | null)?.range ?? value.range ?? [0, 0];
    const plain = isScalar(item) && item.type === 'PLAIN';
    return { ...point(itemRange[0]), start: itemRange[0], end: itemRange[1], plain };
  });
}

// Keys live in a prototype-free record, so a key named `constructor` or `__proto__` is just a key.
function topLevelPlaces(doc: Document, point: Place): Record<string, ValuePlace> {
  const places = Object.create(null) as Record<string, ValuePlace>;
  if (!isMap(doc.contents)) return places;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const name = String(pair.key.value);
    if (name in places) continue;
    const value = pair.value as Node | null;
    const range = value?.range ?? [pair.key.range[1], pair.key.range[1], pair.key.range[1]];
    const place: ValuePlace = { key: point(pair.key.range[0]), value: point(range[0]), start: range[0], end: range[1], plain: isScalar(value) && value.type === 'PLAIN' };
    if (isCollection(value) && value.flow) place.flow = true;
    const items = value && itemPlaces(value, point);
    if (items) place.items = items;
    places[name] = place;
  }
  return places;
}

// A quote or bracket that never closes swallows the lines after it, and YAML notices only at the
// end; the editor's mistake is where the value was opened.
function openedAt(doc: Document, offset: number, point: Place): Point | undefined {
  if (!isMap(doc.contents)) return undefined;
  for (const pair of doc.contents.items) {
    const value = pair.value as Node | null;
    const range = value?.range;
    if (!range || offset < range[0] || offset > range[1]) continue;
    const swallows = (isScalar(value) && value.type !== 'PLAIN') || (isCollection(value) && value.flow);
    const start = point(range[0]);
    if (swallows && start.line < point(offset).line) return start;
  }
  return undefined;
}

// The plain value; an alias to no anchor, or an alias bomb, is a problem at the first alias concerned.
function toValue(doc: Document, text: string, point: Place): { value: unknown; problem?: YamlProblem } {
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    // An anchor inside its own alias (`a: &x [*x]`) makes a value that contains itself, which
    // nothing downstream (the cache, JSON output) can hold.
    JSON.stringify(value);
    return { value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const name = /^Unresolved alias.*: (.*)$/.exec(message)?.[1];
    const offset = Math.max(name === undefined ? text.search(/\*[^\s,\]}]/) : text.indexOf(`*${name}`), 0);
    return { value: undefined, problem: { ...point(offset), code: name === undefined ? 'RESOURCE_EXHAUSTION' : 'UNRESOLVED_ALIAS', message, offset } };
  }
}

/**
 * Parse YAML keeping positions; never throws (a resource-exhaustion input becomes a problem).
 * `failsafe` keeps every scalar the string that was written (front matter: `1393-09-06` must never
 * become a Date, `06` never 6); `core` reads numbers and booleans (site settings).
 */
export function parseYaml(text: string, schema: 'failsafe' | 'core'): ParsedYaml {
  const lineCounter = new LineCounter();
  const point: Place = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  let doc: Document | undefined;
  try {
    // logLevel 'error': the yaml package would otherwise print warnings on the process's stderr.
    doc = parseDocument(text, { schema, lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    const problems: YamlProblem[] = doc.errors.map((error) => {
      const opened = openedAt(doc!, error.pos[0], point);
      const message = error.message.split('\n')[0] ?? error.message;
      return { ...point(error.pos[0]), code: error.code, message, offset: error.pos[0], ...(opened && { opened }) };
    });
    const places = topLevelPlaces(doc, point);
    const read = problems.length > 0 ? { value: undefined } : toValue(doc, text, point);
    if (read.problem) problems.push(read.problem);
    const parsed = doc;
    return { value: read.value, places, problems, placeOf: (path) => placeOf(parsed, path, point) };
  } catch (error) {
    // Deep nesting or an alias bomb: report it like any syntax problem, never as a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    const problem = { line: 1, column: 1, code: 'RESOURCE_EXHAUSTION', message, offset: 0 };
    return { value: undefined, places: Object.create(null) as Record<string, ValuePlace>, problems: [problem], placeOf: () => undefined };
  }
}

function placeOf(doc: Document, path: ReadonlyArray<PropertyKey>, point: Place): Point | undefined {
  const node = doc.getIn(path as unknown[], true) as Node | undefined;
  if (node?.range) return point(node.range[0]);
  // A missing key: point at its parent.
  const parent = path.length > 1 ? (doc.getIn(path.slice(0, -1) as unknown[], true) as Node | undefined) : undefined;
  return parent?.range ? point(parent.range[0]) : undefined;
}
