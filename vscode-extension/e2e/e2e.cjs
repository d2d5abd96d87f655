// End-to-end smoke test in a real VS Code (code-server) driven by Debian's
// chromium through playwright-core.  Run by tests/test_vscode_extension.py:
//
//   node e2e.cjs URL FILE_NAME SCREENSHOT_DIR
//
// Opens FILE_NAME with Quick Open, waits for a PT001 squiggle and a Problems
// entry, types the missing release into the (unsaved) buffer and waits for
// both to go away.  Prints one JSON line per step; exits non-zero on failure.
const path = require("path");
const { chromium } = require(process.env.PLAYWRIGHT_CORE || "playwright-core");

const [url, fileName, shots] = process.argv.slice(2);
const log = (step, extra = {}) => console.log(JSON.stringify({ step, t: Date.now(), ...extra }));

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const shot = async (name) => page.screenshot({ path: path.join(shots, `${name}.png`) }).catch(() => {});
  try {
    await page.goto(url, { waitUntil: "domcontentloaded", timeout: 120000 });
    await page.locator(".monaco-workbench").waitFor({ timeout: 120000 });
    log("workbench");
    // the explorer shows the folder once the workbench has restored
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${fileName}"]`)
      .first().waitFor({ timeout: 120000 });
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${fileName}"]`).first().click();
    await page.locator(`.tabs-container .tab[aria-label*="${fileName}"]`).first().waitFor({ timeout: 60000 });
    await page.locator(".monaco-editor .view-lines").first().waitFor({ timeout: 60000 });
    log("opened", { fileName });

    await page.locator(".monaco-editor .squiggly-warning").first().waitFor({ timeout: 120000 });
    log("squiggle");
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+Shift+M");   // Problems
    const problem = page.locator(".markers-panel .monaco-list-row", { hasText: "PT001" }).first();
    await problem.waitFor({ timeout: 60000 });
    const problemText = (await problem.textContent()) || "";
    log("problem", { text: problemText });
    await shot("leak");

    // fix the leak in the editor: release the buffer before `return status;`
    await page.locator(".monaco-editor .view-lines").first().click();
    await page.keyboard.press("Control+G");
    await page.keyboard.insertText(process.env.FIX_LINE || "15");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Home");
    await page.keyboard.press("Home");
    await page.keyboard.insertText("ExFreePoolWithTag(buffer, TAG);\n");
    log("edited");
    await page.locator(".monaco-editor .squiggly-warning").first().waitFor({ state: "detached", timeout: 60000 });
    log("squiggle-gone");
    await page.locator(".markers-panel .monaco-list-row", { hasText: "PT001" }).first()
      .waitFor({ state: "detached", timeout: 60000 });
    log("problem-gone");
    await shot("fixed");
  } catch (err) {
    await shot("failure");
    throw err;
  } finally {
    await browser.close();
  }
}

main().then(() => log("ok"), (err) => { console.error(err && err.stack || err); process.exit(1); });
