// A REST client for seeding, with a cookie jar of its own (the server signs browsers in with a cookie).
import crypto from 'node:crypto';

export class ApiError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url} answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

export class Api {
  /** @param {string} baseUrl @param {{token?: string}} [opts] */
  constructor(baseUrl, opts = {}) {
    this.baseUrl = baseUrl;
    this.token = opts.token;
    /** @type {Map<string,string>} */
    this.cookies = new Map();
    /** @type {any} */
    this.account = null;
  }

  /** The jar as Playwright cookies, to sign a browser context in as this client. */
  playwrightCookies(url = this.baseUrl) {
    return [...this.cookies].map(([name, value]) => ({ name, value, url }));
  }

  /**
   * @param {string} method @param {string} path @param {any} [body]
   * @param {{expect?: number[], raw?: boolean}} [opts]
   */
  async request(method, path, body, opts = {}) {
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    const res = await fetch(this.baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let data = text;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    const ok = opts.expect ? opts.expect.includes(res.status) : res.ok;
    if (!ok) throw new ApiError(method, path, res.status, data);
    return opts.raw ? { status: res.status, data } : data;
  }

  get(path, opts) { return this.request('GET', path, undefined, opts); }
  post(path, body, opts) { return this.request('POST', path, body ?? {}, opts); }
  put(path, body, opts) { return this.request('PUT', path, body, opts); }
  delete(path, opts) { return this.request('DELETE', path, undefined, opts); }

  /** Registers an account (which also signs this client in) and remembers it. */
  async register(email, displayName, password) {
    this.account = await this.post('/api/accounts', { email, displayName, password });
    // Registration signs in too; sign in explicitly anyway so the jar holds a session whatever it answers.
    await this.signIn(email, password);
    return this.account;
  }

  async signIn(email, password) {
    this.account = await this.post('/api/auth/sign-in', { email, password });
    return this.account;
  }

  createProject(name, description = '') { return this.post('/api/projects', { name, description }); }
  addMember(projectId, email, role = 'coder') { return this.post(`/api/projects/${projectId}/members`, { email, role }); }
  createCode(projectId, name, color) { return this.post(`/api/projects/${projectId}/codes`, { name, color }); }
  addSource(projectId, name, content) { return this.post(`/api/projects/${projectId}/sources`, { name, content }); }
  code(projectId, sourceId, codeId, start, end) {
    return this.post(`/api/projects/${projectId}/segments`, { sourceId, codeId, start, end });
  }
  codeBatch(projectId, items) { return this.post(`/api/projects/${projectId}/segments/batch`, { items }); }
  segments(projectId, sourceId) { return this.get(`/api/projects/${projectId}/sources/${sourceId}/segments`); }
  async createToken(name) { return this.post('/api/account/tokens', { name }); }
}

/** A unique person for one test: email, display name and password. */
export function person(label) {
  const tag = crypto.randomBytes(4).toString('hex');
  return { email: `${label.toLowerCase()}-${tag}@example.test`, displayName: `${label} ${tag.slice(0, 4)}`, password: `pw-${tag}-secret` };
}

/** Registers a person through the API and returns a signed-in client. */
export async function signedInApi(baseUrl, who) {
  const api = new Api(baseUrl);
  await api.register(who.email, who.displayName, who.password);
  return api;
}
