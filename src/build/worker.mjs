// Entry of a pool thread: bayegan runs from TypeScript sources, so each thread registers tsx first.
import { register } from 'tsx/esm/api';

register();
const tasks = await import('./tasks.ts');

export default tasks.default;
