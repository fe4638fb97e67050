/**
 * `bayegan dev`: watch (chokidar), build in memory (`build/`'s session), serve, reload and show
 * problems on the page. Never writes the output folder.
 */
export { DEFAULT_HOST, DEFAULT_PORT, isLoopback, startDev, type DevHandle, type DevLog, type DevOptions } from './dev.ts';
export { requestPath, resolveRequest, type Resolved } from './request-path.ts';
