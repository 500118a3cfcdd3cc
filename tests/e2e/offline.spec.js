// Village meetings happen where there is no network: after one visit the app starts and
// works with the network off.
import { test, expect } from '@playwright/test';
import { setUpByHand, addPetition, petitionItems, waitForOfflineReady } from './helpers.js';

test('after one visit the app starts and keeps working offline', async ({ page, context }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Ghi trước khi mất mạng', field: 'Khác' });
  await waitForOfflineReady(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thêm kiến nghị' })).toBeVisible();
  await expect(petitionItems(page).filter({ hasText: 'Ghi trước khi mất mạng' })).toHaveCount(1);

  await addPetition(page, { content: 'Ghi khi không có mạng', field: 'Khác' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();

  // Another page of the app, opened directly while offline.
  await page.goto('./#/hop-thon');
  await expect(page.getByRole('heading', { name: 'Cuộc họp thôn' })).toBeVisible();
  // The self-hosted fonts came from the cache too.
  expect(await page.evaluate(async () => { await document.fonts.ready; return document.fonts.check('16px "Be Vietnam Pro"', 'Việt'); })).toBe(true);
  await context.setOffline(false);
});
