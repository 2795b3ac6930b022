// The real server, from the Release build infra/test.sh makes, on a free loopback port.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { repoRoot, serverDll, webDir } from './paths.mjs';
import { run } from './proc.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (s.address());
      s.close(() => resolve(port));
    });
  });
}

export async function ensureServerBuilt() {
  if (fs.existsSync(serverDll)) return;
  console.error('browser tests: building the server (dotnet build -c Release)');
  await run('dotnet', ['build', 'QualCoder.Web.sln', '-c', 'Release', '-nologo', '-nodeReuse:false'], { cwd: repoRoot, inherit: true });
}

/**
 * Starts the server and waits until GET /api/auth/me answers 401.
 * @param {string} connectionString
 * @returns {Promise<{baseUrl: string, stop: () => Promise<void>, log: () => string}>}
 */
export async function startServer(connectionString) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', [serverDll, '--urls', baseUrl], {
    cwd: path.dirname(serverDll),
    env: {
      ...process.env,
      ConnectionStrings__Postgres: connectionString,
      QualCoder__WebRoot: path.join(webDir, 'dist'),
      ASPNETCORE_ENVIRONMENT: 'Development',
      Logging__LogLevel__Default: 'Warning',
      Logging__LogLevel__Microsoft: 'Warning',
      DOTNET_NOLOGO: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d) => {
    output += d;
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve((exited = { code, signal }))));

  const stop = async () => {
    if (exited) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`the server exited (${JSON.stringify(exited)}) before it was ready:\n${output.slice(-4000)}`);
    try {
      const res = await fetch(`${baseUrl}/api/auth/me`);
      if (res.status === 401) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer 401 on /api/auth/me within 90 s:\n${output.slice(-4000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, stop, log: () => output };
}
