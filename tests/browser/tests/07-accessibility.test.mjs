// axe-core on the main screens: no violation of impact "serious" or "critical".
import { test } from '../lib/harness.mjs';
import { expectSegmentCount, openSource } from '../lib/ui.mjs';

/** @type {Promise<{api: any, project: any, source: any}>|null} */
let seeded = null;
function seed(t) {
  seeded ??= (async () => {
    const api = await t.registered(t.person('Ally'));
    const project = await api.createProject('Accessibility check');
    const code = await api.createCode(project.id, 'Access', '#1f77b4');
    await api.createCode(project.id, 'Barrier', '#d62728');
    const source = await api.addSource(project.id, 'Interview', 'Ramps at the station help. The lift is often broken, so I wait.');
    await api.code(project.id, source.id, code.id, 0, 8);
    return { api, project, source };
  })();
  return seeded;
}

test('accessibility: sign-in', async (t) => {
  const page = await t.newPage();
  await page.goto('/sign-in');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await t.checkAccessibility(page, 'sign-in');
});

test('accessibility: register', async (t) => {
  const page = await t.newPage();
  await page.goto('/register');
  await page.getByRole('heading', { name: 'Create an account' }).waitFor();
  await t.checkAccessibility(page, 'register');
});

test('accessibility: my projects', async (t) => {
  const { api } = await seed(t);
  const page = await t.newPage({ as: api });
  await page.goto('/');
  await page.getByRole('link', { name: 'Accessibility check' }).waitFor();
  await t.checkAccessibility(page, 'my projects');
});

test('accessibility: sources', async (t) => {
  const { api, project } = await seed(t);
  const page = await t.newPage({ as: api });
  await page.goto(`/projects/${project.id}/library`);
  await page.getByRole('tree', { name: 'Folders and sources' }).getByRole('treeitem', { name: /Interview/ }).waitFor();
  await t.checkAccessibility(page, 'sources');
});

test('accessibility: coding workspace', async (t) => {
  const { api, project, source } = await seed(t);
  const page = await t.newPage({ as: api });
  await openSource(page, project.id, source.id);
  await expectSegmentCount(page, 1);
  await t.checkAccessibility(page, 'coding workspace');
});

test('accessibility: settings', async (t) => {
  const { api, project } = await seed(t);
  const page = await t.newPage({ as: api });
  await page.goto(`/projects/${project.id}/settings`);
  await page.getByRole('table', { name: 'Members' }).waitFor();
  await t.checkAccessibility(page, 'settings');
});
