// Moving a project: the owner downloads the export from the settings, another person imports the file from My projects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assert, test } from '../lib/harness.mjs';

test('exchange: a project exported from the settings is imported from My projects as a new project', async (t) => {
  const owner = await t.registered(t.person('Orla'));
  const project = await owner.createProject('Moving study');
  await owner.createCode(project.id, 'Relief', '#33aa55');
  await owner.addSource(project.id, 'Interview 1', 'I felt relieved.');
  const page = await t.newPage({ as: owner });
  await page.goto(`/projects/${project.id}/settings`);
  await page.getByRole('heading', { name: 'Export project' }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download project export' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'Moving study.qcproj.jsonl');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qc-export-'));
  try {
    await importBoth(t, download, dir, project);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Saves the download, imports it as someone else, then tries a file that is not an export. */
async function importBoth(t, download, dir, project) {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);

  const importer = await t.registered(t.person('Ines'));
  const theirs = await t.newPage({ as: importer });
  await theirs.goto('/');
  await theirs.getByRole('heading', { name: 'Import project' }).waitFor();
  await theirs.getByLabel('Project export file').setInputFiles(file);
  await theirs.getByRole('button', { name: 'Import project' }).click();
  await theirs.getByRole('heading', { level: 1, name: 'Moving study' }).waitFor();

  const listed = await importer.get('/api/projects');
  const copy = (listed.items ?? listed).find((p) => p.name === 'Moving study');
  assert.ok(copy && copy.id !== project.id, `the importer has a new project: ${JSON.stringify(listed)}`);
  const codes = await importer.get(`/api/projects/${copy.id}/codes`);
  assert.deepEqual((codes.items ?? codes).map((c) => c.name), ['Relief']);

  // A file that is not an export is refused with the server's reason, and nothing is made.
  const bogus = path.join(dir, 'notes.jsonl');
  fs.writeFileSync(bogus, '{"hello": "world"}\n');
  await theirs.goto('/');
  await theirs.getByLabel('Project export file').setInputFiles(bogus);
  await theirs.getByRole('button', { name: 'Import project' }).click();
  await theirs.getByRole('alert').filter({ hasText: /not a QualCoder project export/i }).waitFor();
  const after = await importer.get('/api/projects');
  assert.equal((after.items ?? after).length, 1, 'still one project');
}
