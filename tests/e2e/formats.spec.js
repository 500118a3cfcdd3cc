// Data written by earlier releases still loads (issue 6, "an app update that changes the
// stored format"). Each fixture under fixtures/stored/ is the storage of one release, as
// that release wrote it; never edit one, add a new one when a format changes:
//   village-2026-12-01.json  local storage of the village tablet (`dt1:` entries)
//   office-2026-12-01.json   the office's IndexedDB entries, stored as strings; releases
//                            since store UTF-8 bytes, and read both
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, petitionItems } from './fixtures/app.js';

const storedFixture = (name) => JSON.parse(readFileSync(fixture(`stored/${name}`), 'utf8'));

test('a village tablet of the 2026-12-01 release opens with all its petitions', async ({ page }) => {
  const entries = storedFixture('village-2026-12-01.json');
  await page.goto('./');
  await page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
  await expect(petitionItems(page).filter({ hasText: 'tuyến đường liên thôn' })).toHaveCount(1);
  await expect(petitionItems(page).filter({ hasText: 'lấn chiếm đất công' })).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an office of the 2026-12-01 release (entries stored as text) opens with its data, and keeps it after a change', async ({ page }) => {
  const entries = storedFixture('office-2026-12-01.json');
  // The database as that release left it, written before the app opens it.
  await page.goto('./icons/icon.svg');
  await page.evaluate(async (entries) => {
    await new Promise((resolve, reject) => {
      const req = indexedDB.open('doithoai-office', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('kv');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('kv', 'readwrite');
        for (const [k, v] of Object.entries(entries)) tx.objectStore('kv').put(v, k);
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, entries);
  await page.goto('./office/#/tong-hop');
  await expect(page.getByText('4 kiến nghị', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('link', { name: 'Nhóm vấn đề' }).click();
  const group = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Sửa chữa đường liên thôn' }) });
  await expect(group).toContainText('2 thôn: Thôn 1, Thôn 2');

  // A change is stored in the new encoding beside the old entries; all of it reloads.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByRole('button', { name: /chế độ trợ cấp cho người cao tuổi/ }).click();
  await page.getByLabel('Bộ phận', { exact: true }).last().selectOption('Chính sách xã hội');
  await page.getByRole('button', { name: 'Lưu giao việc' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu giao việc.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('4 kiến nghị', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Theo bộ phận' }).click();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Chính sách xã hội');
  await expect(page.getByText('0 nhóm và 1 kiến nghị riêng lẻ')).toBeVisible();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Địa chính');
  await expect(page.getByText('1 nhóm và 0 kiến nghị riêng lẻ')).toBeVisible();
});
