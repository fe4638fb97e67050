#!/usr/bin/env node
// bayegan is written in TypeScript and runs without a compile step: from a bundle of its
// sources made on first use (bin/bundle.mjs), or else from the sources through tsx.
import { bundledCli } from './bundle.mjs';

const bundle = await bundledCli();
let main;
if (bundle) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
