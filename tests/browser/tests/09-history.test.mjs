// Version history: changes are batched into versions, the History screen shows a version's diff in the project's
// terms, and restoring to an earlier version brings a deleted code back, live in a teammate's open browser.
import { assert, test, waitFor } from '../lib/harness.mjs';
import { codeItem, expectLive, expectSegmentCount, openSource } from '../lib/ui.mjs';

const text = 'The rent went up again. We worried about the children all winter. Still, the garden gave us hope.';
const at = (phrase) => [...text.slice(0, text.indexOf(phrase))].length;
const history = (api, projectId) => api.get(`/api/projects/${projectId}/history?limit=200`);

/**
 * Waits until the changes made so far are in closed versions: at least `atLeast` versions, and no new one for a
 * while (a version closes after the server's quiet time, 500 ms by default). Answers the versions, newest first.
 */
async function versionsSettled(api, projectId, atLeast) {
  let last = -1;
  return waitFor(
    async () => {
      const { versions } = await history(api, projectId);
      const newest = versions[0]?.number ?? 0;
      const settled = newest >= atLeast && newest === last;
      last = newest;
      return settled && versions;
    },
    { interval: 900, timeout: 20_000, message: `version ${atLeast} closed and no newer one coming` },
  );
}

/** An owner (A) with a project, a source, codes Worry (one coding) and Hope; B, a coder, is a member. */
async function seeded(t, name) {
  const whoA = t.person('Hana');
  const whoB = t.person('Omar');
  const apiA = await t.registered(whoA);
  const apiB = await t.registered(whoB);
  const project = await apiA.createProject(name);
  await apiA.addMember(project.id, whoB.email, 'coder');
  const source = await apiA.addSource(project.id, 'Interview H', text);
  const worry = await apiA.createCode(project.id, 'Worry', '#cc6600');
  const hope = await apiA.createCode(project.id, 'Hope', '#1f77b4');
  await apiA.put(`/api/projects/${project.id}/codes/${hope.id}/memo`, { memo: 'Small signs of a better year.' });
  await apiA.code(project.id, source.id, worry.id, at('worried'), at('worried') + 'worried about the children'.length);
  const versions = await versionsSettled(apiA, project.id, 1);
  return { whoA, whoB, apiA, apiB, project, source, worry, hope, newest: versions[0].number };
}

test('history: changes become versions with diffs in project terms; restoring brings a deleted code back, live for a teammate', async (t) => {
  const { apiA, apiB, project, source, hope, newest } = await seeded(t, 'History check');

  // B, a coder, has the source open in the coding workspace.
  const pageB = await t.newPage({ as: apiB });
  await openSource(pageB, project.id, source.id);
  await expectLive(pageB);
  await codeItem(pageB, 'Worry', 1).waitFor();
  await expectSegmentCount(pageB, 1);

  // A edits a memo, then renames Hope and deletes Worry (with its coding) in the coding workspace.
  await apiA.put(`/api/projects/${project.id}/codes/${hope.id}/memo`, { memo: 'Small signs of a much better year.' });
  const memoIn = (await versionsSettled(apiA, project.id, newest + 1))[0].number;
  const pageA = await t.newPage({ as: apiA });
  await openSource(pageA, project.id, source.id);
  await expectLive(pageA);
  const selected = pageA.getByRole('region', { name: 'Selected code' });
  await codeItem(pageA, 'Hope', 0).click();
  await selected.getByRole('textbox', { name: 'Code name' }).fill('Optimism');
  await selected.getByRole('button', { name: 'Rename code' }).click();
  await codeItem(pageA, 'Optimism', 0).waitFor();
  const renamedIn = (await versionsSettled(apiA, project.id, memoIn + 1))[0].number;
  await codeItem(pageA, 'Worry', 1).click();
  await selected.getByRole('button', { name: 'Delete code' }).click();
  await pageA.getByRole('dialog', { name: 'Delete code' }).getByRole('button', { name: 'Delete code' }).click();
  await codeItem(pageA, 'Worry').waitFor({ state: 'detached' });
  await codeItem(pageB, 'Worry').waitFor({ state: 'detached' });
  await expectSegmentCount(pageB, 0);
  const deletedIn = (await versionsSettled(apiA, project.id, renamedIn + 1))[0].number;

  // History: the newest version is current and shown; it removed the code and its coding.
  await pageA.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'History' }).click();
  await pageA.getByRole('heading', { name: 'History', level: 2 }).waitFor();
  const versions = pageA.getByRole('list', { name: 'Versions' });
  const newestButton = versions.getByRole('button', { name: `Version ${deletedIn}, current`, exact: true });
  await newestButton.waitFor();
  assert.equal(await newestButton.getAttribute('aria-current'), 'true', 'the newest version is selected at first');
  const deleted = pageA.getByRole('region', { name: `Changes in version ${deletedIn}` });
  await deleted.getByRole('listitem').filter({ hasText: 'Code removed: Worry' }).waitFor();
  await deleted.getByRole('listitem').filter({ hasText: 'Coding removed: Worry in Interview H' }).waitFor();
  assert.match(await deleted.getByLabel('Change counts').innerText(), /\+0 added\s+−[1-9]\d* removed/);

  // The list is keyboard operable: ArrowDown moves to the next older version, Enter shows it.
  await newestButton.focus();
  await pageA.keyboard.press('ArrowDown');
  await pageA.keyboard.press('Enter');
  await pageA.getByRole('region', { name: `Changes in version ${deletedIn - 1}` }).waitFor();

  // The rename reads as old → new; its raw events are there on request.
  await versions.getByRole('button', { name: new RegExp(`^Version ${renamedIn}\\b`) }).click();
  const renamed = pageA.getByRole('region', { name: `Changes in version ${renamedIn}` });
  await renamed.getByRole('listitem').filter({ hasText: 'Code renamed: Hope → Optimism' }).waitFor();
  await renamed.getByRole('button', { name: /^Show raw events/ }).click();
  await renamed.getByRole('region', { name: 'Raw events' }).getByText('code_renamed', { exact: true }).waitFor();

  // The memo edit is a word diff: what was inserted is marked as such, not only coloured.
  await versions.getByRole('button', { name: new RegExp(`^Version ${memoIn}\\b`) }).click();
  const memo = pageA.getByRole('region', { name: `Changes in version ${memoIn}` });
  await memo.locator('ins', { hasText: 'much' }).waitFor();

  await versions.getByRole('button', { name: new RegExp(`^Version ${renamedIn}\\b`) }).click();
  await renamed.waitFor();
  await t.screenshot(pageA, 'history');
  await t.checkAccessibility(pageA, 'history');

  // Restore to the version before the delete: the preview says Worry and its coding come back.
  await pageB.evaluate(() => ((/** @type {any} */ (window)).__qcNoReload = true));
  await renamed.getByRole('button', { name: `Restore to version ${renamedIn}` }).click();
  const dialog = pageA.getByRole('dialog', { name: `Restore to version ${renamedIn}` });
  await dialog.getByRole('listitem').filter({ hasText: 'Code added: Worry' }).waitFor();
  await dialog.getByRole('listitem').filter({ hasText: 'Coding added: Worry in Interview H' }).waitFor();
  await t.checkAccessibility(pageA, 'history restore preview');
  const before = await apiA.get(`/api/projects/${project.id}/codebook`);
  assert.ok(!before.codes.some((c) => c.name === 'Worry'), 'the preview changed nothing');
  await dialog.getByRole('button', { name: `Restore to version ${renamedIn}` }).click();
  await pageA.getByRole('status').filter({ hasText: `Restored to version ${renamedIn}` }).waitFor();

  // B sees the code and its coding come back without a reload.
  await codeItem(pageB, 'Worry', 1).waitFor({ timeout: 15_000 });
  await codeItem(pageB, 'Optimism', 0).waitFor();
  await expectSegmentCount(pageB, 1);
  assert.equal(await pageB.evaluate(() => (/** @type {any} */ (window)).__qcNoReload), true, 'B did not reload');

  const after = await apiA.get(`/api/projects/${project.id}/codebook`);
  assert.equal(after.codes.find((c) => c.name === 'Worry')?.codingCount, 1, 'Worry is back with its coding');

  // The restore is a new version on top of A's timeline, arriving live; the versions after the restored one stay.
  const restore = versions.getByRole('listitem').filter({ hasText: `Restored to version ${renamedIn}` });
  await restore.getByRole('button', { name: /^Version \d+, current$/ }).waitFor({ timeout: 15_000 });
  await versions.getByRole('button', { name: `Version ${deletedIn}`, exact: true }).waitFor();
});

