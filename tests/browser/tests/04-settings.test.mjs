// Project settings: add a member by email; create an access token, shown once.
import { assert, test } from '../lib/harness.mjs';

test('settings: add a member by email, who gets a role row', async (t) => {
  const owner = await t.registered(t.person('Olga'));
  const mate = t.person('Mats');
  await t.registered(mate);
  const project = await owner.createProject('Settings check');
  const page = await t.newPage({ as: owner });
  await page.goto(`/projects/${project.id}/settings`);
  await page.getByRole('heading', { name: 'Project settings' }).waitFor();

  await page.getByRole('textbox', { name: 'Member email' }).fill(mate.email);
  await page.getByRole('combobox', { name: 'Role', exact: true }).selectOption('coder');
  await page.getByRole('button', { name: 'Add member' }).click();
  const members = page.getByRole('table', { name: 'Members' });
  await members.getByRole('cell', { name: mate.displayName, exact: true }).waitFor();
  await page.getByRole('combobox', { name: `Role of ${mate.displayName}` }).waitFor();
  await page.getByRole('button', { name: `Remove ${mate.displayName}` }).waitFor();

  const listed = await owner.get(`/api/projects/${project.id}/members`);
  const row = (listed.items ?? listed).find((m) => m.displayName === mate.displayName || m.email === mate.email);
  assert.equal(row?.role, 'coder', `the server lists ${mate.displayName} as coder: ${JSON.stringify(listed)}`);

  // A member already there: the server's refusal is shown in an alert.
  await page.getByRole('textbox', { name: 'Member email' }).fill(mate.email);
  await page.getByRole('button', { name: 'Add member' }).click();
  await page.getByRole('alert').filter({ hasText: /already a member/i }).waitFor();
});

test('settings: a new access token is shown once, then only its row with Revoke', async (t) => {
  const owner = await t.registered(t.person('Tess'));
  const project = await owner.createProject('Token check');
  const page = await t.newPage({ as: owner });
  await page.goto(`/projects/${project.id}/settings`);
  await page.getByRole('textbox', { name: 'Token name' }).fill('laptop script');
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('region', { name: 'New token' });
  await shown.waitFor();
  const text = (await shown.textContent()) ?? '';
  // The token runs up to the button after it ("Copy token") or to a space.
  const token = text.match(/qcw_[A-Za-z0-9_-]+?(?=Copy token|\s|$)/)?.[0];
  assert.ok(token, `region "New token" shows the token: ${text}`);
  await shown.getByRole('button', { name: 'Copy token' }).waitFor();
  await page.getByRole('button', { name: 'Revoke laptop script' }).waitFor();
  await t.screenshot(page, 'settings');

  // The token works...
  const viaToken = t.api({ token });
  const me = await viaToken.get('/api/auth/me');
  assert.equal(me.email, owner.account.email);

  // ...and is never shown again.
  await page.reload();
  await page.getByRole('button', { name: 'Revoke laptop script' }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'New token' }).count(), 0, 'no "New token" region after a reload');
  assert.ok(!((await page.content()).includes(token)), 'the token is nowhere in the page after a reload');
});
