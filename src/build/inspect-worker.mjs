// Entry of the inspecting thread when bayegan runs from its TypeScript sources (a bundle has its
// own `inspect-worker.mjs`): it registers tsx first.
import { register } from 'tsx/esm/api';

register();
await import('./inspect-thread.ts');
