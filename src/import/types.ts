/**
 * Shapes shared by the steps of `bayegan import`.
 */
import type { Point } from '../diagnostics/index.ts';
import type { JalaliDate } from '../persian/index.ts';

/** One line of a dump as the layout parser sees it, with its place in the source file. */
export interface DumpLine extends Point {
  text: string;
  /**
   * The text was made from markup (an HTML element), so a column inside it is not a column of
   * the source: problems point at the element's start instead. Default: false.
   */
  synthetic?: boolean;
}

/** Why a dump cannot be imported: a diagnostic to report on the dump's file. */
export interface ImportProblem extends Point {
  /** `import-layout`, `import-date`, … (README, Diagnostics). */
  ruleId: string;
  /** "Unexpected `X`, expected `Y`". */
  message: string;
  /** How to fix it. */
  note?: string;
}

/** A value read from a labelled line, with the place of the value. */
export interface Labelled<T> extends Point {
  value: T;
}

/** One article read from a dump, before it meets the registry and the archive. */
export interface DumpArticle {
  title: string;
  date: Labelled<JalaliDate>;
  /** The service name as the dump wrote it. */
  service: Labelled<string>;
  shenaseh: Labelled<number>;
  caption?: string;
  /** The first paragraph. */
  lead: string;
  /** The paragraphs after the lead; a paragraph's inner line breaks are `\n`. */
  body: string[];
}

/** A parse that either gives a value or says why not. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: ImportProblem };
