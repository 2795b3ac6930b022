// The coding workspace: build a codebook, code passages with the mouse and with QualCoder's keys, remove a coding.
import { assert, test, waitFor } from '../lib/harness.mjs';
import {
  clickOnPhrase, codeItem, dragSelect, expectSegmentCount, highlightRanges, openSource, sourceText, totalHighlightRanges,
} from '../lib/ui.mjs';

const TEXT =
  'We hoped for a bright future in the new town. There were dark clouds at first, but steady work helped. ' +
  'Neighbours brought soup and bread. Nobody spoke our language at the office.';

test('codebook: add two codes and a category, move a code into it, pick the active code', async (t) => {
  const api = await t.registered(t.person('Cora'));
  const project = await api.createProject('Codebook check');
  await api.addSource(project.id, 'Interview A', TEXT);
  const page = await t.newPage({ as: api });
  await page.goto(`/projects/${project.id}`);
  const codebook = page.getByRole('region', { name: 'Codebook' });
  await codebook.waitFor();

  for (const name of ['Hope', 'Fear']) {
    await codebook.getByRole('textbox', { name: 'New code name' }).fill(name);
    await codebook.getByRole('button', { name: 'Add code' }).click();
    await codeItem(page, name, 0).waitFor();
  }
  await codebook.getByRole('textbox', { name: 'New category name' }).fill('Feelings');
  await codebook.getByRole('button', { name: 'Add category' }).click();
  await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Feelings/ }).waitFor();

  // The active code: clicking its treeitem selects it.
  await codeItem(page, 'Hope', 0).click();
  await waitFor(async () => (await codeItem(page, 'Hope', 0).getAttribute('aria-selected')) === 'true', { message: 'Hope is the active code' });
  const selected = page.getByRole('region', { name: 'Selected code' });
  await waitFor(async () => (await selected.getByRole('textbox', { name: 'Code name' }).inputValue()) === 'Hope', { message: 'Selected code shows Hope' });
  await selected.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Feelings' });

  await waitFor(async () => {
    const book = await api.get(`/api/projects/${project.id}/codebook`);
    const feelings = book.categories?.find((c) => c.name === 'Feelings');
    return feelings?.codes?.some((c) => c.name === 'Hope') && (book.codes ?? []).some((c) => c.name === 'Fear');
  }, { message: 'the server has Hope in Feelings and Fear in no category' });

  // Enter on a treeitem makes it active too.
  await codeItem(page, 'Fear', 0).focus();
  await page.keyboard.press('Enter');
  await waitFor(async () => (await codeItem(page, 'Fear', 0).getAttribute('aria-selected')) === 'true', { message: 'Enter made Fear active' });

  // Drag and drop: a code dropped on a category moves into it.
  await codeItem(page, 'Fear', 0).dragTo(page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Feelings/ }));
  await waitFor(async () => {
    const book = await api.get(`/api/projects/${project.id}/codebook`);
    return book.categories?.find((c) => c.name === 'Feelings')?.codes?.some((c) => c.name === 'Fear');
  }, { message: 'the server has Fear in Feelings after the drop' });

  // Deleting the category (after confirming) moves its codes up; no coding is lost.
  await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /^Feelings/ }).click();
  await page.getByRole('region', { name: 'Selected category' }).getByRole('button', { name: 'Delete category' }).click();
  await page.getByRole('dialog', { name: 'Delete category' }).getByRole('button', { name: 'Delete category' }).click();
  await waitFor(async () => {
    const book = await api.get(`/api/projects/${project.id}/codebook`);
    return (book.categories ?? []).length === 0 && (book.codes ?? []).length === 2;
  }, { message: 'the category is gone and both codes are at the top level' });
});

test('keyboard only: Ctrl+F finds a passage, Escape closes the box, Q codes the found text', async (t) => {
  const api = await t.registered(t.person('Kai'));
  const project = await api.createProject('Keyboard check');
  const code = await api.createCode(project.id, 'Food', '#9a6324');
  const source = await api.addSource(project.id, 'Interview K', TEXT);
  const page = await t.newPage({ as: api });
  await openSource(page, project.id, source.id);
  await codeItem(page, 'Food', 0).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in source' });
  await find.waitFor();
  await find.fill('soup and bread');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('q');
  await expectSegmentCount(page, 1);
  const segments = await api.get(`/api/projects/${project.id}/sources/${source.id}/segments`);
  assert.deepEqual(segments.map((s) => [s.codeId, s.quote]), [[code.id, 'soup and bread']]);
});

test('coding: mouse and Apply code, Q, N for a new code, U removes; counts and CSS highlights follow', async (t) => {
  const api = await t.registered(t.person('Kim'));
  const project = await api.createProject('Coding check');
  const hope = await api.createCode(project.id, 'Hope', '#2e8b57');
  const fear = await api.createCode(project.id, 'Fear', '#b22222');
  const source = await api.addSource(project.id, 'Interview A', TEXT);
  const page = await t.newPage({ as: api });
  await openSource(page, project.id, source.id);
  await expectSegmentCount(page, 0);

  // Mouse: select a phrase by dragging, then the toolbar button.
  await codeItem(page, 'Hope', 0).click();
  await dragSelect(page, 'bright future');
  await page.getByRole('toolbar', { name: 'Coding tools' }).getByRole('button', { name: 'Apply code (Q)' }).click();
  await expectSegmentCount(page, 1);
  await codeItem(page, 'Hope', 1).waitFor();
  await waitFor(async () => (await highlightRanges(page))[`qc-${hope.id}`] === 1, { message: `CSS.highlights qc-${hope.id} holds one range` });

  // Keys: select, then Q with another active code.
  await codeItem(page, 'Fear', 0).click();
  await dragSelect(page, 'dark clouds');
  await page.keyboard.press('q');
  await expectSegmentCount(page, 2);
  await codeItem(page, 'Fear', 1).waitFor();
  await waitFor(async () => (await highlightRanges(page))[`qc-${fear.id}`] === 1, { message: 'Fear painted' });

  // N: a new code from the selection, named in the "New code" dialog, which offers the selected words.
  await dragSelect(page, 'steady work');
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'New code' });
  const name = dialog.getByRole('textbox', { name: 'Name of the new code' });
  await name.waitFor();
  assert.equal(await name.inputValue(), 'steady work', 'the dialog offers the selection as the name');
  const newName = 'Work';
  await name.fill(newName);
  await name.press('Enter');
  await expectSegmentCount(page, 3);
  await codeItem(page, newName, 1).waitFor();
  await waitFor(async () => (await page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name: /\(1\)$/ }).count()) === 3, { message: 'three codes with one coding each' });
  assert.equal(await totalHighlightRanges(page), 3, 'three ranges in CSS.highlights');
  await t.screenshot(page, 'coding-workspace');

  // U on a coded spot removes that coding.
  await clickOnPhrase(page, 'dark clouds');
  await page.keyboard.press('u');
  await expectSegmentCount(page, 2);
  await codeItem(page, 'Fear', 0).waitFor();
  await waitFor(async () => ((await highlightRanges(page))[`qc-${fear.id}`] ?? 0) === 0, { message: 'Fear no longer painted' });

  const stored = await api.segments(project.id, source.id);
  const quotes = (stored.items ?? stored).map((s) => s.quote).sort();
  assert.deepEqual(quotes, ['bright future', 'steady work'], 'the server holds exactly the codings left');
  assert.ok(await sourceText(page).isVisible());
});
