// The village head sends the petitions to the commune: a JSON file the office can check.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { setUpByHand, addPetition, petitionItems, checksumOf } from './helpers.js';

test('the exported bundle carries every petition, the meeting and a valid checksum', async ({ page }) => {
  await setUpByHand(page, { commune: 'Cẩm Quang', village: 'Thôn Đông', head: 'Nguyễn Văn Hùng' });
  await addPetition(page, { content: 'Đề nghị nạo vét kênh mương nội đồng', field: 'Nông thôn mới', names: 'Trần Văn An', backers: 9 });
  await addPetition(page, { content: 'Tố cáo cán bộ thu tiền sai quy định', field: 'Cán bộ, công chức', kind: 'Tố cáo', names: 'Người tố cáo A', phone: '0987654321' });
  await addPetition(page, { content: 'Hỏi về chế độ cho người có công', field: 'Chính sách xã hội', kind: 'Câu hỏi' });
  await addPetition(page, { content: 'Kiến nghị sẽ bị xoá', field: 'Khác' });
  await petitionItems(page).filter({ hasText: 'sẽ bị xoá' }).getByRole('button', { name: 'Xoá' }).click();

  await page.getByRole('link', { name: 'Họp thôn' }).click();
  await page.getByLabel('Ngày họp (ngày/tháng/năm)', { exact: true }).fill('27/08/2026');
  await page.getByLabel('Địa điểm', { exact: true }).fill('Nhà văn hóa thôn Đông');
  await page.getByLabel('Tổng số người dự', { exact: true }).fill('46');
  await page.getByLabel('Họ tên 1', { exact: true }).fill('Lê Văn Tám');
  await page.getByLabel('Họ tên 1', { exact: true }).blur();
  await expect(page.getByRole('status').getByText('Đã lưu thông tin cuộc họp.')).toBeVisible();

  await page.getByRole('link', { name: 'Gửi về xã' }).click();
  await expect(page.getByText('3 kiến nghị sẽ được gửi (kèm 1 kiến nghị đã xoá hoặc gộp để xã cập nhật).')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp về máy' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^kien-nghi_thon-dong_cam-quang_\d{2}-\d{2}-\d{4}\.json$/);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));

  expect(doc.format).toBe('doithoai.village-bundle');
  expect(doc.version).toBe(1);
  expect(doc.commune).toBe('Cẩm Quang');
  expect(doc.village).toMatchObject({ name: 'Thôn Đông', head: 'Nguyễn Văn Hùng' });
  expect(doc.device_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(doc.sequence).toBe(1);
  expect(doc.meeting).toMatchObject({ date: '2026-08-27', place: 'Nhà văn hóa thôn Đông', attendance: 46 });
  expect(doc.meeting.attendees.find((a) => a.role === 'Bí thư chi bộ').name).toBe('Lê Văn Tám');

  expect(doc.petitions).toHaveLength(4);
  const active = doc.petitions.filter((p) => p.status === 'active');
  expect(active).toHaveLength(3);
  expect(doc.petitions.find((p) => p.status === 'deleted').revision).toBe(2);
  const denunciation = doc.petitions.find((p) => p.kind === 'to_cao');
  expect(denunciation).toMatchObject({ confidential: true, petitioners: ['Người tố cáo A'], phone: '0987654321' });
  expect(doc.petitions.find((p) => p.content.startsWith('Đề nghị nạo vét')).backers).toBe(9);
  expect(new Set(doc.petitions.map((p) => p.id)).size).toBe(4);

  expect(doc.checksum).toBe(checksumOf(doc));
  // The page says what it made.
  await expect(page.getByRole('status')).toContainText(download.suggestedFilename());

  // A second export is numbered after the first.
  const [second] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp về máy' }).click(),
  ]);
  const doc2 = JSON.parse(await readFile(await second.path(), 'utf8'));
  expect(doc2.sequence).toBe(2);
  expect(doc2.device_id).toBe(doc.device_id);
});
