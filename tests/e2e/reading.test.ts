/**
 * Reading comfort of the built site, measured in Chromium the way a reader
 * would notice it: Chinese typography (clreq), layout from 360 px to 1440 px,
 * and the printed article.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { loadArticles } from '../helpers/content.ts';
import { correctionMarkIds } from '../../src/content-model/correction-marks.ts';
import { SITES, TEST_SITE_URL } from '../helpers/sites.ts';
import { keyPages } from '../../tools/shared/key-pages.ts';

const site = SITES.archive;
const pages = keyPages(site.dist, true);
const article = pages.find((p) => p.name === 'article')!;

const live = useSiteInBrowser(site);

async function open(path: string, width: number, options: { print?: boolean } = {}): Promise<Page> {
  const context = await live.browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  if (options.print) await page.emulateMedia({ media: 'print' });
  await page.goto(live.server.url(path));
  return page;
}

describe('Chinese typography on an article', () => {
  it('sets 30–40 characters a line on a desktop, with line height ≥ 1.8, justified', async () => {
    const page = await open(article.path, 1440);
    const m = await page.evaluate(() => {
      const p = [...document.querySelectorAll<HTMLElement>('.article-body p:not(.caption)')].sort(
        (a, b) => b.textContent!.length - a.textContent!.length,
      )[0];
      const style = getComputedStyle(p);
      const size = parseFloat(style.fontSize);
      // Characters on one full line: group the characters of the text by the line they sit on.
      const lineHeightPx = parseFloat(style.lineHeight);
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      const tops = new Map<number, number>();
      let seen = 0;
      for (let node = walker.nextNode() as Text | null; node && seen < 400; node = walker.nextNode() as Text | null) {
        if (node.parentElement?.closest('.correction-ref')) continue;
        for (let i = 0; i < node.length && seen < 400; i++, seen++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const line = Math.round(range.getBoundingClientRect().top / lineHeightPx);
          tops.set(line, (tops.get(line) ?? 0) + 1);
        }
      }
      const lines = [...tops.values()];
      return {
        lang: document.documentElement.lang,
        perLine: lines[1],
        lineHeight: parseFloat(style.lineHeight) / size,
        align: style.textAlign,
        indent: parseFloat(style.textIndent) / size,
        lineBreak: style.lineBreak,
        font: style.fontFamily,
      };
    });
    expect(m.lang).toBe('zh-Hans-CN');
    expect(m.perLine).toBeGreaterThanOrEqual(30);
    expect(m.perLine).toBeLessThanOrEqual(40);
    expect(m.lineHeight).toBeGreaterThanOrEqual(1.8);
    expect(m.align).toBe('justify');
    expect(m.indent).toBe(2);
    expect(m.lineBreak).toBe('strict');
    // CJK fonts come first, so quotation marks are CJK (full-width) glyphs.
    expect(m.font.split(',')[0]).toMatch(/Songti|Noto Serif CJK|Source Han|CJK/);
    await page.context().close();
  });

  it('draws Chinese quotation marks full-width, and emphasis as dots, not slanted', async () => {
    const page = await open(article.path, 1440);
    const m = await page.evaluate(() => {
      // A quotation mark between two ideographs, with punctuation trimming off: its own glyph width.
      const quoteWidth = (where: Element) => {
        const span = document.createElement('span');
        span.style.setProperty('text-spacing-trim', 'space-all');
        span.textContent = '汉“汉';
        where.append(span);
        const range = document.createRange();
        range.setStart(span.firstChild!, 1);
        range.setEnd(span.firstChild!, 2);
        return range.getBoundingClientRect().width / parseFloat(getComputedStyle(span).fontSize);
      };
      const em = document.createElement('em');
      em.textContent = '着重';
      document.querySelector('.article-body p')!.append(em);
      return {
        quoteBody: quoteWidth(document.querySelector('.article-body p')!),
        quoteUi: quoteWidth(document.querySelector('.breadcrumbs') ?? document.body),
        emStyle: getComputedStyle(em).fontStyle,
        emMark: getComputedStyle(em).textEmphasisStyle,
      };
    });
    expect(m.quoteBody).toBeCloseTo(1, 1);
    expect(m.quoteUi).toBeCloseTo(1, 1);
    expect(m.emStyle).toBe('normal');
    expect(m.emMark).toMatch(/dot/);
    await page.context().close();
  });

  it('keeps each 校N note mark on the line of the character it annotates, in every article on a phone', async () => {
    const context = await live.browser.newContext({ viewport: { width: 360, height: 900 } });
    const page = await context.newPage();
    const split: string[] = [];
    const missing: string[] = [];
    for (const article of (await loadArticles()).filter((a) => !a.data.draft)) {
      await page.goto(live.server.url(`articles/${article.id}/`));
      const { rendered, marks } = await page.evaluate(() => {
        const refs = [...document.querySelectorAll('.article-body .correction-ref')];
        // Each mark is measured against the character before it; one right after another mark follows that mark.
        const marks = refs
          .filter((sup) => {
            const before = sup.previousSibling;
            if (!before || before.nodeType !== Node.TEXT_NODE || !before.textContent) return false;
            const range = document.createRange();
            range.setStart(before, before.textContent.length - 1);
            range.setEnd(before, before.textContent.length);
            return Math.abs(range.getBoundingClientRect().bottom - sup.getBoundingClientRect().bottom) > 20;
          })
          .map((sup) => sup.textContent);
        return { rendered: refs.length, marks };
      });
      const written = correctionMarkIds(article.body).length;
      if (rendered !== written) missing.push(`${article.id}: ${rendered} of ${written} marks rendered`);
      split.push(...marks.map((m) => `${article.id}: ${m}`));
    }
    await context.close();
    expect(missing).toEqual([]);
    expect(split).toEqual([]);
  });
});

describe('layout from phone to desktop', () => {
  // 320 px: WCAG reflow (a 1280 px screen zoomed to 400 %). Each page loads once and is laid out at every width in turn.
  it('never scrolls sideways at 320, 360, 768, 960 or 1440 px', async () => {
    const wide: string[] = [];
    const context = await live.browser.newContext({ viewport: { width: 1440, height: 800 } });
    const page = await context.newPage();
    for (const p of pages) {
      await page.goto(live.server.url(p.path));
      for (const width of [320, 360, 768, 960, 1440]) {
        await page.setViewportSize({ width, height: 800 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) wide.push(`${p.name} at ${width} px (${overflow}px)`);
      }
    }
    await context.close();
    expect(wide).toEqual([]);
  });

  it('puts the header on one row from 960 px, no link or name broken across lines', async () => {
    for (const width of [960, 1024, 1280]) {
      const page = await open('', width);
      const rows = await page.evaluate(() => {
        const tops = [
          '.site-name',
          '.site-search',
          '.theme-toggle',
          ...[...document.querySelectorAll('.site-nav li')].map((_, i) => `.site-nav li:nth-child(${i + 1})`),
        ]
          .map((selector) => document.querySelector(selector)!.getBoundingClientRect())
          .map((box) => ({ mid: Math.round(box.top + box.height / 2), height: box.height }));
        const nav = [...document.querySelectorAll('.site-nav a, .site-name')].map((el) => el.getClientRects().length);
        return { spread: Math.max(...tops.map((t) => t.mid)) - Math.min(...tops.map((t) => t.mid)), lines: Math.max(...nav) };
      });
      expect(rows.spread, `${width} px`).toBeLessThan(12);
      expect(rows.lines, `${width} px`).toBe(1);
      await page.context().close();
    }
  });

  it('shows the archive name, navigation and search box at the top on a phone', async () => {
    const page = await open('', 360);
    for (const selector of ['.site-name', '.site-nav', '#site-search-q']) {
      const box = await page.locator(selector).boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.y + box!.height, selector).toBeLessThan(260);
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(360);
    }
    await page.context().close();
  });
});

describe('the printed article', () => {
  it('prints the text, its 校勘记 and citation URL, without the site navigation', async () => {
    const page = await open(article.path, 794, { print: true });
    const visible = (selector: string) => page.locator(selector).first().isVisible();
    await expect(visible('.article-body')).resolves.toBe(true);
    await expect(visible('.corrections')).resolves.toBe(true);
    await expect(visible('.citation-text')).resolves.toBe(true);
    await expect(visible('.print-url')).resolves.toBe(true);
    await expect(page.locator('.print-url').innerText()).resolves.toContain(`${site.base}${article.path}`);
    for (const hidden of ['.site-nav', '.site-search', '.breadcrumbs', '.skip-link', '.theme-toggle']) {
      await expect(visible(hidden), hidden).resolves.toBe(false);
    }
    const colours = await page.evaluate(() => [
      getComputedStyle(document.body).backgroundColor,
      getComputedStyle(document.querySelector('.article-body')!).color,
    ]);
    expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    await page.context().close();
  });
});

describe('citable paragraphs', () => {
  /** Reads the page's paragraphs: id, whether its only self-link points at it, and how visible that link is. */
  const paragraphsOf = (page: Page) =>
    page.$$eval('.article-body p', (ps) =>
      ps.map((p) => {
        const links = p.querySelectorAll(':scope > a.para-link');
        return { id: p.id, linked: links.length === 1 && links[0].getAttribute('href') === `#${p.id}` };
      }),
    );
  const opacity = (page: Page, i: number) => page.$$eval('.article-body .para-link', (as, i) => Number(getComputedStyle(as[i]).opacity), i);

  it('gives every paragraph of every article a unique ASCII id with a real link to itself', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const problems: string[] = [];
    for (const a of await loadArticles()) {
      await page.goto(live.server.url(`articles/${a.id}/`));
      const paragraphs = await paragraphsOf(page);
      if (paragraphs.length === 0) problems.push(`${a.id}: no paragraphs`);
      const ids = paragraphs.map((p) => p.id);
      for (const p of paragraphs) if (!/^p-[0-9a-z]{6}(-\d+)?$/.test(p.id) || !p.linked) problems.push(`${a.id}: ${JSON.stringify(p)}`);
      if (new Set(ids).size !== ids.length) problems.push(`${a.id}: duplicate paragraph ids`);
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('shows the self-link on keyboard focus; following it offers 引用本段 with 第N段 and the URL with the fragment', async () => {
    const page = await open(article.path, 1440);
    const n = 3;
    const link = page.locator('.article-body .para-link').nth(n - 2);
    expect(await opacity(page, n - 2)).toBe(0);
    await link.focus();
    expect(await opacity(page, n - 2)).toBe(1);
    await page.keyboard.press('Tab');
    expect(await opacity(page, n - 1)).toBe(1);
    expect(await opacity(page, n - 2)).toBe(0);
    const id = await page.evaluate(() => document.activeElement!.parentElement!.id);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe(`#${id}`);
    // The link comes with the page's hashchange event, a task after the navigation: a reader's next Tab comes later.
    await page.locator(`#${id} a.cite-paragraph`).waitFor({ state: 'attached' });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('引用本段');
    await page.keyboard.press('Enter');
    const box = page.locator('#paragraph-citation');
    expect(await box.isVisible()).toBe(true);
    const url = `${TEST_SITE_URL}${site.base}${article.path}#${id}`;
    const text = await box.locator('.citation-text').textContent();
    expect(text?.endsWith(`: 第${n}段. ${url}.`), text ?? '').toBe(true);
    await page.context().close();
  });

  it('links a search result to the paragraph that holds the hit', async () => {
    const page = await open(article.path, 1440);
    // Six characters of one run of Han characters (clause punctuation separates search terms) in the article's longest paragraph.
    const term = await page.$$eval('.article-body p:not(.caption)', (ps) => {
      const longest = ps.map((p) => p.textContent!).sort((a, b) => b.length - a.length)[0];
      return longest.match(/\p{Script=Han}{6,}/u)![0].slice(0, 6);
    });
    await page.goto(live.server.url(`search/?q=${encodeURIComponent(term)}`));
    await page.waitForSelector('[data-search-results][data-state="done"]');
    const href = await page.locator('a[data-result]').first().getAttribute('href');
    expect(href).toMatch(/#p-[0-9a-z]{6}/);
    await page.goto(live.server.origin + href!);
    const target = await page.$eval(':target', (el) => ({ tag: el.tagName, text: el.textContent!.replace(/[\s\p{P}]/gu, '') }));
    expect(target.tag).toBe('P');
    expect(target.text).toContain(term);
    await page.context().close();
  });
});
