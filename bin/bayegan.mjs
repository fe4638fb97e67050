#!/usr/bin/env node
// bayegan is written in TypeScript and runs without a compile step: from a bundle of its
// sources made on first use (bin/bundle.mjs), or else from the sources through tsx.
import path from 'node:path';
import { bundledCli } from './bundle.mjs';

const bundle = await bundledCli();
if (!bundle) {
  const { register } = await import('tsx/esm/api');
  register();
}
const load = (name, source) => import(bundle ? path.join(path.dirname(bundle), `${name}.mjs`) : source);
const argv = process.argv.slice(2);
// A command may run in a new process (see src/cli/launch.ts); this one then only waits for it.
const { launch } = await load('launch', '../src/cli/launch.ts');
let code = await launch(argv);
if (code === undefined) {
  const cli = await load('cli', '../src/cli/main.ts');
  code = await cli.main(argv, cli.processIo());
}
process.exitCode = code;
