// Register, sign out, sign in, create a project: the first screens a researcher sees.
import { assert, test, waitFor } from '../lib/harness.mjs';
import { registerThroughUi, signInThroughUi } from '../lib/ui.mjs';

test('register through the UI, sign out, a wrong password is refused, sign in again', async (t) => {
  const who = t.person('Rita');
  const page = await t.newPage();
  await registerThroughUi(page, who);
  await page.getByText(who.displayName).first().waitFor();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await waitFor(async () => (await fetchMe(page)) === 401, { message: 'signed out (GET /api/auth/me answers 401)' });

  await page.goto('/sign-in');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByRole('link', { name: 'Create an account' }).waitFor();
  await t.screenshot(page, 'sign-in');
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: /wrong/i }).waitFor();

  await signInThroughUi(page, who);
  assert.equal(await fetchMe(page), 200);
});

test('a signed-out visitor is sent to sign in', async (t) => {
  const page = await t.newPage();
  await page.goto('/');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
});

test('create a project on My projects; it opens, and it is listed as a link', async (t) => {
  const who = t.person('Paul');
  await t.registered(who);
  const page = await t.newPage();
  await signInThroughUi(page, who);
  await page.getByRole('textbox', { name: 'Project name' }).fill('Migration interviews');
  await page.getByRole('textbox', { name: 'Description' }).fill('Twelve interviews, 2024');
  await page.getByRole('button', { name: 'Create project' }).click();

  await page.getByRole('heading', { level: 1, name: 'Migration interviews' }).waitFor();
  await page.waitForURL(/\/projects\/[0-9a-f-]{36}/);
  const nav = page.getByRole('navigation', { name: 'Project' });
  for (const link of ['Coding', 'Sources', 'Settings']) await nav.getByRole('link', { name: link }).waitFor();

  await page.getByRole('link', { name: 'My projects' }).click();
  await page.getByRole('heading', { name: 'My projects' }).waitFor();
  await page.getByRole('link', { name: 'Migration interviews' }).waitFor();
  await t.screenshot(page, 'my-projects');
});

/** GET /api/auth/me from inside the page (its cookies): the status. */
function fetchMe(page) {
  return page.evaluate(() => fetch('/api/auth/me').then((r) => r.status));
}
