// A fresh database per run: a database of our own on QUALCODER_TEST_POSTGRES's server, or a throwaway server
// from infra/postgres.sh (its own folder under the temp dir, removed at the end).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.mjs';
import { run } from './proc.mjs';

/** Parses an Npgsql connection string into lower-cased keys (with the usual aliases folded). */
export function parseConnectionString(text) {
  const aliases = { server: 'host', 'user id': 'username', user: 'username', userid: 'username', db: 'database', pwd: 'password', psw: 'password' };
  /** @type {Record<string,string>} */
  const out = {};
  for (const part of text.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const key = part.slice(0, i).trim().toLowerCase();
    out[aliases[key] ?? key] = part.slice(i + 1).trim();
  }
  return out;
}

/** @param {Record<string,string>} parts */
export function formatConnectionString(parts) {
  return Object.entries(parts).map(([k, v]) => `${k}=${v}`).join(';');
}

function psqlEnv(parts, database) {
  return {
    ...process.env,
    PGHOST: parts.host ?? '127.0.0.1',
    PGPORT: parts.port ?? '5432',
    PGUSER: parts.username ?? 'postgres',
    PGPASSWORD: parts.password ?? '',
    PGDATABASE: database,
    PGCONNECT_TIMEOUT: '10',
  };
}

/**
 * Starts (or borrows) PostgreSQL and makes a fresh database.
 * @returns {Promise<{connectionString: string, stop: () => Promise<void>}>}
 */
export async function startPostgres() {
  const given = process.env.QUALCODER_TEST_POSTGRES;
  if (given) {
    const parts = parseConnectionString(given);
    const name = `qc_browser_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
    const admin = psqlEnv(parts, parts.database ?? 'postgres');
    const psql = (sql) =>
      run('psql', ['-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql], { env: admin }).catch((e) => {
        if (e.code === 'ENOENT') throw new Error('psql is not on PATH: it creates the test database on QUALCODER_TEST_POSTGRES');
        throw e;
      });
    await psql(`create database "${name}"`);
    return {
      connectionString: formatConnectionString({ ...parts, database: name }),
      stop: async () => {
        await psql(`drop database if exists "${name}" with (force)`).catch((e) => console.error(`browser tests: could not drop ${name}: ${e.message}`));
      },
    };
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qc-browser-pg-'));
  // postgres.sh runs the server as the postgres user when we are root: it must be able to enter the folder.
  fs.chmodSync(dir, 0o755);
  const script = path.join(repoRoot, 'infra/postgres.sh');
  let out;
  try {
    out = await run(script, ['start', '--dir', dir, '--fast'], { inherit: false });
  } catch (e) {
    await run(script, ['stop', '--dir', dir, '--remove']).catch(() => {});
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const connectionString = out.trim().split('\n').pop() ?? '';
  return {
    connectionString,
    stop: async () => {
      await run(script, ['stop', '--dir', dir, '--remove']).catch((e) => console.error(`browser tests: postgres.sh stop: ${e.message}`));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
