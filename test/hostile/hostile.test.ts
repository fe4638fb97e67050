import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pinSourceDateEpoch } from '../helpers/clock.ts';
import { run } from '../helpers/cli.ts';
import { changedOutside, makeSandbox, SECRET, treeDigest, type Sandbox } from '../helpers/sandbox.ts';

/**
 * Each folder here is a small project made by a hostile or careless author (`site/`), and
 * `expected.txt`: exactly what bayegan prints for it and its exit codes. The commands are
 * `check` then `build`, or the lines of `commands.txt` (one command with its arguments per
 * line, run from the project folder; `cd <dir>` moves to a folder relative to the project,
 * `write <file> <text…>` and `rm <path>` change files as a person would between two builds). For every case, whatever it is:
 * - nothing outside the output folder and `.cache/` changes (every file of the scratch folder
 *   that holds the project, a neighbouring project and a secret file is hashed before and after);
 * - the secret's bytes appear in no file of the output;
 * - `check` and `build` agree: a project that `check` passes builds, one it fails does not.
 * Things git cannot hold (links, FIFOs, unreadable files) are made by `prepare`.
 */
const here = import.meta.dirname;
const cases = readdirSync(here).filter((name) => statSync(path.join(here, name)).isDirectory()).sort();

const prepare: Record<string, (box: Sandbox) => void> = {
  'out-link-to-project': (box) => symlinkSync('.', path.join(box.root, 'link')),
  'image-links': ({ parent, root, secret }) => {
    const news = path.join(root, 'content/news');
    symlinkSync(secret, path.join(news, 'link.png'));
    symlinkSync('../../../secret.txt', path.join(news, 'secret.png'));
    // A folder outside the project with a real picture in it, linked as a folder on the way to the file.
    mkdirSync(path.join(parent, 'outside'));
    writeFileSync(path.join(parent, 'outside/photo.png'), readFileSync(path.join(news, 'real.png')));
    symlinkSync('../../../outside', path.join(news, 'outside'));
    execFileSync('mkfifo', [path.join(news, 'pipe.png')]);
    // A character device (the machine's /dev/null) needs root; elsewhere a FIFO stands in, with the same answer.
    if (process.getuid?.() === 0) execFileSync('mknod', [path.join(news, 'null.png'), 'c', '1', '3']);
    else execFileSync('mkfifo', [path.join(news, 'null.png')]);
    mkdirSync(path.join(news, 'folder.png'));
    symlinkSync('nothing-here.png', path.join(news, 'gone.png'));
    symlinkSync('loop.png', path.join(news, 'loop.png'));
    symlinkSync('real.png', path.join(news, 'inside.png'));
    // Articles that are not regular files: a link to the neighbour's article, a FIFO.
    symlinkSync('../../../neighbour/content/news/1.md', path.join(news, '2.md'));
    execFileSync('mkfifo', [path.join(news, '3.md')]);
  },
  'images-ok': ({ root }) => symlinkSync('shared/real.png', path.join(root, 'content/news/inside-link.png')),
  // Each far over half a second on any machine: minutes without a budget.
  'markdown-budget': ({ root }) => {
    const news = path.join(root, 'content/news');
    process.env.BAYEGAN_PARSE_BUDGET = '0.5';
    appendFileSync(path.join(news, '1.md'), `${'>'.repeat(900_000)}\n`);
    appendFileSync(path.join(news, '2.md'), `${'[a]('.repeat(50_000)}\n`);
    appendFileSync(path.join(news, '3.md'), `| a | b |\n|---|---|\n${'| x | y |\n'.repeat(100_000)}`);
    appendFileSync(path.join(news, '4.md'), `${'*a'.repeat(100_000)}\n`);
  },
};

/** The output folder a command line names (`--out`), relative to the scratch folder. */
function outputFolder(box: Sandbox, args: string[]): string {
  const at = args.indexOf('--out');
  const out = path.resolve(box.root, at >= 0 ? args[at + 1]! : 'dist');
  return path.relative(box.parent, out).split(path.sep).join('/');
}

