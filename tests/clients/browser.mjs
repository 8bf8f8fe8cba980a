// Opens one planc HTML page in Debian's Chromium (headless, offline) and prints a JSON report:
//   axe:        axe-core violations of the WCAG 2.1 A/AA rules, grouped by impact
//   dialogs:    alert/confirm/prompt dialogs opened (plan text must never run)
//   console:    console errors and page errors (a CSP violation shows up here)
//   requests:   every request that is not the file itself (all are blocked)
//   scripts:    <script> elements in the page as loaded
//   oddLinks:   hrefs that are not #fragment, http(s) or mailto (each is clicked in pass 1)
//   noJs:       text length and heading count with JavaScript disabled
//   layout:     at 390 and 1280 px wide: how far the page scrolls sideways, every number, amount,
//               year, date and id that wraps inside its text (measured on the page's own line boxes),
//               characters per line of running text, and the headings' and contents' names as a
//               screen reader gets them (CSS numbers included)
// Usage: node tests/clients/browser.mjs FILE.html [TERMS.json]   (CHROMIUM overrides /usr/bin/chromium)
//   TERMS.json: {"ids": [...], "dates": [...]} the plan's ids and dates as the documents write them
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const file = path.resolve(process.argv[2]);
const url = pathToFileURL(file).href;
const terms = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], 'utf8')) : { ids: [], dates: [] };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const report = { url, dialogs: [], console: [], requests: [], oddLinks: [], axe: {}, scripts: -1, noJs: {}, layout: {} };

// In the page: every match of a number, amount, year, date or id in a text node, and the line boxes
// it is laid out on (a Range's client rects). A match wider than its block could ever be is counted
// apart: it has to break.
function measure({ ids, dates }) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const space = '[ \\u00a0\\u202f]';
  const patterns = [/[-+−]?\d+(?:[.,:\/\u00a0\u202f]\d+)*(?:[ \u00a0\u202f]?[%€$£‰])?/g];
  if (ids.length) {
    const sorted = [...ids].sort((a, b) => b.length - a.length).map(escape);
    patterns.push(new RegExp(`(?<![\\w.-])(?:${sorted.join('|')})(?![\\w-])`, 'g'));
  }
  if (dates.length) {
    const sorted = [...dates].sort((a, b) => b.length - a.length).map((d) => d.split(/\s+/).map(escape).join(`${space}+`));
    patterns.push(new RegExp(sorted.join('|'), 'g'));
  }
  const broken = [];
  let measured = 0;
  let tooWide = 0;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.data;
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      for (const match of text.matchAll(pattern)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        if (!rects.length) continue; // not shown at this width (the closed contents on a phone)
        measured += 1;
        const lines = new Set(rects.map((r) => Math.round(r.bottom / 4)));
        if (lines.size <= 1) continue;
        let block = node.parentElement;
        while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
        const width = rects.reduce((sum, r) => sum + r.width, 0);
        if (block && width > block.clientWidth) { tooWide += 1; continue; }
        broken.push({ text: match[0], in: node.parentElement.closest('[id]')?.id || '', lines: lines.size });
      }
    }
  }
  // Running text: characters per line of the longer paragraphs of the body.
  const perLine = [];
  for (const p of document.querySelectorAll('main p')) {
    if (p.closest('table, nav, .cover-parties') || p.textContent.length < 300) continue;
    const range = document.createRange();
    range.selectNodeContents(p);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.bottom / 4))).size;
    if (lines > 1) perLine.push(p.textContent.length / lines);
  }
  perLine.sort((a, b) => a - b);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    measured, tooWide, broken: broken.slice(0, 50), brokenCount: broken.length,
    charsPerLine: perLine.length ? Math.round(perLine[Math.floor(perLine.length / 2)]) : 0,
  };
}

// The accessible names of the headings and of the contents' links, as Chromium computes them.
async function names(page) {
  const client = await page.context().newCDPSession(page);
  const { nodes } = await client.send('Accessibility.getFullAXTree');
  const named = (role) => nodes.filter((n) => n.role?.value === role && !n.ignored).map((n) => n.name?.value || '');
  const headings = named('heading');
  // The contents' links: the links inside the navigation landmark, in the tree's order.
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const contents = [];
  const walk = (node) => {
    if (!node) return;
    if (node.role?.value === 'link' && !node.ignored) contents.push(node.name?.value || '');
    for (const child of node.childIds || []) walk(byId.get(child));
  };
  walk(nodes.find((n) => n.role?.value === 'navigation' && !n.ignored));
  return { headings, contents };
}

// Block and record any request other than the page itself.
async function guard(context) {
  await context.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested === url) return route.continue();
    report.requests.push(requested);
    return route.abort();
  });
}

try {
  // Pass 1: a normal context (the page's own CSP applies); listen for anything plan text could run.
  const normal = await browser.newContext({ offline: true });
  await guard(normal);
  const page = await normal.newPage();
  page.on('dialog', async (dialog) => {
    report.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('console', (message) => {
    if (message.type() === 'error') report.console.push(message.text());
  });
  page.on('pageerror', (error) => report.console.push(`pageerror: ${error.message}`));
  await page.goto(url, { waitUntil: 'load' });
  // Give onerror handlers, iframes and lazy loads a moment to fire, then click every link whose
  // target is neither in the page, nor http(s), nor mailto (a javascript: link would open a dialog).
  await page.waitForTimeout(300);
  report.scripts = await page.locator('script').count();
  const odd = page.locator('a[href]:not([href^="#"]):not([href^="http:"]):not([href^="https:"]):not([href^="mailto:"])');
  report.oddLinks = await odd.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
  for (const link of await odd.all()) {
    await link.click({ timeout: 1000, noWaitAfter: true, force: true }).catch(() => {});
  }
  await page.waitForTimeout(200);
  await normal.close();

  // Pass 2: bypassCSP only so that axe can be injected; the page's CSP blocks injected scripts.
  const audit = await browser.newContext({ offline: true, bypassCSP: true });
  await guard(audit);
  const auditPage = await audit.newPage();
  await auditPage.goto(url, { waitUntil: 'load' });
  await auditPage.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const results = await auditPage.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    TAGS,
  );
  for (const violation of results.violations) {
    (report.axe[violation.impact || 'unknown'] ||= []).push({
      id: violation.id,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target, html: node.html })),
      count: violation.nodes.length,
    });
  }
  report.axeVersion = results.testEngine.version;
  await audit.close();

  // Pass 3: JavaScript disabled; the content must all be there without it.
  const noJs = await browser.newContext({ offline: true, javaScriptEnabled: false });
  await guard(noJs);
  const noJsPage = await noJs.newPage();
  await noJsPage.goto(url, { waitUntil: 'load' });
  // innerText needs layout but no page script: playwright evaluates in its own utility world.
  report.noJs = {
    textLength: (await noJsPage.locator('body').innerText()).length,
    headings: await noJsPage.locator('h1, h2, h3').count(),
    title: await noJsPage.title(),
  };
  await noJs.close();

  // Pass 4: a phone and a laptop; the page as its reader sees it (its own CSP applies).
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    const context = await browser.newContext({
      offline: true, viewport: { width, height }, isMobile: width < 600, hasTouch: width < 600,
    });
    await guard(context);
    const layoutPage = await context.newPage();
    await layoutPage.goto(url, { waitUntil: 'load' });
    report.layout[width] = await layoutPage.evaluate(measure, terms);
    if (width === 1280) Object.assign(report.layout[width], await names(layoutPage));
    await context.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
