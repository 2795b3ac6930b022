// Builds the SPA (web/dist) when it is missing or older than any file under web/src.
import fs from 'node:fs';
import path from 'node:path';
import { webDir } from './paths.mjs';
import { run } from './proc.mjs';

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

export async function ensureSpaBuilt() {
  const dist = path.join(webDir, 'dist');
  const index = path.join(dist, 'index.html');
  if (!fs.existsSync(path.join(webDir, 'package.json'))) throw new Error('web/package.json is missing: there is no SPA to test');
  // The sources and the files beside them that shape the build (index.html, vite config).
  const inputs = Math.max(
    newestMtime(path.join(webDir, 'src')),
    ...['index.html', 'vite.config.ts', 'package.json'].map((f) => (fs.existsSync(path.join(webDir, f)) ? fs.statSync(path.join(webDir, f)).mtimeMs : 0)),
  );
  if (fs.existsSync(index) && newestMtime(dist) >= inputs) return;
  if (!fs.existsSync(path.join(webDir, 'node_modules'))) {
    console.error('browser tests: npm ci in web/');
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: webDir, inherit: true });
  }
  console.error('browser tests: building the SPA (npm run build in web/)');
  await run('npm', ['run', 'build'], { cwd: webDir, inherit: true });
  if (!fs.existsSync(index)) throw new Error('npm run build in web/ left no web/dist/index.html');
}
