// A stored entry damaged (by a crash mid-write, a browser bug, a hand edit): the rest
// loads, the broken one is kept aside, reported, and can be downloaded for rescue.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { setUpByHand, addPetition, petitionItems, stored } from './helpers.js';

test('a corrupted entry is set aside and reported; the other petitions load', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Kiến nghị thứ nhất', field: 'Khác' });
  await addPetition(page, { content: 'Kiến nghị thứ hai', field: 'Khác' });
  const keys = Object.keys(await stored(page, 'dt1:p:'));
  await page.evaluate((key) => localStorage.setItem(key, '{"id": "cut off in the mid'), keys[0]);
  await page.evaluate(() => localStorage.setItem('dt1:p:not-a-petition', '<html>rác</html>'));

  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Có 2 mục dữ liệu không đọc được');
  await expect(petitionItems(page)).toHaveCount(1);
  const broken = await stored(page, 'dt1:broken:');
  expect(Object.values(broken)).toContain('{"id": "cut off in the mid');
  expect(Object.keys(await stored(page, 'dt1:p:'))).toHaveLength(1);

  // Still usable: a new petition saves.
  await addPetition(page, { content: 'Kiến nghị thứ ba', field: 'Khác' });

  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await expect(page.getByText('2 mục dữ liệu không đọc được đã được cất riêng, không mất.')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải các mục hỏng về máy' }).click(),
  ]);
  const rescued = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(rescued.map((e) => e.raw)).toEqual(expect.arrayContaining(['{"id": "cut off in the mid', '<html>rác</html>']));

  // The next start reports nothing new.
  await page.reload();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the interface can switch to English and back', async ({ page }) => {
  await setUpByHand(page);
  await page.getByRole('link', { name: 'Cài đặt' }).click();
  await page.getByLabel('Ngôn ngữ / Language', { exact: true }).selectOption('English');
  await expect(page.getByRole('link', { name: 'Petitions' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  await page.getByLabel('Language / Language', { exact: true }).selectOption('Tiếng Việt');
  await expect(page.getByRole('link', { name: 'Kiến nghị' })).toBeVisible();
});
