// A stored entry damaged (a crash mid-write, a browser bug, a hand edit): the rest loads,
// the broken one is set aside (not lost), reported, listed in Settings and can be downloaded
// for rescue.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { setUpByHand, addPetition, petitionItems, stored } from './fixtures/app.js';

test('a corrupted entry is set aside and reported; the other petitions still load', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Kiến nghị thứ nhất', field: 'Khác' });
  await addPetition(page, { content: 'Kiến nghị thứ hai', field: 'Đất đai' });
  await addPetition(page, { content: 'Kiến nghị thứ ba', field: 'Đất đai' });
  const petitions = await stored(page, 'dt1:p:');
  const [damagedKey] = Object.keys(petitions).filter((k) => petitions[k].includes('thứ nhất'));
  // The tablet died in the middle of writing one entry; another is not even JSON.
  await page.evaluate((key) => localStorage.setItem(key, '{"id": "cut off in the mid'), damagedKey);
  await page.evaluate(() => localStorage.setItem('dt1:p:not-a-petition', '<html>rác</html>'));

  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('Có 2 mục dữ liệu không đọc được; đã cất riêng (xem Cài đặt). Các dữ liệu khác vẫn đầy đủ.');
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
  await expect(petitionItems(page)).toHaveCount(2);
  await expect(petitionItems(page).filter({ hasText: 'Kiến nghị thứ hai' })).toHaveCount(1);
  await expect(petitionItems(page).filter({ hasText: 'Kiến nghị thứ ba' })).toHaveCount(1);

  // Moved aside under dt1:broken:<key>, text intact.
  expect(await stored(page, 'dt1:broken:')).toEqual({
    [`dt1:broken:${damagedKey}`]: '{"id": "cut off in the mid',
    'dt1:broken:dt1:p:not-a-petition': '<html>rác</html>',
  });
  expect(Object.keys(await stored(page, 'dt1:p:'))).toHaveLength(2);

  // Still usable: a new petition saves, and the healthy ones can be edited.
  await addPetition(page, { content: 'Kiến nghị thứ tư', field: 'Khác' });
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();

  // Settings lists what was set aside and hands it over for rescue.
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByRole('heading', { name: 'Dữ liệu bị hỏng' })).toBeVisible();
  await expect(page.getByText('2 mục dữ liệu không đọc được đã được cất riêng, không mất.')).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).map((v) => v.id)).toEqual([]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải các mục hỏng về máy' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('du-lieu-hong.json');
  const rescued = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(rescued).toEqual(expect.arrayContaining([
    { key: `dt1:broken:${damagedKey}`, raw: '{"id": "cut off in the mid' },
    { key: 'dt1:broken:dt1:p:not-a-petition', raw: '<html>rác</html>' },
  ]));
  expect(rescued).toHaveLength(2);

  // The next start reports nothing new; Settings still lists the two.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('2 mục dữ liệu không đọc được đã được cất riêng, không mất.')).toBeVisible();
  await page.getByRole('link', { name: 'Kiến nghị' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
});

test('with nothing damaged, Settings says so', async ({ page }) => {
  await setUpByHand(page);
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByText('Không có mục dữ liệu nào bị hỏng.')).toBeVisible();
  await expect(page.getByText('Máy này thuộc: Thôn Đông · Cẩm Quang · Nguyễn Văn Hùng')).toBeVisible();
  const device = (await stored(page, 'dt1:device'))['dt1:device'];
  await expect(page.getByText(`Mã thiết bị: ${device}`)).toBeVisible();
});

test('the interface can switch to English and back, and the choice is kept', async ({ page }) => {
  await setUpByHand(page);
  await page.getByLabel('Nội dung', { exact: true }).fill('Đang gõ dở');
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Ngôn ngữ / Language', { exact: true }).selectOption('English');
  await expect(page.getByRole('link', { name: 'Petitions' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.getByRole('link', { name: 'Petitions' }).click();
  // What was being typed is still there in the other language.
  await expect(page.getByLabel('Content', { exact: true })).toHaveValue('Đang gõ dở');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Language / Language', { exact: true }).selectOption('Tiếng Việt');
  await expect(page.getByRole('link', { name: 'Kiến nghị' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
});
