// Drives a running `planc serve` in Debian's Chromium, as a drafter would, and prints a JSON report.
//   node tests/clients/serve.mjs URL PLAN_DIR [SCREENSHOTS_DIR]
// Steps (each reports what it saw; tests/test_serve_clients.py asserts):
//   follow:    the preview shows a change saved on disk, without a reload (script on)
//   axe:       axe-core violations (every impact) on the preview, the contents and two forms
//   save:      an action's end date and owner changed in its form and saved; the file afterwards
//   wrong:     an end before the start: the message next to the end field
//   conflict:  a save after someone else changed the file: the refusal, and the file afterwards
//   noJs:      the same without JavaScript: the preview follows a save, a form saves a new budget row
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const [base, planDir, shots] = process.argv.slice(2);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const report = { console: [], follow: {}, axe: {}, save: {}, wrong: {}, conflict: {}, noJs: {}, addRow: {} };

const file = (prefix) => path.join(planDir, fs.readdirSync(planDir).find((name) => name.startsWith(prefix)));
const edit = (name, from, to) => fs.writeFileSync(name, fs.readFileSync(name, 'utf8').replace(from, to));

async function frameText(page) {
  const frame = page.frame({ url: /\/document/ });
  return frame ? frame.locator('body').innerText().catch(() => '') : '';
}

async function waitForFrameText(page, text, timeout = 30000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    if ((await frameText(page)).includes(text)) return Date.now() - started;
    await page.waitForTimeout(100);
  }
  return -1;
}

async function axe(page, name) {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, iframes: false, resultTypes: ['violations'] }),
    TAGS,
  );
  report.axe[name] = results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.html) }));
}

async function shot(page, name) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--lang=it-IT', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
});
try {
  const withJs = await browser.newContext({ viewport: { width: 1280, height: 860 }, bypassCSP: true, locale: 'it-IT' });
  const page = await withJs.newPage();
  page.on('console', (message) => { if (message.type() === 'error') report.console.push(message.text()); });
  page.on('pageerror', (error) => report.console.push(`pageerror: ${error.message}`));

  // The preview follows a save made in an editor.
  await page.goto(base);
  report.follow.before = await waitForFrameText(page, 'Regolamento di funzionamento del Patto');
  await shot(page, 'anteprima');
  const axisOne = file('10-');
  edit(axisOne, 'Regolamento di funzionamento del Patto', 'Regolamento del Patto, rivisto');
  report.follow.after = await waitForFrameText(page, 'Regolamento del Patto, rivisto');
  report.follow.url = page.url();
  await axe(page, 'preview');
  // An error: the last good document stays, the errors on top.
  edit(axisOne, 'owner: segreteria-tecnica', 'owner: segreteria');
  await page.locator('.stale').waitFor({ timeout: 30000 });
  report.follow.stale = await page.locator('#problems').innerText();
  report.follow.documentKept = (await frameText(page)).includes('Regolamento del Patto, rivisto');
  await shot(page, 'anteprima-errori');
  edit(axisOne, 'owner: segreteria\n', 'owner: segreteria-tecnica\n');
  await page.locator('#problems .fine').waitFor({ timeout: 30000 });

  await page.goto(base + 'objects');
  await axe(page, 'contents');
  await shot(page, 'contenuti');

  // A form: change an action's end date and owner, save.
  await page.goto(base + 'edit/actions/AZ-20');
  await axe(page, 'form');
  await page.locator('#f-end').fill('2027-06');
  // An action may have joint owners, so the owner is a set of boxes: move the tick.
  await page.locator('#f-owner input[value="ets-omicron"]').uncheck();
  await page.locator('#f-owner input[value="ets-alfa"]').check();
  await shot(page, 'modulo');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.waitForURL(/saved=1/);
  report.save.notice = await page.locator('.saved').innerText();
  report.save.file = fs.readFileSync(file('30-'), 'utf8');

  // A wrong value: the end before the start.
  await page.locator('#f-end').fill('2024-01');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.locator('.refusal').waitFor();
  report.wrong.refusal = await page.locator('.refusal').innerText();
  report.wrong.atEnd = await page.locator('.field:has(#f-end) .messages').innerText();
  report.wrong.endInvalid = await page.locator('#f-end').getAttribute('aria-invalid');
  report.wrong.file = fs.readFileSync(file('30-'), 'utf8');
  await axe(page, 'form with errors');
  await page.locator('.field:has(#f-end)').scrollIntoViewIfNeeded();
  await shot(page, 'modulo-errore');

  // Repeatable rows: the script adds one more row on request.
  await page.goto(base + 'edit/actions/AZ-20');
  const rowsBefore = await page.locator('#f-deliverables li').count();
  await page.locator('#f-deliverables button.add-row').click();
  report.addRow = { before: rowsBefore, after: await page.locator('#f-deliverables li').count() };

  // A save after the file changed on disk is refused.
  await page.goto(base + 'edit/actions/AZ-21');
  const third = file('30-');
  edit(third, 'Filiera dell’inserimento lavorativo', 'Filiera cambiata in un editor');
  const outside = fs.readFileSync(third, 'utf8');
  await page.locator('#f-end').fill('2027-01');
  await page.getByRole('button', { name: 'Salva' }).click();
  await page.locator('.refusal').waitFor();
  report.conflict.refusal = await page.locator('.refusal').innerText();
  report.conflict.unchanged = fs.readFileSync(third, 'utf8') === outside;
  await withJs.close();

  // Without JavaScript.
  const noJs = await browser.newContext({ viewport: { width: 1280, height: 860 }, javaScriptEnabled: false, locale: 'it-IT' });
  const plain = await noJs.newPage();
  await plain.goto(base);
  report.noJs.before = await waitForFrameText(plain, 'Piano strategico di sviluppo');
  edit(axisOne, 'Regolamento del Patto, rivisto', 'Regolamento del Patto, senza script');
  report.noJs.after = await waitForFrameText(plain, 'Regolamento del Patto, senza script');
  await plain.goto(base + 'edit/actions/AZ-22');
  const newRow = plain.locator('fieldset.new-row');
  await newRow.locator('select[name$=".funder"]').selectOption('bandi');
  await newRow.locator('input[name$=".amount"]').fill('4500');
  await newRow.locator('select[name$=".status"]').selectOption('expected');
  await plain.getByRole('button', { name: 'Salva' }).click();
  await plain.waitForURL(/saved=1/);
  report.noJs.notice = await plain.locator('.saved').innerText();
  report.noJs.file = fs.readFileSync(file('30-'), 'utf8');
  if (shots) {
    const phone = await noJs.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(base + 'edit/actions/AZ-22');
    await shot(phone, 'modulo-telefono');
  }
  await noJs.close();
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(report, null, 2) + '\n');
