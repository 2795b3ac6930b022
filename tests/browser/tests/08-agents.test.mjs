// An agent works over MCP while its person watches: navigate_to_segment scrolls the person's open browser to the
// passage and flashes it.
import { assert, test, waitFor } from '../lib/harness.mjs';
import { agentOf } from '../lib/mcp.mjs';
import { expectLive, openSource, scrollerOf } from '../lib/ui.mjs';
import { longInterview } from '../lib/texts.mjs';

test('agents: navigate_to_segment scrolls the person\'s browser to the passage and flashes it', async (t) => {
  const api = await t.registered(t.person('Nia'));
  const project = await api.createProject('Agent navigation');
  const source = await api.addSource(project.id, 'Long interview', longInterview(80));
  const page = await t.newPage({ as: api });
  await openSource(page, project.id, source.id);
  await expectLive(page);
  const before = await scrollerOf(page);

  const agent = await agentOf(api, t.baseUrl);
  try {
    await agent.call('open_project', { path: project.name });
    const text = await api.get(`/api/projects/${project.id}/sources/${source.id}/text`);
    const at = [...text.text.slice(0, text.text.indexOf('Marker60'))].length; // code points
    assert.ok(at > 0, 'the long interview has a Marker60 far down');
    await agent.call('navigate_to_segment', { source_id: source.id, start_pos: at, end_pos: at + 8, highlight: true });

    await waitFor(async () => (await page.evaluate(() => CSS.highlights.get('qc-flash')?.size ?? 0)) === 1, {
      message: 'the passage flashes (CSS highlight qc-flash)',
    });
    const after = await scrollerOf(page);
    assert.ok(after.scrollTop > before.scrollTop + 200, `the text scrolled down to the passage (${before.scrollTop} -> ${after.scrollTop})`);
    const flashed = await page.evaluate(() => [...CSS.highlights.get('qc-flash')][0]?.toString());
    assert.equal(flashed, 'Marker60');
  } finally {
    await agent.close();
  }
});
