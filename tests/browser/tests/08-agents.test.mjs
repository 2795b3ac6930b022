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

test('agents: suggestions wait in the review queue; a person approves one and rejects a batch with a reason', async (t) => {
  const api = await t.registered(t.person('Rey'));
  const project = await api.createProject('Agent review');
  const code = await api.createCode(project.id, 'Belonging', '#3cb44b');
  const text = 'We felt at home in the new street. The neighbours waved every morning. The office stayed cold.';
  const source = await api.addSource(project.id, 'Interview R', text);
  const page = await t.newPage({ as: api });
  await page.goto(`/projects/${project.id}/review`);
  await page.getByRole('heading', { name: 'Review suggestions' }).waitFor();
  await expectLive(page);

  const agent = await agentOf(api, t.baseUrl, 'suggest');
  try {
    await agent.call('open_project', { path: project.id });
    const at = (phrase) => [...text.slice(0, text.indexOf(phrase))].length;
    await agent.call('suggest_code_application', {
      source_id: source.id, code_id: code.id, start_pos: at('felt at home'), end_pos: at('felt at home') + 12,
      rationale: 'A direct statement of belonging.', confidence: 90,
    });
    await agent.call('suggest_batch_coding', {
      code_id: code.id, rationale: 'Everyday contact',
      segments: [
        { source_id: source.id, start_pos: at('neighbours waved'), end_pos: at('neighbours waved') + 16 },
        { source_id: source.id, start_pos: at('office stayed cold'), end_pos: at('office stayed cold') + 18 },
      ],
    });

    // Both arrive live; the single one shows its quote in context.
    const single = page.getByRole('listitem', { name: 'Code “Belonging” in Interview R' }).filter({ has: page.locator('mark', { hasText: 'felt at home' }) });
    await single.waitFor();
    const batch = page.getByRole('region', { name: 'Batch of 2 suggestions' });
    await batch.waitFor();
    await t.screenshot(page, 'review-queue');
    await t.checkAccessibility(page, 'review queue');

    await single.getByRole('button', { name: 'Approve' }).click();
    await waitFor(async () => (await api.get(`/api/projects/${project.id}/sources/${source.id}/segments`)).length === 1, {
      message: 'approving made the coding',
    });
    await batch.getByRole('button', { name: 'Reject all 2' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reject suggestion' });
    await dialog.getByRole('textbox', { name: 'Reason (the agent sees it)' }).fill('Not about belonging');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Nothing to review.').waitFor();

    const rejected = await api.get(`/api/projects/${project.id}/suggestions?status=rejected`);
    assert.equal(rejected.length, 2);
    assert.ok(rejected.every((s) => s.rejectionReason === 'Not about belonging'));
    const [segment] = await api.get(`/api/projects/${project.id}/sources/${source.id}/segments`);
    assert.equal(segment.coderId, api.account.id, 'the approving person made the coding');
  } finally {
    await agent.close();
  }
});
