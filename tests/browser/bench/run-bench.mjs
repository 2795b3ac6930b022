// The browser benchmark. Against the real server and a fresh database, it prints:
//  (1) the time to open a 300,000-character source with 3,000 codings (many overlapping) in the coding workspace:
//      from navigation start to performance mark "qc:source-open:<sourceId>", 5 times (median and each);
//  (2) with 50 more SignalR clients (Node, access token) joined to the project, the time from browser A's apply
//      response to browser B's performance mark "qc:painted:<segmentId>", for 100 applies (p50 and p95).
// Usage: npm run bench   (env as for npm test; QUALCODER_BENCH_APPLIES / _OPENS / _CLIENTS shrink it for a try)
import fs from 'node:fs';
import path from 'node:path';
import { person, signedInApi } from '../lib/api.mjs';
import { resultsDir } from '../lib/paths.mjs';
import { connectProjectClient } from '../lib/signalr.mjs';
import { runTeardown, startStack } from '../lib/stack.mjs';
import { expectLive, markTime } from '../lib/ui.mjs';

const OPENS = Number(process.env.QUALCODER_BENCH_OPENS ?? 5);
const APPLIES = Number(process.env.QUALCODER_BENCH_APPLIES ?? 100);
const CLIENTS = Number(process.env.QUALCODER_BENCH_CLIENTS ?? 50);
const SOURCE_LENGTH = 300_000;
const CODINGS = 3_000;
const AIM_OPEN_MS = 1000;
const AIM_LIVE_P95_MS = 150;

const log = (msg) => console.log(`bench: ${msg}`);
const fmt = (ms) => `${ms.toFixed(0)} ms`;
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
};

/** A 300,000-character interview-like text: sentences in paragraphs. */
function bigText(length) {
  const words = ['the', 'market', 'opened', 'early', 'and', 'people', 'talked', 'about', 'work', 'rent', 'school', 'family',
    'hope', 'winter', 'the', 'bus', 'was', 'late', 'again', 'we', 'waited', 'neighbours', 'helped', 'with', 'papers'];
  let out = '';
  let i = 0;
  while (out.length < length) {
    let sentence = '';
    for (let w = 0; w < 12; w++) sentence += (w ? ' ' : '') + words[(i * 7 + w * 3) % words.length];
    i++;
    out += sentence.charAt(0).toUpperCase() + sentence.slice(1) + (i % 6 === 0 ? '.\n\n' : '. ');
  }
  return out.slice(0, length);
}

/** Polls fn until it answers something other than undefined, or the time runs out (answers undefined). */
async function waitForValue(fn, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = fn();
    if (value !== undefined || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 5));
  }
}

const teardown = [];
let failed = false;
process.on('SIGINT', async () => {
  await runTeardown(teardown);
  process.exit(130);
});

