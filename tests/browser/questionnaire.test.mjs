// The web questionnaire in a real browser engine (Debian's Chromium, driven by
// playwright-core): exported by the CLI, answered with the keyboard, reloaded (answering
// resumes), saved, and the saved file imported back; the engine's own request log shows it
// loads nothing; axe-core finds no WCAG 2.2 A or AA violation, wide, on a phone and dark.
//
// Run by meson (tests/meson.build) with GROUNDSWELL set to the program and TEST_OUTPUT to a
// folder for the screenshots; needs `npm ci` in this folder (build-aux/test does it).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

let chromium;
try {
  ({ chromium } = await import("playwright-core"));
} catch (error) {
  console.error("playwright-core is missing: run `npm ci` in tests/browser (build-aux/test does it).\n" + error.message);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const groundswell = process.env.GROUNDSWELL;
const output = process.env.TEST_OUTPUT || os.tmpdir();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "gs-browser-"));
const database = path.join(work, "test.db");
let failures = 0;

function run(...args) {
  return execFileSync(groundswell, ["--database=" + database, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function check(name, body) {
  try {
    await body();
    console.log("ok - " + name);
  } catch (error) {
    failures++;
    console.log("not ok - " + name + "\n" + error.stack);
  }
}

// What the test answers: item by item in page order, a value, don't know or not
// applicable where the item offers them, and two notes, one with awkward characters.
function plannedAnswers(items) {
  return items.map((item, i) => {
    if (i === 2 && item.choices.includes("dont-know")) return { ...item, choice: "dont-know" };
    if (i === 5 && item.choices.includes("not-applicable")) return { ...item, choice: "not-applicable" };
    return { ...item, choice: String((i % 5) + 1) };
  });
}

const NOTES = { 0: "Board minutes, 3 March — “a <b>bold</b> plan” & more", 7: "Seen on ward 7\nand in the staff survey" };

// Answers one item as a keyboard user does: Tab into the group lands on its first choice,
// the arrow keys move the choice along (and select it), as in every radio group.
async function answerWithKeys(page, item) {
  const position = item.choices.indexOf(item.choice);
  await page.focus(`input[name="${item.id}"][value="1"]`);
  await page.keyboard.press("Space");
  for (let step = 0; step < position; step++) await page.keyboard.press("ArrowRight");
}

async function writeNote(page, id, text) {
  await page.focus(`#item-${id} summary`);
  await page.keyboard.press("Enter");
  await page.focus(`#note-${id}`);
  await page.keyboard.type(text);
}

async function itemsOnPage(page) {
  return page.$$eval("fieldset[data-item]", (sets) =>
    sets.map((set) => ({
      id: set.dataset.item,
      choices: Array.from(set.querySelectorAll('input[type="radio"]'), (radio) => radio.value),
    })));
}

async function axeViolations(browser, url, options) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
  await context.close();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: process.getuid && process.getuid() === 0 ? ["--no-sandbox"] : [],
});

try {
  run("--demo");
  const html = path.join(work, "questionnaire.html");
  run("--export-questionnaire=1", "--output=" + html, "--respondent=Siân Llewelyn", "--group=Board");
  const url = "file://" + html;
  const listed = run("--list");
  let requests = [], problems = [], items = [], planned = [];
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  page.on("pageerror", (error) => problems.push(error.message));

  await check("the exported respondent is in the assessment, sent and not yet answered", async () => {
    assert.match(listed, /^1\t.*\t11\t/m);
  });

  await check("the page opens with the respondent's name and group filled in", async () => {
    await page.goto(url);
    items = await itemsOnPage(page);
    planned = plannedAnswers(items);
    assert.ok(items.length >= 50, `only ${items.length} questions`);
    assert.equal(await page.inputValue("#gs-name"), "Siân Llewelyn");
    assert.equal(await page.inputValue("#gs-group"), "Board");
    assert.equal(await page.textContent("#gs-progress"), `Answered: 0 of ${items.length}`);
  });

  const half = Math.floor(planned.length / 2);
  await check("answers given with the keyboard are kept when the page is reloaded", async () => {
    for (const item of planned.slice(0, half)) await answerWithKeys(page, item);
    await writeNote(page, planned[0].id, NOTES[0]);
    await page.reload();
    for (const item of planned.slice(0, half)) {
      const checked = await page.$eval(`input[name="${item.id}"]:checked`, (radio) => radio.value);
      assert.equal(checked, item.choice, item.id);
    }
    assert.equal(await page.inputValue(`#note-${planned[0].id}`), NOTES[0]);
    assert.equal(await page.textContent("#gs-progress"), `Answered: ${half} of ${items.length}`);
  });

  let saved = null;
  await check("Save My Answers downloads a responses file named after the organisation and respondent", async () => {
    for (const item of planned.slice(half)) await answerWithKeys(page, item);
    await writeNote(page, planned[7].id, NOTES[7]);
    await page.screenshot({ path: path.join(output, "questionnaire-wide.png") });
    const download = page.waitForEvent("download");
    await page.focus("#gs-save");
    await page.keyboard.press("Enter");
    saved = path.join(work, (await download).suggestedFilename());
    await (await download).saveAs(saved);
    assert.match(path.basename(saved), /^riverside-community-health-nhs-trust-fictional-example-sian-llewelyn-answers\.json$/);
    assert.match(await page.textContent("#gs-saved"), /Saved as/);
  });

  await check("the page loaded nothing but itself and reported no error", async () => {
    const others = requests.filter((address) => address !== url && !address.startsWith("blob:file://"));
    assert.deepEqual(others, []);
    assert.deepEqual(problems, []);
  });

  await check("the saved file imports: every answer, note, don't know and not applicable arrives", async () => {
    run("--import=" + saved);
    const exported = path.join(work, "after.json");
    run("--export=1", "--output=" + exported);
    const assessment = JSON.parse(fs.readFileSync(exported, "utf8"));
    const respondents = assessment.respondents.filter((r) => r.name === "Siân Llewelyn");
    assert.equal(respondents.length, 1);
    assert.equal(respondents[0].group, "Board");
    const answers = new Map(respondents[0].answers.map((a) => [a.item, a]));
    assert.equal(answers.size, planned.length);
    planned.forEach((item, i) => {
      const answer = answers.get(item.id);
      if (item.choice === "dont-know" || item.choice === "not-applicable") assert.equal(answer.status, item.choice);
      else assert.deepEqual([answer.status, answer.value], ["value", Number(item.choice)], item.id);
      assert.equal(answer.note, NOTES[i] || "", item.id);
    });
    assert.ok(planned.some((i) => i.choice === "dont-know") && planned.some((i) => i.choice === "not-applicable"));
  });

  await check("a changed answer saved again is refused as newer, then replaces the older with --replace-older", async () => {
    await page.waitForTimeout(1100);  // the times compare to the second
    const item = planned.find((p) => p.choice === "1");
    await page.focus(`input[name="${item.id}"][value="1"]`);
    await page.keyboard.press("ArrowRight");
    const download = page.waitForEvent("download");
    await page.click("#gs-save");
    const again = path.join(work, "again.json");
    await (await download).saveAs(again);
    assert.throws(() => run("--import=" + again), (error) =>
      /Newer answers than those already here, saved later by the same respondent: Siân Llewelyn \(items /.test(error.stderr) &&
      /--replace-older/.test(error.stderr));
    run("--import=" + again, "--replace-older");
    const exported = path.join(work, "replaced.json");
    run("--export=1", "--output=" + exported);
    const siân = JSON.parse(fs.readFileSync(exported, "utf8")).respondents.find((r) => r.name === "Siân Llewelyn");
    assert.equal(siân.answers.find((a) => a.item === item.id).value, 2);
  });

  await check("Clear My Answers leaves nothing in the browser for the next person", async () => {
    page.once("dialog", (dialog) => dialog.accept());
    await page.click("#gs-clear");
    assert.equal(await page.textContent("#gs-progress"), `Answered: 0 of ${items.length}`);
    assert.equal(await page.evaluate(() => window.localStorage.length), 0);
    await page.reload();
    assert.equal(await page.$$eval('input[type="radio"]:checked', (checked) => checked.length), 0);
    assert.equal(await page.inputValue(`#note-${planned[0].id}`), "");
    assert.equal(await page.inputValue("#gs-name"), "Siân Llewelyn");
  });

  await check("a phone-width page has one column of choices and no sideways scrolling", async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true });
    const small = await phone.newPage();
    await small.goto(url);
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    const [first, second] = await small.$$eval(`#item-${planned[0].id} .choices label`, (labels) =>
      labels.slice(0, 2).map((l) => l.getBoundingClientRect().left));
    assert.equal(first, second);
    await small.screenshot({ path: path.join(output, "questionnaire-phone.png") });
    await phone.close();
  });

  await check("axe-core finds no WCAG 2.2 A or AA violation: wide, phone, dark", async () => {
    const found = [
      ...(await axeViolations(browser, url, { viewport: { width: 1280, height: 900 } })),
      ...(await axeViolations(browser, url, { viewport: { width: 360, height: 780 }, isMobile: true })),
      ...(await axeViolations(browser, url, { colorScheme: "dark" })),
    ];
    assert.deepEqual(found, []);
  });
  await check("a page in Welsh and English switches language at the top, and keeps its answers", async () => {
    const bilingual = path.join(work, "cy-en.html");
    execFileSync(groundswell, ["--language=cy", "--database=" + database, "--export-questionnaire=1",
                               "--second-language=en", "--output=" + bilingual], { stdio: "ignore" });
    const both = await context.newPage();
    await both.goto("file://" + bilingual);
    assert.equal(await both.getAttribute("html", "lang"), "cy");
    assert.match(await both.title(), /^Holiadur .* \/ Questionnaire /);  // a title cannot switch: both
    assert.equal(await both.isVisible("text=Save My Answers"), false);
    const first = (await itemsOnPage(both))[0];
    await answerWithKeys(both, { ...first, choice: "2" });
    const welsh = await both.textContent("#gs-progress");
    await both.click('button[data-language="en"]');
    assert.equal(await both.getAttribute("html", "lang"), "en");
    assert.equal(await both.isVisible("text=Save My Answers"), true);
    assert.equal(await both.getAttribute('button[data-language="en"]', "aria-pressed"), "true");
    assert.match(await both.textContent("#gs-progress"), /^Answered: \d+ of \d+$/);
    assert.notEqual(welsh, await both.textContent("#gs-progress"));
    assert.equal(await both.isChecked(`input[name="${first.id}"][value="2"]`), true);
    await both.screenshot({ path: path.join(output, "questionnaire-bilingual.png") });
    await both.close();
  });
  await context.close();
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failures === 0 ? 0 : 1);
