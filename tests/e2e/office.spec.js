// The commune office, end to end: it sets up the dialogue and exports the setup file; three
// village tablets load it, collect petitions and export their bundles; the office imports
// them with a truncated, a tampered and another commune's file among them, imports one
// again (nothing changes) and a newer one (it updates), confirms a suggested group,
// assigns it, and finds everything again after a reload.
import { test, expect } from '@playwright/test';
import { addPetition, checksumOf, seriousViolations } from './fixtures/app.js';
import { asFile, downloaded, setUpOffice, villageTablet } from './fixtures/office.js';

const ROAD = [
  'Đề nghị xã sửa chữa tuyến đường liên thôn bị xuống cấp, nhiều ổ gà, đi lại khó khăn',
  'Tuyến đường liên thôn xuống cấp nghiêm trọng, nhiều ổ gà, đề nghị xã sớm sửa chữa',
  'Đường liên thôn nhiều ổ gà, xuống cấp, người dân đi lại khó khăn, đề nghị sửa chữa',
];

test('the office sets up, imports every village with bad files among them, groups and assigns', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await setUpOffice(page);
  // The plan's departments are there already.
  await expect(page.getByLabel('Bộ phận chuẩn bị trả lời', { exact: true })).toHaveValue(/Công an\nQuân sự\nTài chính\nĐịa chính/);
  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  expect(setup.name).toBe('thiet-lap_cam-quang.json');
  const setupDoc = JSON.parse(setup.text);
  expect(setupDoc).toMatchObject({ format: 'doithoai.commune-setup', version: 2, commune: { name: 'Cẩm Quang' }, dialogue: { id: 'dau-tien' } });
  expect(setupDoc.checksum).toBe(checksumOf(setupDoc));
  expect(setupDoc.villages.map((v) => v.code)).toEqual(['thon-1', 'thon-2', 'to-dan-pho-3']);

  const t1 = await villageTablet(browser, setup.text, 'Thôn 1', [
    { content: ROAD[0], field: 'Xây dựng cơ bản', names: 'Phạm Văn Đức', backers: 12 },
    { content: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ ở xóm Bàu', field: 'Đất đai', names: 'Hồ Thị Mai' },
  ]);
  const t2 = await villageTablet(browser, setup.text, 'Thôn 2', [
    { content: ROAD[1], field: 'Nông thôn mới', backers: 30 },
    { content: 'Tố cáo việc lấn chiếm đất công ở cuối xóm', field: 'Đất đai', kind: 'Tố cáo', names: 'Người tố cáo B' },
  ]);
  const t3 = await villageTablet(browser, setup.text, 'Tổ dân phố 3', [
    { content: ROAD[2], field: 'Xây dựng cơ bản', backers: 7 },
  ]);
  const b1 = await t1.exportBundle();
  const b2 = await t2.exportBundle();
  const b3 = await t3.exportBundle();

  // Three bad files: cut short, altered after export, and another commune's.
  const truncated = asFile('cut-ngang.json', b1.text.slice(0, Math.floor(b1.text.length / 2)));
  const altered = JSON.parse(b2.text);
  altered.petitions[0].backers = 3000;
  const tampered = asFile('bi-sua.json', JSON.stringify(altered));
  const foreign = JSON.parse(b3.text);
  foreign.commune = 'Cẩm Bình';
  foreign.checksum = checksumOf(foreign);
  const otherCommune = asFile('xa-khac.json', JSON.stringify(foreign));

  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  const picker = page.getByLabel('Chọn các tệp…', { exact: true });
  await picker.setInputFiles([
    asFile(b1.name, b1.text), asFile(b2.name, b2.text), truncated, tampered, otherCommune, asFile(b3.name, b3.text),
  ]);
  await expect(page.getByRole('status').getByText('Đã nhận 3/6 tệp.')).toBeVisible();
  const summary = page.getByRole('region', { name: 'Kết quả nhận tệp' }).getByRole('table');
  const row = (village) => summary.getByRole('row').filter({ has: page.getByRole('rowheader', { name: village, exact: true }) });
  // Columns: new, updated, unchanged, conflicting, deleted by the village.
  await expect(row('Thôn 1').getByRole('cell')).toHaveText(['2', '0', '0', '0', '0']);
  await expect(row('Thôn 2').getByRole('cell')).toHaveText(['2', '0', '0', '0', '0']);
  await expect(row('Tổ dân phố 3').getByRole('cell')).toHaveText(['1', '0', '0', '0', '0']);
  await expect(page.getByText('3 tệp bị từ chối, không có gì trong các tệp này được lưu:')).toBeVisible();
  const refused = page.getByRole('listitem');
  await expect(refused.filter({ hasText: 'cut-ngang.json' })).toContainText('Tệp bị cắt cụt');
  await expect(refused.filter({ hasText: 'bi-sua.json' })).toContainText('Mã kiểm tra không khớp');
  await expect(refused.filter({ hasText: 'xa-khac.json' })).toContainText('Tệp này của xã “Cẩm Bình”, không phải của xã mình.');
  expect(await seriousViolations(page)).toEqual([]);

  // The same file again changes nothing.
  await picker.setInputFiles([asFile(b1.name, b1.text)]);
  await expect(page.getByRole('status').getByText('Đã nhận 1/1 tệp.')).toBeVisible();
  await expect(row('Thôn 1').getByRole('cell')).toHaveText(['0', '0', '2', '0', '0']);

  // A newer export of Thôn 1: one petition more.
  await t1.page.getByRole('link', { name: 'Kiến nghị' }).click();
  await addPetition(t1.page, { content: 'Đề nghị lắp thêm đèn chiếu sáng ở ngã ba chợ', field: 'Xây dựng cơ bản' });
  const newer = await t1.exportBundle();
  await picker.setInputFiles([asFile(newer.name, newer.text)]);
  await expect(row('Thôn 1').getByRole('cell')).toHaveText(['1', '0', '2', '0', '0']);

  // The list has all six; search without diacritics as one types.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('6 kiến nghị', { exact: true })).toBeVisible();
  await page.getByLabel('Tìm kiếm', { exact: true }).pressSequentially('duong lien thon o ga');
  await expect(page.getByText('3 kiến nghị', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: new RegExp(ROAD[1].slice(0, 30)) }).click();
  await expect(page.getByRole('heading', { name: 'Kiến nghị — Thôn 2' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The three road petitions are suggested as one group; confirm, name it, assign it.
  await page.getByRole('link', { name: 'Nhóm vấn đề' }).click();
  await page.getByRole('button', { name: 'Gợi ý nhóm' }).click();
  const suggestion = page.getByRole('article').filter({ hasText: 'Gợi ý 1: 3 kiến nghị' });
  await expect(suggestion).toBeVisible();
  for (const text of ROAD) await expect(suggestion).toContainText(text);
  expect(await seriousViolations(page)).toEqual([]);
  await suggestion.getByLabel('Tên nhóm', { exact: true }).fill('Sửa chữa đường liên thôn xuống cấp');
  await suggestion.getByLabel('Lĩnh vực', { exact: true }).selectOption('Xây dựng cơ bản');
  await suggestion.getByRole('button', { name: 'Xác nhận nhóm' }).click();
  await expect(page.getByRole('status').getByText('Đã tạo nhóm.')).toBeVisible();
  const group = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Sửa chữa đường liên thôn xuống cấp' }) });
  await expect(group).toContainText('3 thôn: Thôn 1, Thôn 2, Tổ dân phố 3');
  await expect(group).toContainText('tổng 49 người kiến nghị');
  await group.getByLabel('Bộ phận', { exact: true }).selectOption('Địa chính');
  await group.getByLabel('Cán bộ phụ trách', { exact: true }).fill('Trần Văn Địa');
  await group.getByRole('button', { name: 'Lưu nhóm' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu nhóm.')).toBeVisible();

  // After a reload everything is still there.
  await page.reload();
  await page.getByRole('link', { name: 'Theo bộ phận' }).click();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Địa chính');
  await expect(page.getByText('1 nhóm và 0 kiến nghị riêng lẻ')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Nhóm: Sửa chữa đường liên thôn xuống cấp' })).toContainText('Trần Văn Địa');
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('6 kiến nghị', { exact: true })).toBeVisible();
  // Opened for other work, the office does not rehearse the import.
  await page.waitForTimeout(1000);
  expect(await page.evaluate(() => performance.getEntriesByName('office-rehearsal').length)).toBe(0);
  // On the import page it rehearses on a made-up village while idle: none of it shows or
  // is stored.
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('office-rehearsal-done').length > 0);
  await expect(page.getByText('Diễn Tập')).toHaveCount(0);
  await page.reload();
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('6 kiến nghị', { exact: true })).toBeVisible();
  await expect(page.getByText('Diễn Tập')).toHaveCount(0);
  await page.getByLabel('Tình trạng', { exact: true }).selectOption('Đã giao');
  await expect(page.getByText('3 kiến nghị', { exact: true })).toBeVisible();
  for (const t of [t1, t2, t3]) await t.context.close();
});

test('text typed in an old Vietnamese encoding is noticed on import and on paste, and converted', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await setUpOffice(page);
  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  // A village head typed two petitions on an old computer with a .VnTime (TCVN3) font.
  const t1 = await villageTablet(browser, setup.text, 'Thôn 1', [
    { content: 'Céng hoµ x· héi chñ nghÜa ViÖt Nam', field: 'Khác' },
    { content: 'Đề nghị nạo vét kênh mương nội đồng', field: 'Khác' },
  ]);
  const b1 = await t1.exportBundle();
  await t1.context.close();
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await page.getByLabel('Chọn các tệp…', { exact: true }).setInputFiles([asFile(b1.name, b1.text)]);
  await expect(page.getByText('1 kiến nghị có vẻ gõ bằng bảng mã cũ (TCVN3, VNI).')).toBeVisible();
  await page.getByRole('link', { name: 'Xem và chuyển sang Unicode trong danh sách' }).click();
  await page.getByRole('button', { name: /Céng hoµ/ }).click();
  await expect(page.getByRole('heading', { name: 'Có chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI). Sau khi chuyển sang Unicode:' })).toBeVisible();
  await page.getByRole('button', { name: 'Chuyển sang Unicode' }).click();
  await expect(page.getByRole('status').getByText('Đã chuyển sang Unicode; bản gốc của thôn vẫn được giữ.')).toBeVisible();
  await page.getByLabel('Tìm kiếm', { exact: true }).fill('cong hoa xa hoi');
  await expect(page.getByRole('button', { name: /Cộng hoà xã hội chủ nghĩa Việt Nam/ })).toBeVisible();

  // Village names pasted from an old Excel file in VNI.
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  const villages = page.getByLabel('Các thôn, tổ dân phố, ấp, bản', { exact: true });
  await villages.focus();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const box = document.activeElement;
    const data = new DataTransfer();
    const text = '\nThoân Ñoâng; Nguyeãn Vaên Huøng';
    data.setData('text', text);
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    box.value += text;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.getByRole('alert')).toContainText('Văn bản vừa dán có vẻ gõ bằng bảng mã cũ VNI');
  await page.getByRole('button', { name: 'Chuyển biểu mẫu sang Unicode' }).click();
  await expect(villages).toHaveValue(/Thôn Đông; Nguyễn Văn Hùng$/);
});
