import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

export interface DevServerOptions {
  /** The content folder the scratch project gets. */
  readonly content: string;
  /** How long to wait for the first page. Default 180 s. */
  readonly timeoutMs?: number;
}

export interface DevServer {
  /** The scratch project the server runs in. */
  readonly root: string;
  readonly url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `astro dev` on a scratch copy of this project with the given content, and resolves once
 * it serves its home page. The copy lives inside the repository (under tmp/), so its packages
 * resolve from the repository's node_modules as they would in a real checkout. `startedMs` is
 * how long the first page took from the start of the process.
 */
export async function startDevServer(options: DevServerOptions): Promise<DevServer & { readonly startedMs: number }> {
  const root = join(ROOT, 'tmp', `dev-${process.pid}-${Date.now()}`);
  mkdirSync(root, { recursive: true });
  for (const name of ['package.json', 'tsconfig.json', 'src', 'public']) cpSync(join(ROOT, name), join(root, name), { recursive: true });
  // The project's own configuration, allowed to serve the repository's node_modules: a real
  // checkout has them inside its root, this copy finds them one level up.
  cpSync(join(ROOT, 'astro.config.mjs'), join(root, 'project.config.mjs'));
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import config from './project.config.mjs';\nexport default { ...config, vite: { ...config.vite, server: { ...config.vite?.server, fs: { allow: [${JSON.stringify(ROOT)}] } } } };\n`,
  );
  cpSync(options.content, join(root, 'content'), { recursive: true });
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: root,
    // Its own process group, so stopping it stops Vite's and Chromium's children too.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', CHROMIUM_PATH: process.env.CHROMIUM_PATH ?? '' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await kill(child);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => (await fetch(`${url}/`)).ok, options.timeoutMs ?? 180_000, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { root, url, output: () => output, stop, startedMs: Math.round(performance.now() - started) };
}

async function waitFor(ready: () => Promise<boolean>, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await ready()) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The dev server did not answer within ${timeoutMs / 1000} s. It printed:\n${output()}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port.'))));
    });
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}
