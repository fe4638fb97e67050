// Loading bayegan's ~400 modules through tsx costs over a second per process and per worker
// thread. So the TypeScript sources are bundled once with esbuild (which tsx brings) into a
// folder named by a digest of the sources, and later runs load that bundle: one file, no
// transpiling. Plain JavaScript, because it runs before anything can load TypeScript.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const abs = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(abs) : [abs];
  });
}

/**
 * A digest of everything the bundle is made from: the sources' bytes (not their tests),
 * package.json, esbuild.
 * Bytes, not file times: a fresh clone of the same code (a CI run) gets the same digest, so the
 * caches keyed by it (each file's check, the up-to-date stamp) stay valid. About 5 ms.
 */
export function digest(esbuildVersion, packageRoot = root) {
  const hash = createHash('sha1').update(esbuildVersion).update(readFileSync(path.join(packageRoot, 'package.json')));
  // Tests beside the code are not in the bundle.
  for (const file of sourceFiles(path.join(packageRoot, 'src')).filter((f) => !/\.test\.ts$/.test(f)).sort()) {
    hash.update(`${path.relative(packageRoot, file).split(path.sep).join('/')}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function candidates(id) {
  if (process.env.BAYEGAN_BUNDLE_DIR) return [path.join(process.env.BAYEGAN_BUNDLE_DIR, id)];
  return [path.join(root, 'node_modules/.cache/bayegan', id), path.join(tmpdir(), 'bayegan-bundle', id)];
}

// Every edit of src/ makes a bundle of 2 MB. Those not used for a day go when a new one is made
// (a day, so that a build still running from one keeps its files).
const STALE_BUNDLE_MS = 24 * 60 * 60 * 1000;

// A bundle's folder time says when it was last used, so that pruning spares the ones in use.
function markUsed(dir) {
  try {
    const now = new Date();
    utimesSync(dir, now, now);
  } catch {
    // A read-only install: nothing is pruned there either.
  }
}

function pruneBundles(parent, keep) {
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep || !/^[0-9a-f]{16}$/.test(entry.name)) continue;
    const abs = path.join(parent, entry.name);
    try {
      if (Date.now() - statSync(abs).mtimeMs > STALE_BUNDLE_MS) rmSync(abs, { recursive: true, force: true });
    } catch {
      // Another process pruned it first.
    }
  }
}

/** The bundled CLI's path, building the bundle first if needed; undefined when bundling is impossible. */
export async function bundledCli() {
  if (process.env.BAYEGAN_NO_BUNDLE === '1') return undefined;
  // esbuild's own code is loaded only to make a bundle: its version names the one in use.
  let version;
  try {
    version = require('esbuild/package.json').version;
  } catch {
    return undefined;
  }
  const id = digest(version);
  for (const dir of candidates(id)) {
    const cli = path.join(dir, 'cli.mjs');
    if (existsSync(cli)) {
      markUsed(dir);
      return cli;
    }
    const building = `${dir}.${process.pid}.tmp`;
    try {
      mkdirSync(path.dirname(dir), { recursive: true });
      const esbuild = require('esbuild');
      await esbuild.build({
        absWorkingDir: root,
        entryPoints: { cli: 'src/cli/main.ts', launch: 'src/cli/launch.ts', worker: 'src/build/tasks.ts', 'inspect-worker': 'src/build/inspect-thread.ts' },
        outdir: building,
        outExtension: { '.js': '.mjs' },
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'node',
        target: 'node20',
        // piscina starts its own worker script from its package folder, and sharp loads its native
        // binding from beside its own files, so both stay outside the bundle, imported by
        // absolute path: the bundle may live outside the package (tmpdir).
        plugins: [
          {
            name: 'absolute-externals',
            setup(build) {
              build.onResolve({ filter: /^(piscina|sharp)$/ }, (args) => ({ path: fileURLToPath(import.meta.resolve(args.path)), external: true }));
            },
          },
        ],
        // Code that looks for the package's own files (templates, fonts) finds it from anywhere.
        // The digest names this code: caches of what an older version computed are not trusted.
        define: { 'process.env.BAYEGAN_PACKAGE_ROOT': JSON.stringify(root), 'process.env.BAYEGAN_CODE_VERSION': JSON.stringify(id) },
        banner: { js: "import { createRequire as __bayeganRequire } from 'node:module'; const require = __bayeganRequire(import.meta.url);" },
        logLevel: 'silent',
      });
      renameSync(building, dir);
      pruneBundles(path.dirname(dir), path.basename(dir));
      return cli;
    } catch (error) {
      if (process.env.BAYEGAN_DEBUG) console.error(error);
      rmSync(building, { recursive: true, force: true });
      // Another process may have won the race to the same folder.
      if (existsSync(cli)) return cli;
    }
  }
  return undefined;
}