test('history: a coder reads the history, filtered by who acted, but is not offered a restore', async (t) => {
  const { whoA, whoB, apiB, project, newest } = await seeded(t, 'History roles');
  const page = await t.newPage({ as: apiB });
  await page.goto(`/projects/${project.id}/history`);
  await page.getByRole('list', { name: 'Versions' }).getByRole('button', { name: `Version ${newest}, current`, exact: true }).waitFor();
  const diff = page.getByRole('region', { name: `Changes in version ${newest}` });
  await diff.getByLabel('Change counts').waitFor();
  await diff.getByText('Only editors and owners can restore a version.').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Restore to version/ }).count(), 0);

  const versions = page.getByRole('list', { name: 'Versions' }).getByRole('button');
  await page.getByRole('combobox', { name: 'Changes by' }).selectOption({ label: whoB.displayName });
  await page.getByText('No versions with changes by this person.').waitFor();
  assert.equal(await versions.count(), 0);
  await page.getByRole('combobox', { name: 'Changes by' }).selectOption({ label: whoA.displayName });
  await page.getByRole('list', { name: 'Versions' }).getByRole('button', { name: `Version ${newest}, current`, exact: true }).waitFor();
});

test('history: restoring a deleted source brings it back with its codings in a teammate\'s open browser', async (t) => {
  const { apiA, apiB, project, source, newest } = await seeded(t, 'History source');
  const page = await t.newPage({ as: apiB });
  await page.goto(`/projects/${project.id}/library`);
  await expectLive(page);
  const item = page.getByRole('tree', { name: 'Folders and sources' }).getByRole('treeitem', { name: /Interview H/ });
  await item.waitFor();
  await page.evaluate(() => ((/** @type {any} */ (window)).__qcNoReload = true));

  await apiA.delete(`/api/projects/${project.id}/sources/${source.id}?confirm=true`);
  await item.waitFor({ state: 'detached' });
  await versionsSettled(apiA, project.id, newest + 1);
  const reply = await apiA.post(`/api/projects/${project.id}/history/restore`, { version: newest, confirm: true });
  assert.ok(reply.eventsAppended > 0, 'the restore appended events');

  await item.waitFor({ timeout: 15_000 });
  await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Coding' }).click();
  await codeItem(page, 'Worry', 1).waitFor();
  assert.equal(await page.evaluate(() => (/** @type {any} */ (window)).__qcNoReload), true, 'B did not reload');
});
