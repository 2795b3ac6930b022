// Checks the harness's own parts against the real server, without the SPA: seeding over the API, a Node
// SignalR client with an access token, and the cuttable proxy. When these fail, the UI tests' failures say
// nothing about the SPA.
import { connectProjectClient } from '../lib/signalr.mjs';
import { CuttableProxy } from '../lib/proxy.mjs';
import { assert, test, waitFor } from '../lib/harness.mjs';

test('harness: seeding over the API, a token-signed SignalR client, and the cuttable proxy', async (t) => {
  const owner = await t.registered(t.person('Owner'));
  const project = await owner.createProject('Harness check');
  const code = await owner.createCode(project.id, 'Check', '#aa3366');
  const source = await owner.addSource(project.id, 'Check source', 'Alpha beta gamma delta.');
  const { token } = await owner.createToken('harness');
  assert.match(token, /^qcw_/);

  const seen = [];
  const client = await connectProjectClient(t.baseUrl, token, project.id, (c) => seen.push(c));
  try {
    const segment = await owner.code(project.id, source.id, code.id, 0, 5);
    await waitFor(() => seen.some((c) => JSON.stringify(c).includes(segment.id)), { message: 'the SignalR client got the coding' });
  } finally {
    await client.stop();
  }

  // Through the proxy: requests pass; after a cut, connections are refused, then accepted again.
  const proxy = new CuttableProxy(Number(new URL(t.baseUrl).port));
  await proxy.listen();
  try {
    const viaProxy = t.api();
    viaProxy.baseUrl = proxy.url;
    viaProxy.cookies = owner.cookies;
    const segments = await viaProxy.segments(project.id, source.id);
    assert.equal(segments.length ?? segments.items?.length, 1);
    const cut = proxy.cut(1000);
    await assert.rejects(fetch(`${proxy.url}/api/auth/me`), 'a request during the cut fails');
    await cut;
    assert.equal((await fetch(`${proxy.url}/api/auth/me`)).status, 401);
  } finally {
    await proxy.close();
  }
}, { spa: false });