try {
  const t0 = Date.now();
  const { baseUrl, browser, spaError, servesSpa } = await startStack(teardown);
  if (spaError) throw new Error(`the SPA could not be built: ${spaError.message}`);
  if (!servesSpa) throw new Error('the server does not serve the SPA (QualCoder__WebRoot)');
  log(`server ${baseUrl} ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // ---- seeding ---------------------------------------------------------------------------------------------
  const whoA = person('BenchA');
  const whoB = person('BenchB');
  const apiA = await signedInApi(baseUrl, whoA);
  const apiB = await signedInApi(baseUrl, whoB);
  const project = await apiA.createProject('Browser benchmark');
  await apiA.addMember(project.id, whoB.email, 'coder');
  const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728'];
  const codes = [];
  for (const [i, color] of palette.entries()) codes.push(await apiA.createCode(project.id, `Theme ${i + 1}`, color));
  const liveCode = await apiA.createCode(project.id, 'Live', '#9467bd');
  const text = bigText(SOURCE_LENGTH);
  const source = await apiA.addSource(project.id, 'Long field notes', text);
  log(`seeded a ${text.length.toLocaleString('en')}-character source; coding it ${CODINGS.toLocaleString('en')} times`);

  // Each code gets CODINGS / codes spans that never overlap each other (one coder may not overlap a code with
  // itself), shifted per code so that the four codes overlap one another heavily.
  const perCode = CODINGS / codes.length;
  const stride = Math.floor(SOURCE_LENGTH / perCode);
  const items = [];
  for (const [c, code] of codes.entries()) {
    for (let i = 0; i < perCode; i++) {
      const start = i * stride + c * Math.floor(stride / 5);
      const len = 40 + ((i * 37 + c * 11) % Math.floor(stride * 0.6));
      items.push({ sourceId: source.id, codeId: code.id, start, end: Math.min(start + len, (i + 1) * stride + c * Math.floor(stride / 5) - 1, SOURCE_LENGTH) });
    }
  }
  for (let i = 0; i < items.length; i += 1000) {
    const started = Date.now();
    const reply = await apiA.codeBatch(project.id, items.slice(i, i + 1000));
    if (!reply.allSucceeded) throw new Error(`batch failed: ${JSON.stringify(reply.results.find((r) => !r.success))}`);
    log(`  codings ${i + 1}-${Math.min(i + 1000, items.length)} stored in ${fmt(Date.now() - started)}`);
  }
  const stored = await apiA.segments(project.id, source.id);
  const storedCount = (stored.items ?? stored).length;
  if (storedCount !== CODINGS) throw new Error(`the source has ${storedCount} codings, not ${CODINGS}`);

  // ---- (1) opening the source ------------------------------------------------------------------------------
  log(`(1) opening the source ${OPENS} times (navigation start -> mark qc:source-open)`);
  const contextA = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 900 } });
  await contextA.addCookies(apiA.playwrightCookies());
  const openTimes = [];
  for (let i = 0; i < OPENS; i++) {
    const page = await contextA.newPage();
    await page.goto(`/projects/${project.id}/sources/${source.id}`);
    await markTime(page, `qc:source-open:${source.id}`, 60_000);
    const ms = await page.evaluate((name) => performance.getEntriesByName(name, 'mark')[0].startTime, `qc:source-open:${source.id}`);
    const painted = await page.getByRole('region', { name: 'Source text' }).getAttribute('data-segment-count');
    if (Number(painted) !== CODINGS) throw new Error(`data-segment-count is ${painted}, not ${CODINGS}, at qc:source-open`);
    openTimes.push(ms);
    // Where the time went: when the page's script and the source's text and codings had arrived.
    const parts = await page.evaluate(() => {
      const end = (test) => Math.max(0, ...performance.getEntriesByType('resource').filter((e) => test(e.name)).map((e) => e.responseEnd));
      return {
        script: end((n) => /\.js(\?|$)/.test(n)),
        text: end((n) => /\/sources\/[^/]+\/text/.test(n)),
        codings: end((n) => /\/segments(\?|$)/.test(n)),
      };
    });
    log(`  open ${i + 1}: ${fmt(ms)} (script loaded at ${fmt(parts.script)}, text at ${fmt(parts.text)}, codings at ${fmt(parts.codings)})`);
    await page.close();
  }

  // ---- (2) live latency with 50 more clients ----------------------------------------------------------------
  log(`(2) connecting ${CLIENTS} more SignalR clients (access tokens, JoinProject)`);
  const clientApis = [];
  for (let i = 0; i < 5; i++) {
    const who = person(`Watcher${i}`);
    const api = await signedInApi(baseUrl, who);
    await apiA.addMember(project.id, who.email, 'viewer');
    clientApis.push({ api, token: (await api.createToken('bench')).token });
  }
  // The first extra client also notes when each coding's change reaches it: the server's part of the latency.
  /** @type {Map<string, number>} */
  const heardAt = new Map();
  const noteArrival = (change) => {
    const id = change?.data?.segmentId ?? change?.data?.id;
    if (typeof id === 'string' && !heardAt.has(id)) heardAt.set(id, Date.now());
  };
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) {
    clients.push(await connectProjectClient(baseUrl, clientApis[i % clientApis.length].token, project.id, i === 0 ? noteArrival : undefined));
  }
  teardown.push(() => Promise.allSettled(clients.map((c) => c.stop())).then(() => undefined));
  log(`  ${clients.length} clients joined`);

  const pageA = await contextA.newPage();
  const contextB = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1366, height: 900 } });
  await contextB.addCookies(apiB.playwrightCookies());
  const pageB = await contextB.newPage();
  await pageA.goto(`/projects/${project.id}/sources/${source.id}`);
  await pageB.goto(`/projects/${project.id}/sources/${source.id}`);
  await markTime(pageA, `qc:source-open:${source.id}`, 60_000);
  await markTime(pageB, `qc:source-open:${source.id}`, 60_000);
  await expectLive(pageA, 30_000);
  await expectLive(pageB, 30_000);

  log(`  ${APPLIES} applies from page A (fetch), each timed to page B's qc:painted mark`);
  const latencies = [];
  const pushLatencies = [];
  const liveStride = Math.floor(SOURCE_LENGTH / APPLIES);
  for (let i = 0; i < APPLIES; i++) {
    const body = { sourceId: source.id, codeId: liveCode.id, start: i * liveStride + 5, end: i * liveStride + 45 };
    const { id, at, status } = await pageA.evaluate(async ({ projectId, body }) => {
      const res = await fetch(`/api/projects/${projectId}/segments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const at = Date.now();
      const json = await res.json();
      return { id: json.id, at, status: res.status };
    }, { projectId: project.id, body });
    if (status !== 201) throw new Error(`apply ${i + 1} answered ${status}`);
    const paintedAt = await markTime(pageB, `qc:painted:${id}`, 10_000);
    latencies.push(paintedAt - at);
    const heard = await waitForValue(() => heardAt.get(id), 5_000);
    if (heard !== undefined) pushLatencies.push(heard - at);
    // A random pause, so that the applies do not fall into step with any periodic work on the server.
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
    if ((i + 1) % 20 === 0) log(`  ${i + 1}/${APPLIES}: last ${fmt(paintedAt - at)}`);
  }
  // Every extra client should have heard every apply.
  await new Promise((r) => setTimeout(r, 500));
  const heard = clients.map((c) => c.changes);
  log(`  changes heard per extra client: min ${Math.min(...heard)}, max ${Math.max(...heard)} (at least ${APPLIES} expected)`);

  // ---- report ----------------------------------------------------------------------------------------------
  const openMedian = quantile(openTimes, 0.5);
  const p50 = quantile(latencies, 0.5);
  const p95 = quantile(latencies, 0.95);
  console.log('\nBrowser benchmark');
  console.log(`  (1) open a ${SOURCE_LENGTH.toLocaleString('en')}-character source with ${CODINGS.toLocaleString('en')} codings: ` +
    `median ${fmt(openMedian)} (aim < ${AIM_OPEN_MS} ms${openMedian < AIM_OPEN_MS ? ', met' : ', MISSED'}); each: ${openTimes.map(fmt).join(', ')}`);
  const pushP50 = pushLatencies.length ? quantile(pushLatencies, 0.5) : NaN;
  const pushP95 = pushLatencies.length ? quantile(pushLatencies, 0.95) : NaN;
  console.log(`  (2) live apply -> teammate's paint, ${CLIENTS} more clients, ${APPLIES} applies: ` +
    `p50 ${fmt(p50)}, p95 ${fmt(p95)} (aim p95 < ${AIM_LIVE_P95_MS} ms${p95 < AIM_LIVE_P95_MS ? ', met' : ', MISSED'}); max ${fmt(Math.max(...latencies))}`);
  console.log(`      of which the server's push (apply response -> a Node client's "changed"): p50 ${fmt(pushP50)}, p95 ${fmt(pushP95)}`);
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(path.join(resultsDir, 'browser-bench.json'), JSON.stringify({
    open: { medianMs: openMedian, eachMs: openTimes, aimMs: AIM_OPEN_MS },
    live: { p50Ms: p50, p95Ms: p95, pushP50Ms: pushP50, pushP95Ms: pushP95, applies: APPLIES, extraClients: CLIENTS, aimP95Ms: AIM_LIVE_P95_MS, minHeard: Math.min(...heard) },
  }, null, 2) + '\n');
} catch (e) {
  failed = true;
  console.error(`bench: failed: ${e.stack ?? e}`);
} finally {
  await runTeardown(teardown);
}
process.exit(failed ? 1 : 0);
