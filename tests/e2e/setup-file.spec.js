// The commune office's setup file: bad files are refused with their reason and change
// nothing; the good one sets the tablet up.
import { test, expect } from '@playwright/test';
import { fixture, stored } from './helpers.js';

const BAD = [
  ['setup-not-json.txt', 'Tệp không đúng định dạng JSON'],
  ['setup-truncated.json', 'Tệp bị cắt cụt'],
  ['setup-version-9.json', 'Phiên bản tệp 9 chưa được hỗ trợ'],
  ['setup-wrong-type.json', 'Trường “villages[1].name” sai kiểu dữ liệu.'],
];

test('bad setup files are refused with a Vietnamese reason and nothing is stored', async ({ page }) => {
  await page.goto('./');
  const picker = page.getByLabel('Chọn tệp cấu hình', { exact: true });
  for (const [file, message] of BAD) {
    await picker.setInputFiles(fixture(file));
    await expect(page.getByRole('alert')).toContainText(message);
    expect(await stored(page, 'dt1:profile')).toEqual({});
    await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  }
  // A village bundle given by mistake is named for what it is not.
  await picker.setInputFiles({ name: 'nham.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"doithoai.village-bundle","version":1}') });
  await expect(page.getByRole('alert')).toContainText('Đây không phải tệp cấu hình của xã');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
});

test('the good setup file sets up the chosen village with the commune fields', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Chọn tệp cấu hình', { exact: true }).setInputFiles(fixture('setup-cam-quang.json'));
  await expect(page.getByText('Đã đọc tệp cấu hình của xã Cẩm Quang: 3 thôn, 6 lĩnh vực.')).toBeVisible();
  await page.getByLabel('Thôn của bạn', { exact: true }).selectOption('Thôn 2');
  await expect(page.getByLabel('Họ tên trưởng thôn', { exact: true }).first()).toHaveValue('Trần Thị Lan');
  await page.getByRole('button', { name: 'Bắt đầu' }).first().click();

  await expect(page.getByRole('banner')).toContainText('Thôn 2 · Cẩm Quang');
  const fields = await page.getByLabel('Lĩnh vực', { exact: true }).locator('option').allTextContents();
  expect(fields).toEqual(['Đất đai', 'Xây dựng cơ bản', 'Văn hóa - Xã hội', 'An ninh - Trật tự', 'Chính sách xã hội', 'Khác']);
  const profile = JSON.parse((await stored(page, 'dt1:profile'))['dt1:profile']);
  expect(profile).toMatchObject({ commune: 'Cẩm Quang', village: 'Thôn 2', village_code: 'thon-2', head: 'Trần Thị Lan' });

  // The meeting page shows the commune's plan and warns about a date outside it.
  await page.getByRole('link', { name: 'Họp thôn' }).click();
  await expect(page.getByText('Theo kế hoạch của xã: họp thôn từ 27/08/2026 đến 02/09/2026; đối thoại ngày 05/09/2026.')).toBeVisible();
  await page.getByLabel('Ngày họp (ngày/tháng/năm)', { exact: true }).fill('15/09/2026');
  await page.getByLabel('Ngày họp (ngày/tháng/năm)', { exact: true }).blur();
  await expect(page.getByRole('alert')).toContainText('nằm ngoài thời gian họp thôn');
  await page.getByLabel('Ngày họp (ngày/tháng/năm)', { exact: true }).fill('2026-09-15');
  await page.getByLabel('Ngày họp (ngày/tháng/năm)', { exact: true }).blur();
  await expect(page.getByRole('alert').first()).toContainText('Ngày họp chưa đúng');
});