/** Run a case in a fresh sandbox; returns its transcript and what it touched. */
export async function runCase(name: string) {
  const box = makeSandbox(path.join(here, name, 'site'));
  // A case may set environment variables in `prepare` (the parse budget); they end with it.
  const env = { ...process.env };
  prepare[name]?.(box);
  const commandsFile = path.join(here, name, 'commands.txt');
  const commands = existsSync(commandsFile)
    ? readFileSync(commandsFile, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => l.trim().split(/\s+/))
    : [['check'], ['build']];
  const before = treeDigest(box.parent);
  const allowed = new Set(['site/.cache']);
  let transcript = '';
  const codes: Record<string, number> = {};
  const cwd = process.cwd();
  try {
    process.chdir(box.root);
    for (const [command, ...args] of commands) {
      if (command === 'cd' || command === 'write' || command === 'rm') {
        transcript += `$ ${[command, ...args].join(' ')}\n`;
        const target = path.resolve(box.root, args[0]!);
        if (command === 'cd') process.chdir(target);
        else if (command === 'write') writeFileSync(target, `${args.slice(1).join(' ')}\n`);
        else rmSync(target, { recursive: true, force: true });
        // What the case itself does is not a change made by bayegan.
        for (const [rel, kind] of treeDigest(box.parent)) before.set(rel, kind);
        for (const rel of [...before.keys()]) if (!existsSync(path.join(box.parent, rel))) before.delete(rel);
        continue;
      }
      const { code, out, err } = await run([command!, ...args]);
      // A build may change its output folder only when it succeeds; a refused one changes nothing.
      if (command === 'build' && code === 0) allowed.add(outputFolder(box, args));
      codes[command!] = code;
      transcript += `$ bayegan ${[command, ...args].join(' ')}\n${out}${err}exit ${code}\n`;
    }
  } finally {
    process.chdir(cwd);
    for (const key of Object.keys(process.env)) if (!(key in env)) delete process.env[key];
    Object.assign(process.env, env);
  }
  const shown = transcript
    .replaceAll(box.parent, '<tmp>')
    .replace(/ in \d+(\.\d+)? s\b/g, ' in N s')
    // A build's summary table and its line per phase say how long things took, not what happened.
    .replace(/^(Built .*)\n\n(?: {2}.*\n)*/gm, '$1\n')
    .replace(/^ {2}[^ ].* in N s\n/gm, '');
  const after = treeDigest(box.parent);
  const outside = changedOutside(before, after, [...allowed]);
  // Files the commands made or changed must not hold the secret (the secret file itself is old).
  const leaked = [...after]
    .filter(([rel, kind]) => kind.startsWith('file:') && before.get(rel) !== kind)
    .map(([rel]) => rel)
    .filter((rel) => readFileSync(path.join(box.parent, rel), 'latin1').includes(SECRET.trim()));
  return { box, shown, outside, leaked, codes };
}

describe('test/hostile: hostile projects never reach outside dist/ and always end in a clear answer', () => {
  // 1403-01-01 00:00 in Tehran (2024-03-20).
  pinSourceDateEpoch(1710880200);

  for (const name of cases) {
    it(name, async () => {
      const { shown, outside, leaked, codes } = await runCase(name);
      const expectedFile = path.join(here, name, 'expected.txt');
      if (process.env.BAYEGAN_WRITE_EXPECTED) writeFileSync(expectedFile, shown);
      expect(outside, 'files changed outside the output folder and .cache/').toEqual([]);
      expect(leaked, 'outputs holding bytes from outside the project').toEqual([]);
      expect(shown).not.toMatch(/internal error|\n\s+at /);
      if ('check' in codes && 'build' in codes) expect(codes.build, 'check and build agree').toBe(codes.check);
      expect(shown).toBe(existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '(no expected.txt)');
    });
  }
});
