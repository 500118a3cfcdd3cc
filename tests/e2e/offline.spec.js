// Village meetings happen where there is no network: after one visit the app starts and
// works with the network off, from the service worker's cache.
import { test, expect } from '@playwright/test';
import { setUpByHand, addPetition, petitionItems, stored, waitForOfflineReady } from './fixtures/app.js';

test('after one visit the app starts and keeps working with the network off', async ({ page, context }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Ghi trước khi mất mạng', field: 'Khác' });
  await waitForOfflineReady(page);

  await context.setOffline(true);
  try {
    // The network is really gone for this tablet.
    expect(await page.evaluate(() => fetch('/khong-co-tep-nay-' + Math.random(), { cache: 'no-store' }).then(() => 'online', () => 'offline'))).toBe('offline');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Thêm kiến nghị' })).toBeVisible();
    await expect(petitionItems(page).filter({ hasText: 'Ghi trước khi mất mạng' })).toHaveCount(1);

    // Work goes on: a new petition is saved and listed.
    await addPetition(page, { content: 'Ghi khi không có mạng', field: 'Đất đai', names: 'Lê Thị Hoa' });
    await expect(petitionItems(page).filter({ hasText: 'Ghi khi không có mạng' })).toContainText('Lê Thị Hoa');
    await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
    const records = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v).content);
    expect(records).toEqual(expect.arrayContaining(['Ghi trước khi mất mạng', 'Ghi khi không có mạng']));

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();

    // A new tab opened offline, straight onto another page of the app, starts too.
    const other = await context.newPage();
    await other.goto('./#/hop-thon');
    await expect(other.getByRole('heading', { name: 'Cuộc họp thôn' })).toBeVisible();
    await other.getByRole('link', { name: 'Gửi về xã' }).click();
    await expect(other.getByText('2 kiến nghị sẽ được gửi (kèm 0 kiến nghị đã xoá hoặc gộp để xã cập nhật).')).toBeVisible();
    // The export works offline as well.
    const [download] = await Promise.all([
      other.waitForEvent('download'),
      other.getByRole('button', { name: 'Tải tệp về máy' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^kien-nghi_thon-dong_cam-quang_\d{2}-\d{2}-\d{4}\.json$/);

    // The tablet's second module (first start, settings, backup, results), a page load
    // away, opens offline from the cache too, and leads back.
    await other.getByRole('link', { name: 'Cài đặt' }).click();
    await expect(other.getByRole('heading', { name: 'Cài đặt' })).toBeVisible();
    await expect(other.getByRole('button', { name: 'Tải bản sao lưu toàn bộ' })).toBeVisible();
    await other.getByRole('link', { name: 'Kiến nghị', exact: true }).click();
    await expect(other.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();

    // The self-hosted fonts came from the cache too.
    expect(await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('16px "Be Vietnam Pro"', 'Việt');
    })).toBe(true);
  } finally {
    await context.setOffline(false);
  }
});
