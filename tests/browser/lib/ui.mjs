// Page helpers written against web/UI-CONTRACT.md: role and label locators only, plus the few DOM reads the
// contract promises (data-segment-count, CSS.highlights, performance marks).
import { waitFor, waitForEqual } from './harness.mjs';

/** @typedef {import('playwright-core').Page} Page */

/** @param {Page} page */
export const sourceText = (page) => page.getByRole('region', { name: 'Source text' });

/** Registers through the UI (the register page), ending on My projects. @param {Page} page */
export async function registerThroughUi(page, who) {
  await page.goto('/register');
  await page.getByRole('heading', { name: 'Create an account' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByRole('textbox', { name: 'Display name' }).fill(who.displayName);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'My projects' }).waitFor();
}

/** Signs in through the UI (the sign-in page), ending on My projects. @param {Page} page */
export async function signInThroughUi(page, who) {
  await page.goto('/sign-in');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'My projects' }).waitFor();
}

/** The number of codings painted, as the source text's data-segment-count says. @param {Page} page */
export async function segmentCount(page) {
  const value = await sourceText(page).getAttribute('data-segment-count', { timeout: 5_000 });
  return value === null ? null : Number(value);
}

/** Waits for data-segment-count to equal n. @param {Page} page */
export function expectSegmentCount(page, n, timeout = 10_000) {
  return waitForEqual(() => segmentCount(page), n, { timeout, message: 'data-segment-count' });
}

/**
 * Ranges in the CSS Custom Highlight API registry per highlight name, codes' only ("qc-<codeId>", not flash or
 * selected). @param {Page} page @returns {Promise<Record<string, number>>}
 */
export function highlightRanges(page) {
  return page.evaluate(() => {
    /** @type {Record<string, number>} */
    const out = {};
    if (!('highlights' in CSS)) return out;
    // @ts-ignore
    for (const [name, highlight] of CSS.highlights) {
      if (name.startsWith('qc-') && name !== 'qc-flash' && name !== 'qc-selected') out[name] = highlight.size;
    }
    return out;
  });
}

export async function totalHighlightRanges(page) {
  return Object.values(await highlightRanges(page)).reduce((a, b) => a + b, 0);
}

/**
 * The viewport points at the start and end of a phrase in region "Source text" (its occurrence-th match),
 * scrolled into view first. Uses Range.getClientRects on the text nodes inside the region.
 * @param {Page} page @param {string} phrase @param {number} [occurrence]
 */
export async function phrasePoints(page, phrase, occurrence = 1) {
  const locate = () =>
    sourceText(page).evaluate(
      (root, [phrase, occurrence, scroll]) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        /** @type {{node: Text, start: number}[]} */
        const nodes = [];
        let text = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: /** @type {Text} */ (n), start: text.length });
          text += n.nodeValue;
        }
        let at = -1;
        for (let i = 0; i < occurrence; i++) {
          at = text.indexOf(phrase, at + 1);
          if (at < 0) return { error: `"${phrase}" (occurrence ${occurrence}) is not in the source text` };
        }
        const find = (offset, isEnd) => {
          for (let i = nodes.length - 1; i >= 0; i--) {
            const { node, start } = nodes[i];
            if (isEnd ? start < offset : start <= offset) return { node, offset: offset - start };
          }
          return null;
        };
        const s = find(at, false);
        const e = find(at + phrase.length, true);
        if (!s || !e) return { error: 'no text node for the phrase' };
        const range = document.createRange();
        range.setStart(s.node, s.offset);
        range.setEnd(e.node, e.offset);
        if (scroll) s.node.parentElement?.scrollIntoView({ block: 'center' });
        const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
        if (!rects.length) return { error: 'the phrase has no client rects (not laid out yet?)' };
        const first = rects[0];
        const last = rects[rects.length - 1];
        return {
          start: { x: first.left + 1, y: first.top + first.height / 2 },
          end: { x: last.right - 1, y: last.top + last.height / 2 },
          middle: { x: first.left + Math.min(first.width, 40) / 2, y: first.top + first.height / 2 },
        };
      },
      [phrase, occurrence, true],
    );
  // Chunks off screen have no layout until scrolled in: scroll, then measure again once laid out.
  await locate();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const points = await locate();
  if ('error' in points) throw new Error(points.error);
  return points;
}

