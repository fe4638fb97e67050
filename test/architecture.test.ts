import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// design.md: stages in data-flow order; a stage imports only the base and earlier stages.
const base = ['persian', 'diagnostics', 'config'];
const stages = ['load', 'parse', 'validate', 'render', 'site', 'pages', 'outputs', 'write', 'build', 'cli'];
// Tools beside the pipeline use the base and build/, never a stage's internals.
const tools = ['import', 'dev'];
const src = path.resolve(import.meta.dirname, '../src');

function imports(folder: string): Array<{ file: string; target: string }> {
  return readdirSync(path.join(src, folder), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .flatMap((e) => {
      const file = path.join(e.parentPath, e.name);
      return [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'";]*?from '(\.[^']+)'/gm)].flatMap((m) => {
        const target = path.relative(src, path.resolve(path.dirname(file), m[1]!)).split(path.sep)[0]!;
        return target === folder ? [] : [{ file: path.relative(src, file), target }];
      });
    });
}

describe('the shape of src/', () => {
  it('has one folder per stage, the base and the tools, nothing else', () => {
    const folders = readdirSync(src, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => ![...base, ...stages, ...tools].includes(f))).toEqual([]);
  });

  it('imports run one way: a stage imports the base and earlier stages only', () => {
    const wrong: string[] = [];
    for (const [index, stage] of stages.entries()) {
      for (const { file, target } of imports(stage)) {
        const allowed = base.includes(target) || stages.indexOf(target) < index;
        if (!allowed) wrong.push(`${file} imports ${target}/`);
      }
    }
    for (const [index, folder] of base.entries()) {
      for (const { file, target } of imports(folder)) if (!base.slice(0, index).includes(target)) wrong.push(`${file} imports ${target}/`);
    }
    for (const tool of tools.filter((t) => readdirSync(src).includes(t))) {
      for (const { file, target } of imports(tool)) if (!base.includes(target) && target !== 'build') wrong.push(`${file} imports ${target}/`);
    }
    expect(wrong).toEqual([]);
  });
});
