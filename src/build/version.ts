import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config/index.ts';
import { RENDER_VERSION } from '../render/index.ts';

/**
 * `bayegan 0.1.0 pipeline 2`: the package's version and the version of the pipeline whose
 * results `.cache/` keeps. CI puts it in the key of its saved cache, so that a new pipeline
 * starts from an empty cache instead of one that no record in it can answer.
 */
export function versionLine(): string {
  let version = 'unknown';
  try {
    version = (JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version?: string }).version ?? version;
  } catch {
    // An install without its package.json still says which pipeline it runs.
  }
  return `bayegan ${version} pipeline ${RENDER_VERSION}`;
}
