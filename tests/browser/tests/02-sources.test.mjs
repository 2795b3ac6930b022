// The Sources page: paste a text, upload a .txt file, delete a source through its dialog.
import { assert, test, waitFor } from '../lib/harness.mjs';

test('sources: paste a text, upload a .txt file, both appear in the tree', async (t) => {
  const who = t.person('Sara');
  const api = await t.registered(who);
  const project = await api.createProject('Sources check');
  const page = await t.newPage({ as: api });
  await page.goto(`/projects/${project.id}/library`);
  await page.getByRole('heading', { name: 'Sources', exact: true }).waitFor();

  const form = page.getByRole('form', { name: 'Add a source' });
  await form.getByRole('textbox', { name: 'Source name' }).fill('Interview 1');
  await form.getByRole('textbox', { name: 'Text' }).fill('I moved in spring. The first weeks were hard.\nThen it got better.');
  await form.getByRole('button', { name: 'Add source' }).click();
  const tree = page.getByRole('tree', { name: 'Folders and sources' });
  await tree.getByRole('treeitem', { name: /Interview 1/ }).waitFor();

  await page.getByLabel('Upload file').setInputFiles({
    name: 'field-notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Field notes, day one.\nThe market opens at six.\n', 'utf8'),
  });
  await tree.getByRole('treeitem', { name: /field-notes/ }).waitFor({ timeout: 15_000 });

  const listed = await api.get(`/api/projects/${project.id}/sources`);
  const names = (listed.items ?? listed).map((s) => s.name);
  assert.ok(names.includes('Interview 1'), `the API lists the pasted source: ${names}`);
  assert.ok(names.some((n) => n.includes('field-notes')), `the API lists the uploaded source: ${names}`);
  await tree.getByRole('link', { name: 'Open Interview 1' }).waitFor();
  await t.screenshot(page, 'sources');
});

test('sources: delete a source through the dialog, which says how many codings go', async (t) => {
  const api = await t.registered(t.person('Dan'));
  const project = await api.createProject('Delete check');
  const code = await api.createCode(project.id, 'Place', '#3366cc');
  const keep = await api.addSource(project.id, 'Keep me', 'Nothing to see.');
  const doomed = await api.addSource(project.id, 'Old draft', 'Draft text about the harbour and the hills.');
  await api.code(project.id, doomed.id, code.id, 21, 28);
  await api.code(project.id, doomed.id, code.id, 37, 42);

  const page = await t.newPage({ as: api });
  await page.goto(`/projects/${project.id}/library`);
  const tree = page.getByRole('tree', { name: 'Folders and sources' });
  await tree.getByRole('treeitem', { name: /Old draft/ }).waitFor();

  await page.getByRole('button', { name: 'Delete Old draft' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete source' });
  await dialog.waitFor();
  await dialog.getByText(/\b2\b/).first().waitFor();
  await dialog.getByRole('button', { name: 'Delete source' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await tree.getByRole('treeitem', { name: /Old draft/ }).waitFor({ state: 'detached' });
  await tree.getByRole('treeitem', { name: /Keep me/ }).waitFor();

  await waitFor(async () => {
    const listed = await api.get(`/api/projects/${project.id}/sources`);
    const ids = (listed.items ?? listed).map((s) => s.id);
    return !ids.includes(doomed.id) && ids.includes(keep.id);
  }, { message: 'the server no longer has the deleted source' });
});
