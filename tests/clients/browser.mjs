// Opens one planc HTML page in Debian's Chromium (headless, offline) and prints a JSON report:
//   axe:        axe-core violations of the WCAG 2.1 A/AA rules, grouped by impact
//   dialogs:    alert/confirm/prompt dialogs opened (plan text must never run)
//   console:    console errors and page errors (a CSP violation shows up here)
//   requests:   every request that is not the file itself (all are blocked)
//   scripts:    <script> elements in the page as loaded
//   oddLinks:   hrefs that are not #fragment, http(s) or mailto (each is clicked in pass 1)
//   noJs:       text length and heading count with JavaScript disabled
// Usage: node tests/clients/browser.mjs FILE.html   (CHROMIUM overrides /usr/bin/chromium)
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const file = path.resolve(process.argv[2]);
const url = pathToFileURL(file).href;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const report = { url, dialogs: [], console: [], requests: [], oddLinks: [], axe: {}, scripts: -1, noJs: {} };

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
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
