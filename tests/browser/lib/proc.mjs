// Small helpers around child processes: run a command to completion, with its output shown or captured.
import { spawn } from 'node:child_process';

/**
 * Runs a command; resolves with its stdout (captured) when it exits 0, rejects otherwise.
 * @param {string} cmd @param {string[]} args
 * @param {{cwd?: string, env?: NodeJS.ProcessEnv, inherit?: boolean, input?: string}} [opts]
 * @returns {Promise<string>}
 */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      // Progress of long steps (apt, npm, dotnet) goes to our stderr so stdout stays the test report.
      stdio: [opts.input === undefined ? 'ignore' : 'pipe', 'pipe', opts.inherit ? 'inherit' : 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      if (opts.inherit) process.stderr.write(d);
    });
    child.stderr?.on('data', (d) => (err += d));
    if (opts.input !== undefined) child.stdin.end(opts.input);
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${cmd} ${args.join(' ')} exited ${code}${err ? `:\n${err.trim()}` : ''}`));
    });
  });
}
