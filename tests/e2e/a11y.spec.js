// Each screen passes axe-core with no serious or critical violation.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { setUpByHand, addPetition } from './helpers.js';

async function violations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('every screen is free of serious accessibility problems', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await setUpByHand(page);
  await addPetition(page, { content: 'Đề nghị sửa cầu tràn', field: 'Xây dựng cơ bản', names: 'Trần Văn An' });
  await addPetition(page, { content: 'Tố cáo', field: 'Khác', kind: 'Tố cáo' });
  expect(await violations(page)).toEqual([]);

  for (const [link, heading] of [['Họp thôn', 'Cuộc họp thôn'], ['Gửi về xã', 'Gửi kiến nghị về xã'], ['Cài đặt', 'Cài đặt']]) {
    await page.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    expect(await violations(page), link).toEqual([]);
  }
});
