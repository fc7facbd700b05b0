import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

for (const path of [
  '/en',
  '/zh',
  '/en/blog',
  '/zh/blog',
  '/en/blog/fine-tuning-with-lora',
  '/zh/blog/fine-tuning-with-lora',
  '/en/search?q=lora',
  '/zh/search?q=微调',
]) {
  test(`no serious accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}
