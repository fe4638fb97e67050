import { accessSync, constants, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from '../helpers/cli.ts';
import { articleFile, siteYml, writeSite } from '../helpers/site.ts';

const repo = path.resolve(import.meta.dirname, '../..');
const scripts = (JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | boolean | number>;
}
interface Workflow {
  on: Record<string, unknown>;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[]; needs?: string; container?: string }>;
}

const load = (name: string) => parse(readFileSync(path.join(repo, '.github/workflows', name), 'utf8')) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

// What GitHub puts in place of an expression, for running a command here.
const EXPRESSIONS: Record<string, string> = { 'steps.pages.outputs.base_url': 'https://owner.github.io/archive' };

function words(line: string): string[] {
  const expanded = line.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, name: string) => {
    if (!(name in EXPRESSIONS)) throw new Error(`unknown expression ${name} in \`${line}\``);
    return EXPRESSIONS[name]!;
  });
  return [...expanded.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

/** Every bayegan command line a run step makes: `npm run <script> -- …` and `node bin/bayegan.mjs …`, also inside `$(…)`. */
function bayeganCalls(script: string): { calls: string[][]; others: string[] } {
  const calls: string[][] = [];
  const others: string[] = [];
  for (const line of script.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const inner = /\$\(([^)]*)\)/.exec(line)?.[1];
    const command = (inner ?? line).split('|')[0]!.trim();
    const argv = words(command);
    if (argv[0] === 'npm' && argv[1] === 'run') {
      const script = scripts[argv[2]!];
      expect(script, `npm run ${argv[2]}`).toBeDefined();
      const cli = /^node bin\/bayegan\.mjs (\w+)$/.exec(script!);
      if (cli) calls.push([cli[1]!, ...argv.slice(argv.indexOf('--') + 1 || argv.length)]);
    } else if (argv[0] === 'node' && argv[1] === 'bin/bayegan.mjs') calls.push(argv.slice(2));
    else others.push(command);
  }
  return { calls, others };
}

describe('the GitHub workflows', () => {
  const deploy = load('deploy.yml');
  const pullRequest = load('pull-request.yml');

  it('run only npm scripts, bayegan commands and options that exist, on a real site', async () => {
    const root = writeSite(`-- content/site.yml --\n${siteYml()}\n${articleFile(1)}`);
    const allowed = new Set(['npm ci', '.ci/run']);
    let called = 0;
    for (const step of [...steps(deploy), ...steps(pullRequest)].filter((s) => s.run)) {
      const { calls, others } = bayeganCalls(step.run!);
      for (const other of others) {
        if (other.startsWith('.ci/')) accessSync(path.join(repo, other), constants.X_OK);
        else expect(allowed.has(other), `\`${other}\` in step ${step.name ?? step.run}`).toBe(true);
      }
      for (const args of calls) {
        const { code, out, err } = await run(args[0]!.startsWith('-') ? args : [...args, '--root', root]);
        expect(code, `bayegan ${args.join(' ')}: ${err}`).toBe(0);
        called += 1;
        if (args[0] === '--version') expect(out).toMatch(/^bayegan \S+ pipeline \d+\n$/);
      }
    }
    expect(called).toBe(4);
    // .ci/run is the README's test command, with typecheck first.
    const ci = readFileSync(path.join(repo, '.ci/run'), 'utf8');
    expect(ci).toMatch(/npm run typecheck\n.*npm test\n$/);
  });

  it('deploy: on push to main, in order, checked before it is built, then published with actions/deploy-pages', () => {
    expect(Object.keys(deploy.on)).toContain('push');
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    expect(deploy.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    const build = deploy.jobs.build!.steps;
    const at = (match: (s: Step) => boolean) => build.findIndex(match);
    const check = at((s) => /npm run check -- --format github/.test(s.run ?? ''));
    const make = at((s) => /npm run build/.test(s.run ?? ''));
    expect(check).toBeGreaterThan(-1);
    expect(make).toBeGreaterThan(check);
    // Check and build under the same URL: the cache keeps parse results per site settings.
    expect(build[check]!.run).toContain('--base-url "${{ steps.pages.outputs.base_url }}/"');
    expect(build[make]!.run).toContain('--base-url "${{ steps.pages.outputs.base_url }}/"');
    const upload = build.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with).toEqual({ path: 'dist/', 'include-hidden-files': true });
    expect(at((s) => s === upload)).toBeGreaterThan(make);
    expect(deploy.jobs.deploy!.needs).toBe('build');
    expect(deploy.jobs.deploy!.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  it('deploy: restores .cache/ and the whole previous dist/ before the check, keyed by lockfile and pipeline, and saves them after the build', () => {
    const build = deploy.jobs.build!.steps;
    const restore = build.find((s) => s.uses === 'actions/cache/restore@v4')!;
    const save = build.find((s) => s.uses === 'actions/cache/save@v4')!;
    for (const step of [restore, save]) expect(String(step.with!.path).split('\n').filter(Boolean)).toEqual(['.cache/', 'dist/']);
    const key = String(restore.with!.key);
    expect(key).toContain("hashFiles('package-lock.json')");
    expect(key).toContain('steps.bayegan.outputs.version');
    expect(build.find((s) => s.id === 'bayegan')?.run).toContain('node bin/bayegan.mjs --version');
    // A new run finds the newest cache of the same lockfile and pipeline by prefix.
    const prefix = String(restore.with!['restore-keys']).trim();
    expect(key.startsWith(prefix)).toBe(true);
    expect(key.slice(prefix.length)).toBe('${{ github.run_id }}');
    expect(save.with!.key).toBe(`\${{ steps.${restore.id}.outputs.cache-primary-key }}`);
    const index = (s: Step) => build.indexOf(s);
    expect(index(restore)).toBeLessThan(build.findIndex((s) => /npm run check/.test(s.run ?? '')));
    expect(index(save)).toBeGreaterThan(build.findIndex((s) => /npm run build/.test(s.run ?? '')));
  });

  it('pull requests: typecheck, tests and check', () => {
    expect(Object.keys(pullRequest.on)).toEqual(['pull_request']);
    const runs = steps(pullRequest).map((s) => s.run).filter(Boolean).join('\n');
    expect(runs).toContain('.ci/run');
    expect(runs).toContain('npm run check -- --format github');
    expect(pullRequest.jobs.test!.container).toMatch(/^node:20-bookworm$/);
  });
});
