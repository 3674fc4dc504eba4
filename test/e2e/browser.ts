// A real Chromium for the end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core,
// headless, with a fresh profile. Screenshots go to artifacts/screenshots (kept by CI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const WEB_DIR = join(ROOT, 'dist/web');
export const SCREENSHOT_DIR = join(ROOT, 'artifacts/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests run where Chromium is installed; CI sets TOUSU_E2E=required so a missing browser fails. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.TOUSU_E2E === 'required') {
    throw new Error(
      `TOUSU_E2E=required but no Chromium at ${CHROMIUM} (apt install chromium fonts-noto-cjk)`,
    );
  }
  return false;
}

/** Builds dist/web if its sources changed since the last build. */
export function buildWebUi(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/ensure-web-build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('building the web UI failed');
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'tousu-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Picks an option of an Ant Design select by its visible text. */
export async function chooseOption(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
  // Wait for the list to finish closing: while it fades out it covers what lies beneath it.
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}
