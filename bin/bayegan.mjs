#!/usr/bin/env node
// bayegan runs from its TypeScript sources through tsx, so there is no compile step to forget.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
