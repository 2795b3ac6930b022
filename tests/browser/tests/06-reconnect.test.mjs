// A lost connection: browser B talks to the server through a proxy that cuts every socket and refuses new ones
// for 2 s while A codes 5 passages; B's live client reconnects and catches up, each coding exactly once.
import { CuttableProxy } from '../lib/proxy.mjs';
import { assert, test, waitFor } from '../lib/harness.mjs';
import { expectLive, expectSegmentCount, liveStatus, openSource, signInThroughUi, totalHighlightRanges } from '../lib/ui.mjs';
import { longInterview } from '../lib/texts.mjs';

test('reconnect: B is cut off for 2 s while A codes 5 passages; B catches up exactly, without a reload', async (t) => {
  const whoA = t.person('Ada');
  const whoB = t.person('Bo');
  const apiA = await t.registered(whoA);
  await t.registered(whoB);
  const project = await apiA.createProject('Reconnect check');
  await apiA.addMember(project.id, whoB.email, 'coder');
  const code = await apiA.createCode(project.id, 'Work', '#336699');
  const source = await apiA.addSource(project.id, 'Long interview', longInterview(20));
  await apiA.code(project.id, source.id, code.id, 0, 9);

  const proxy = new CuttableProxy(Number(new URL(t.baseUrl).port));
  await proxy.listen();
  try {
    // B's browser only knows the proxy: its cookie belongs to the proxy's host:port, so it signs in through it.
    const pageB = await t.newPage({ baseURL: proxy.url });
    await signInThroughUi(pageB, whoB);
    await openSource(pageB, project.id, source.id);
    await expectLive(pageB);
    await expectSegmentCount(pageB, 1);
    await pageB.evaluate(() => ((/** @type {any} */ (window)).__qcNoReload = true));

    // Cut, and while B is away A codes 5 passages (straight to the server).
    const cut = proxy.cut(2_000);
    console.log(`    cut ${proxy.cutConnections} connection(s) of B's`);
    const text = longInterview(20);
    const spans = [1, 2, 3, 4, 5].map((i) => {
      const at = text.indexOf(`Marker${i} `);
      return { start: at, end: at + `Marker${i}`.length };
    });
    for (const s of spans) await apiA.code(project.id, source.id, code.id, s.start, s.end);
    await waitFor(async () => (await liveStatus(pageB)) !== 'live', { timeout: 2_000, message: "B's Live status leaves \"live\" during the cut" });
    await cut;

    await expectLive(pageB, 30_000);
    await expectSegmentCount(pageB, 6, 30_000);
    // Still exactly 6 a moment later: nothing arrives twice.
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(Number(await pageB.getByRole('region', { name: 'Source text' }).getAttribute('data-segment-count')), 6);
    assert.equal(await totalHighlightRanges(pageB), 6, 'six ranges in CSS.highlights');
    assert.equal(await pageB.evaluate(() => (/** @type {any} */ (window)).__qcNoReload), true, 'B did not reload');
    assert.ok(proxy.cutConnections > 0, 'the cut closed at least one of B\'s connections (its live channel)');
  } finally {
    await proxy.close();
  }
});
