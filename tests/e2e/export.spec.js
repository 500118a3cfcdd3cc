// The village head sends the petitions to the commune: a JSON file the office can read and
// check. The test reads the downloaded file the way the office's importer would.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { setUpByHand, addPetition, petitionItems, stored, checksumOf, fixture } from './fixtures/app.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** dd-mm-yyyy of a moment in Vietnam (Asia/Ho_Chi_Minh), as the file name writes it. */
function vietnamDate(ms) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(new Date(ms));
  const get = (t) => parts.find((p) => p.type === t).value;
  return `${get('day')}-${get('month')}-${get('year')}`;
}

async function download(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp về máy' }).click(),
  ]);
  const text = await readFile(await file.path(), 'utf8');
  return { name: file.suggestedFilename(), text, doc: JSON.parse(text) };
}

test('the exported bundle carries the five petitions, the meeting and a checksum the office can verify', async ({ page }) => {
  await setUpByHand(page, { commune: 'Cẩm Quang', village: 'Thôn Đông', head: 'Nguyễn Văn Hùng' });
  await addPetition(page, { content: 'Đề nghị nạo vét kênh mương nội đồng', field: 'Nông thôn mới', names: 'Trần Văn An', backers: 9 });
  await addPetition(page, { content: 'Tố cáo cán bộ thu tiền sai quy định', field: 'Cán bộ, công chức', kind: 'Tố cáo', names: 'Người tố cáo A', phone: '0987654321' });
  await addPetition(page, { content: 'Hỏi về chế độ cho người có công', field: 'Chính sách xã hội', kind: 'Câu hỏi' });
  await addPetition(page, { content: 'Đe\u0302\u0300 nghi\u0323 su\u031B\u0309a đu\u031Bo\u031B\u0300ng', field: 'Xây dựng cơ bản', insertText: true });
  await addPetition(page, { content: 'Ý kiến về lịch thu gom rác', field: 'Văn hóa - Xã hội', kind: 'Ý kiến', address: 'Xóm 4' });
  await addPetition(page, { content: 'Kiến nghị ghi nhầm, sẽ bị xoá', field: 'Khác' });
  const items = petitionItems(page);
  // One is corrected (revision 2), one was a mistake (deleted, travels as a tombstone).
  await items.filter({ hasText: 'lịch thu gom rác' }).getByRole('button', { name: 'Sửa' }).click();
  await page.getByLabel('Nội dung', { exact: true }).fill('Ý kiến về lịch thu gom rác thải sinh hoạt');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(items.filter({ hasText: 'rác thải sinh hoạt' })).toHaveCount(1);
  await items.filter({ hasText: 'sẽ bị xoá' }).getByRole('button', { name: 'Xoá' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (5)' })).toBeVisible();

  // The meeting the petitions were raised at.
  await page.getByRole('link', { name: 'Họp thôn' }).click();
  await page.getByLabel('Ngày họp (ngày/tháng/năm)', { exact: true }).fill('27/08/2026');
  await page.getByLabel('Địa điểm', { exact: true }).fill('Nhà văn hóa thôn Đông');
  await page.getByLabel('Tổng số người dự', { exact: true }).fill('46');
  await page.getByLabel('Họ tên 1', { exact: true }).fill('Lê Văn Tám');
  await page.getByLabel('Họ tên 1', { exact: true }).blur();
  await expect(page.getByRole('status').getByText('Đã lưu thông tin cuộc họp.')).toBeVisible();

  await page.getByRole('link', { name: 'Gửi về xã' }).click();
  await expect(page.getByRole('heading', { name: 'Gửi kiến nghị về xã' })).toBeVisible();
  await expect(page.getByText('5 kiến nghị sẽ được gửi (kèm 1 kiến nghị đã xoá hoặc gộp để xã cập nhật).')).toBeVisible();
  await expect(page.getByText('Ngày họp (ngày/tháng/năm): 27/08/2026')).toBeVisible();
  await expect(page.getByText('Chưa xuất tệp lần nào.')).toBeVisible();

  const before = Date.now();
  const { name, text, doc } = await download(page);
  const after = Date.now();
  // The name says whose file it is and when, in ASCII for Zalo and USB sticks.
  expect([`kien-nghi_thon-dong_cam-quang_${vietnamDate(before)}.json`, `kien-nghi_thon-dong_cam-quang_${vietnamDate(after)}.json`]).toContain(name);
  await expect(page.getByRole('status')).toContainText(`Đã tạo tệp ${name}.`);
  await expect(page.getByText(/^Lần xuất gần nhất: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(lần thứ 1\)\.$/)).toBeVisible();

  // The envelope.
  expect(doc.format).toBe('doithoai.village-bundle');
  expect(doc.version).toBe(2);
  expect(typeof doc.app_version).toBe('string');
  expect(doc.app_version.length).toBeGreaterThan(0);
  expect(doc.exported_at).toMatch(RFC3339);
  const exportedAt = Date.parse(doc.exported_at);
  expect(exportedAt).toBeGreaterThanOrEqual(before - 1000);
  expect(exportedAt).toBeLessThanOrEqual(after + 1000);
  expect(doc.device_id).toMatch(UUID_V4);
  expect(doc.device_id).toBe((await stored(page, 'dt1:device'))['dt1:device']);
  expect(doc.sequence).toBe(1);
  expect(doc.commune).toBe('Cẩm Quang');
  expect(doc.village).toEqual({ code: '', name: 'Thôn Đông', head: 'Nguyễn Văn Hùng' });
  expect(doc.meeting).toMatchObject({ date: '2026-08-27', place: 'Nhà văn hóa thôn Đông', chair: 'Nguyễn Văn Hùng', attendance: 46 });
  expect(doc.meeting.attendees.find((a) => a.role === 'Bí thư chi bộ').name).toBe('Lê Văn Tám');

  // The petitions: five active ones with their revisions, and the deleted one as a tombstone.
  expect(doc.petitions).toHaveLength(6);
  const active = doc.petitions.filter((p) => p.status === 'active');
  expect(active).toHaveLength(5);
  for (const p of doc.petitions) {
    expect(p.id).toMatch(UUID_V4);
    expect(Number.isInteger(p.revision) && p.revision >= 1).toBe(true);
    expect(p.created_at).toMatch(RFC3339);
    expect(p.updated_at).toMatch(RFC3339);
    expect(p.content.normalize('NFC')).toBe(p.content);
  }
  expect(new Set(doc.petitions.map((p) => p.id)).size).toBe(6);
  const byContent = (t) => doc.petitions.find((p) => p.content.includes(t));
  expect(byContent('rác thải sinh hoạt')).toMatchObject({ revision: 2, kind: 'y_kien', address: 'Xóm 4', status: 'active' });
  expect(byContent('sẽ bị xoá')).toMatchObject({ revision: 2, status: 'deleted' });
  expect(byContent('nạo vét')).toMatchObject({ revision: 1, backers: 9, petitioners: ['Trần Văn An'], kind: 'kien_nghi' });
  expect(byContent('Đề nghị sửa đường')).toMatchObject({ content: 'Đề nghị sửa đường', petitioners: [], field: 'Xây dựng cơ bản' });
  // The tố cáo travels with its identity (the office needs it) and the confidential flag.
  expect(byContent('thu tiền sai')).toMatchObject({ kind: 'to_cao', confidential: true, petitioners: ['Người tố cáo A'], phone: '0987654321' });
  expect(doc.petitions.filter((p) => p.confidential).map((p) => p.kind)).toEqual(['to_cao']);
  // The file holds exactly what the tablet stored.
  const storedRecords = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  expect([...doc.petitions].sort((a, b) => a.id.localeCompare(b.id)))
    .toEqual(storedRecords.sort((a, b) => a.id.localeCompare(b.id)));

  // The checksum, recomputed here: SHA-256 of the canonical JSON without the checksum.
  expect(doc.checksum).toMatch(/^sha256:[0-9a-f]{64}$/);
  expect(doc.checksum).toBe(checksumOf(doc));
  // (and it does notice a change)
  expect(checksumOf({ ...doc, commune: 'Cẩm Quan' })).not.toBe(doc.checksum);
  expect(text.trim().startsWith('{')).toBe(true);

  // A second export is numbered after the first, from the same tablet.
  const second = await download(page);
  expect(second.doc.sequence).toBe(2);
  expect(second.doc.device_id).toBe(doc.device_id);
  expect(second.doc.checksum).toBe(checksumOf(second.doc));
  await expect(page.getByText(/\(lần thứ 2\)\.$/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/\(lần thứ 2\)\.$/)).toBeVisible();
});

test('a tablet set up from the commune file exports the village code the office knows', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Chọn tệp thiết lập', { exact: true }).setInputFiles(fixture('setup-cam-quang.json'));
  await page.getByLabel('Thôn của bạn', { exact: true }).selectOption('Thôn 3');
  await page.getByRole('button', { name: 'Bắt đầu' }).first().click();
  await addPetition(page, { content: 'Đề nghị làm lại cầu tràn', field: 'Xây dựng cơ bản' });
  await page.getByRole('link', { name: 'Gửi về xã' }).click();
  const { name, doc } = await download(page);
  expect(name).toMatch(/^kien-nghi_thon-3_cam-quang_\d{2}-\d{2}-\d{4}\.json$/);
  expect(doc.village).toEqual({ code: 'thon-3', name: 'Thôn 3', head: 'Lê Văn Tám' });
  expect(doc.commune).toBe('Cẩm Quang');
  expect(doc.meeting).toBeNull();
  expect(doc.petitions).toHaveLength(1);
  expect(doc.checksum).toBe(checksumOf(doc));
});
