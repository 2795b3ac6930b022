// Two people in two browsers: a teammate's coding appears live, the reader's scroll does not move, and
// "People here" shows who is where.
import { assert, test, waitFor } from '../lib/harness.mjs';
import {
  codeItem, dragSelect, expectLive, expectSegmentCount, highlightRanges, markTime, openSource, scrollerOf, scrollSourceTo, segmentCount,
} from '../lib/ui.mjs';
import { longInterview } from '../lib/texts.mjs';

/** A and B (a coder) in one project with a long source, each in a browser of their own with it open. */
async function twoPeopleOnOneSource(t, projectName) {
  const whoA = t.person('Ana');
  const whoB = t.person('Ben');
  const apiA = await t.registered(whoA);
  const apiB = await t.registered(whoB);
  const project = await apiA.createProject(projectName);
  await apiA.addMember(project.id, whoB.email, 'coder');
  const code = await apiA.createCode(project.id, 'Worry', '#cc6600');
  const source = await apiA.addSource(project.id, 'Long interview', longInterview(80));
  const pageA = await t.newPage({ as: apiA });
  const pageB = await t.newPage({ as: apiB });
  await openSource(pageA, project.id, source.id);
  await openSource(pageB, project.id, source.id);
  await expectLive(pageA);
  await expectLive(pageB);
  return { whoA, whoB, apiA, apiB, project, code, source, pageA, pageB };
}

test('live: A codes a passage, B sees it painted without a reload and without a scroll jump', async (t) => {
  const { apiA, project, code, source, pageA, pageB } = await twoPeopleOnOneSource(t, 'Live check');
  await pageB.evaluate(() => ((/** @type {any} */ (window)).__qcNoReload = true));

  // B reads further down; A codes a passage near the top.
  const scrolled = await scrollSourceTo(pageB, 0.6);
  assert.ok(scrolled && scrolled > 0, `B's source text scrolls (scrollTop ${scrolled})`);
  const before = await scrollerOf(pageB);
  assert.equal(await segmentCount(pageB), 0);

  await codeItem(pageA, 'Worry', 0).click();
  await dragSelect(pageA, 'Marker2 stands here');
  await pageA.keyboard.press('q');
  await expectSegmentCount(pageA, 1);

  await expectSegmentCount(pageB, 1, 10_000);
  await waitFor(async () => (await highlightRanges(pageB))[`qc-${code.id}`] === 1, { message: "B's CSS.highlights has the new range" });
  const [segment] = await apiA.segments(project.id, source.id).then((s) => s.items ?? s);
  await markTime(pageB, `qc:painted:${segment.id}`);
  await codeItem(pageB, 'Worry', 1).waitFor();

  const after = await scrollerOf(pageB);
  assert.equal(after.scrollTop, before.scrollTop, "B's scroll position did not change");
  assert.equal(await pageB.evaluate(() => (/** @type {any} */ (window)).__qcNoReload), true, 'B did not reload');
  await t.screenshot(pageB, 'coding-workspace-live');
});

test('presence: B appears in A\'s "People here" with the source B has open', async (t) => {
  const { whoB, pageA } = await twoPeopleOnOneSource(t, 'Presence check');
  const people = pageA.getByRole('region', { name: 'People here' });
  await people.getByRole('listitem').filter({ hasText: whoB.displayName }).filter({ hasText: '— Long interview' }).waitFor({ timeout: 15_000 });
});