/** Selects a phrase in the source text by dragging the mouse across it. @param {Page} page */
export async function dragSelect(page, phrase, occurrence = 1) {
  const p = await phrasePoints(page, phrase, occurrence);
  await page.mouse.move(p.start.x, p.start.y);
  await page.mouse.down();
  await page.mouse.move((p.start.x + p.end.x) / 2, (p.start.y + p.end.y) / 2, { steps: 4 });
  await page.mouse.move(p.end.x, p.end.y, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  if (selected.trim() !== phrase.trim()) throw new Error(`dragging across "${phrase}" selected "${selected}"`);
}

/** Clicks in the middle of a phrase's first character run (a spot, no selection). @param {Page} page */
export async function clickOnPhrase(page, phrase, occurrence = 1) {
  const p = await phrasePoints(page, phrase, occurrence);
  await page.mouse.click(p.middle.x, p.middle.y);
}

/** The scrolling container of the source text (the region or its nearest scrollable ancestor): its scrollTop. */
export function scrollerOf(page) {
  return sourceText(page).evaluate((root) => {
    /** @type {Element|null} */
    let el = root.querySelector('*') ?? root;
    for (let e = /** @type {Element|null} */ (el); e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (/(auto|scroll)/.test(style.overflowY) && e.scrollHeight > e.clientHeight) {
        return { found: true, scrollTop: e.scrollTop, scrollHeight: e.scrollHeight, clientHeight: e.clientHeight };
      }
    }
    const doc = document.scrollingElement;
    return { found: false, scrollTop: doc?.scrollTop ?? 0, scrollHeight: doc?.scrollHeight ?? 0, clientHeight: doc?.clientHeight ?? 0 };
  });
}

/** Sets the source text's scroller's scrollTop (answers the value it took). */
export function scrollSourceTo(page, fraction) {
  return sourceText(page).evaluate((root, fraction) => {
    for (let e = /** @type {Element|null} */ (root.querySelector('*') ?? root); e; e = e.parentElement) {
      const style = getComputedStyle(e);
      if (/(auto|scroll)/.test(style.overflowY) && e.scrollHeight > e.clientHeight) {
        e.scrollTop = Math.round((e.scrollHeight - e.clientHeight) * fraction);
        return e.scrollTop;
      }
    }
    return null;
  }, fraction);
}

/** The text of the element labelled "Live status". @param {Page} page */
export async function liveStatus(page) {
  return ((await page.getByLabel('Live status').textContent({ timeout: 5_000 })) ?? '').trim().toLowerCase();
}

export function expectLive(page, timeout = 15_000) {
  return waitForEqual(() => liveStatus(page), 'live', { timeout, message: 'Live status' });
}

/** Waits for a performance mark by name; answers its Date.now()-based time. @param {Page} page */
export async function markTime(page, name, timeout = 10_000) {
  return waitFor(
    () =>
      page.evaluate((name) => {
        const [mark] = performance.getEntriesByName(name, 'mark');
        return mark ? performance.timeOrigin + mark.startTime : null;
      }, name),
    { timeout, interval: 20, message: `performance mark ${name}` },
  );
}

/** Opens a source in the coding workspace and waits for it to be painted. @param {Page} page */
export async function openSource(page, projectId, sourceId) {
  await page.goto(`/projects/${projectId}/sources/${sourceId}`);
  await markTime(page, `qc:source-open:${sourceId}`, 20_000);
}

/** A code's treeitem in tree "Codes": its name is "<code name> (<count>)". @param {Page} page */
export function codeItem(page, codeName, count) {
  const name = count === undefined ? new RegExp(`^${escapeRegExp(codeName)} \\(\\d+\\)$`) : `${codeName} (${count})`;
  return page.getByRole('tree', { name: 'Codes' }).getByRole('treeitem', { name, exact: true });
}

export function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
