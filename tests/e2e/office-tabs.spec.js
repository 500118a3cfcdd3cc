// Two office tabs open at once (issue 6, "nothing lost"): what one tab saves appears in the
// other without a reload, and a tab that missed another's change (a background tab the
// browser froze) cannot overwrite it: its action is refused with a message, it shows the
// latest data, and the action done again lands.
import { test, expect } from '@playwright/test';
import { deafWhenAsked, setUpOffice, villageBundle } from './fixtures/office.js';

const ROAD = 'Đề nghị xã sửa chữa tuyến đường liên thôn bị xuống cấp, nhiều ổ gà';
const LIGHT = 'Đề nghị lắp thêm đèn chiếu sáng ở ngã ba chợ';
const WATER = 'Nước sinh hoạt ở xóm Bàu bị nhiễm phèn, đề nghị xã hỗ trợ lắp đặt nước sạch';

/** Imports one bundle through the picker of `page`. */
async function importBundle(page, file) {
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await page.getByLabel('Chọn các tệp…', { exact: true }).setInputFiles([file]);
  await expect(page.getByRole('status').getByText('Đã nhận 1/1 tệp.')).toBeVisible();
}

/** Opens a petition on the list and assigns it to a department. */
async function assign(page, content, department) {
  await page.getByRole('button', { name: new RegExp(content.slice(0, 25)) }).click();
  const detail = page.locator('section').filter({ has: page.getByRole('button', { name: 'Lưu phân loại và giao việc' }) }).last();
  await detail.getByLabel('Bộ phận', { exact: true }).selectOption(department);
  await detail.getByRole('button', { name: 'Lưu phân loại và giao việc' }).click();
}

test('two office tabs follow each other, and a stale tab never overwrites the other', async ({ page, context }) => {
  test.setTimeout(120_000);
  await setUpOffice(page);
  const other = await context.newPage();
  await other.addInitScript(deafWhenAsked);
  await other.goto('./office/#/tong-hop');
  await expect(other.getByText('0 kiến nghị', { exact: true })).toBeVisible();

  // An import in the first tab shows in the second, without a reload.
  await importBundle(page, villageBundle({ code: 'thon-1', name: 'Thôn 1' }, [
    { content: ROAD, field: 'Xây dựng cơ bản', backers: 12 },
    { content: LIGHT, field: 'Xây dựng cơ bản' },
  ]));
  await expect(other.getByText('2 kiến nghị', { exact: true })).toBeVisible();

  // An assignment in the second shows in the first.
  await assign(other, ROAD, 'Địa chính');
  await expect(other.getByRole('status').getByText('Đã lưu phân loại và giao việc.')).toBeVisible();
  await page.getByRole('link', { name: 'Theo bộ phận' }).click();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Địa chính');
  await expect(page.getByText('0 nhóm và 1 kiến nghị riêng lẻ')).toBeVisible();

  // The second tab misses the first's next import…
  await other.evaluate(() => { window.__deaf = true; });
  await importBundle(page, villageBundle({ code: 'thon-2', name: 'Thôn 2' }, [
    { content: WATER, field: 'Tài nguyên - Môi trường', backers: 30 },
  ]));
  // …and its reassignment of a petition of the village the second tab will write: a write
  // of the stale tab that landed would put that petition back with Địa chính.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await assign(page, ROAD, 'Tư pháp');
  await expect(page.getByRole('status').getByText('Đã lưu phân loại và giao việc.')).toBeVisible();
  await other.waitForTimeout(300);
  await expect(other.getByText('2 kiến nghị', { exact: true })).toBeVisible();
  // …so its next action is refused rather than written over that import; it then shows
  // the latest data, and the action done again lands.
  await assign(other, LIGHT, 'Công an');
  await expect(other.getByRole('alert').getByText(/Một cửa sổ khác của ứng dụng vừa lưu thay đổi/)).toBeVisible();
  await expect(other.getByText('3 kiến nghị', { exact: true })).toBeVisible();
  await other.evaluate(() => { window.__deaf = false; });
  await assign(other, LIGHT, 'Công an');
  await expect(other.getByRole('status').getByText('Đã lưu phân loại và giao việc.')).toBeVisible();

  // Nothing was lost: after a reload the first tab has all three petitions, both
  // assignments (the road's as the first tab last made it), and the second village's import.
  await page.reload();
  await page.getByRole('link', { name: 'Theo bộ phận' }).click();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Công an');
  await expect(page.getByText('0 nhóm và 1 kiến nghị riêng lẻ')).toBeVisible();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Tư pháp');
  await expect(page.getByText('0 nhóm và 1 kiến nghị riêng lẻ')).toBeVisible();
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('3 kiến nghị', { exact: true })).toBeVisible();
});
