// The village head's day: set up the tablet, record petitions, close the tab, come back.
import { test, expect } from '@playwright/test';
import { setUpByHand, addPetition, petitionItems, stored } from './helpers.js';

const DECOMPOSED = 'Đe\u0302\u0300 nghi\u0323 sư\u031B\u0309a đươ\u031B\u0300ng lie\u0302n tho\u0302n';
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Đèn đường hỏng';

async function fivePetitions(page) {
  await addPetition(page, { content: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ xóm 2', field: 'Đất đai', names: 'Trần Văn An, Lê Thị Bình', address: 'Xóm 2', backers: 5 });
  await addPetition(page, { content: DECOMPOSED, field: 'Xây dựng cơ bản', kind: 'Kiến nghị', address: 'Xóm 3', insertText: true });
  await addPetition(page, { content: 'Tố cáo việc lấn chiếm đất công ở bờ kênh', field: 'Đất đai', kind: 'Tố cáo', names: 'Phạm Văn Đức', phone: '0912 345 678' });
  await addPetition(page, { content: HOSTILE, field: 'An ninh - Trật tự', kind: 'Phản ánh' });
  await addPetition(page, { content: 'Khi nào có nước sạch về thôn?', field: 'Nông thôn mới', kind: 'Câu hỏi', names: 'Hoàng Thị Thủy' });
}

test('village head records five petitions and finds them after a reload', async ({ page }) => {
  await setUpByHand(page);
  await fivePetitions(page);
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (5)' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (5)' })).toBeVisible();
  const items = petitionItems(page);
  await expect(items).toHaveCount(5);

  // The decomposed text was stored precomposed (NFC), and shows as typed.
  const nfc = DECOMPOSED.normalize('NFC');
  await expect(items.filter({ hasText: nfc })).toHaveCount(1);
  const petitions = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  expect(petitions).toHaveLength(5);
  expect(petitions.map((p) => p.content)).toContain(nfc);
  expect(petitions.every((p) => p.content === p.content.normalize('NFC'))).toBe(true);

  // The tố cáo is confidential by default and says so.
  const denunciation = items.filter({ hasText: 'lấn chiếm đất công' });
  await expect(denunciation.getByText('Danh tính được giữ bí mật')).toBeVisible();
  expect(petitions.find((p) => p.kind === 'to_cao').confidential).toBe(true);

  // Markup is shown as text and never runs.
  await expect(items.filter({ hasText: '<img src=x onerror=' })).toHaveCount(1);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator('main img')).toHaveCount(0);

  // Many citizens when no name is given.
  await expect(items.filter({ hasText: nfc }).getByText('Nhiều công dân')).toBeVisible();
});

test('search ignores diacritics and word order; the field filter narrows', async ({ page }) => {
  await setUpByHand(page);
  await fivePetitions(page);
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm (gõ không dấu cũng được)' });
  const items = petitionItems(page);

  await search.fill('de nghi sua duong');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(DECOMPOSED.normalize('NFC'));

  await search.fill('DAT CONG lan chiem');
  await expect(items).toHaveCount(1);
  await search.fill('thuy'); // "Thủy", by the petitioner's name
  await expect(items).toHaveCount(1);
  await search.fill('không có gì như thế');
  await expect(page.getByText('Không có kiến nghị nào khớp.')).toBeVisible();

  await search.fill('');
  await page.getByLabel('Lọc theo lĩnh vực', { exact: true }).selectOption('Đất đai');
  await expect(items).toHaveCount(2);
  await search.fill('dat dai');
  await expect(items).toHaveCount(2);
});

test('edit grows the revision; delete can be undone; two petitions merge into one', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Đường xóm 1 nhiều ổ gà', field: 'Xây dựng cơ bản', names: 'Trần Văn An', backers: 3 });
  await addPetition(page, { content: 'Đường xóm 1 xuống cấp, đề nghị sửa', field: 'Xây dựng cơ bản', names: 'Lê Thị Bình', backers: 4 });
  await addPetition(page, { content: 'Đèn đường không sáng', field: 'Khác' });
  const items = petitionItems(page);

  // Edit
  await items.filter({ hasText: 'Đèn đường không sáng' }).getByRole('button', { name: 'Sửa' }).click();
  await expect(page.getByRole('heading', { name: 'Sửa kiến nghị' })).toBeVisible();
  await page.getByLabel('Nội dung', { exact: true }).fill('Đèn đường thôn không sáng từ tháng trước');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(items.filter({ hasText: 'từ tháng trước' })).toHaveCount(1);
  let all = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  expect(all.find((p) => p.content.includes('từ tháng trước')).revision).toBe(2);

  // Delete, then undo
  await items.filter({ hasText: 'từ tháng trước' }).getByRole('button', { name: 'Xoá' }).click();
  await expect(page.getByRole('status').getByText('Đã xoá kiến nghị.')).toBeVisible();
  await expect(items.filter({ hasText: 'từ tháng trước' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(items.filter({ hasText: 'từ tháng trước' })).toHaveCount(1);

  // Merge the two road petitions
  await items.filter({ hasText: 'nhiều ổ gà' }).getByRole('checkbox', { name: 'Chọn để gộp' }).check();
  await items.filter({ hasText: 'đề nghị sửa' }).getByRole('checkbox', { name: 'Chọn để gộp' }).check();
  await page.getByRole('button', { name: 'Gộp 2 kiến nghị đã chọn' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
  const merged = items.filter({ hasText: 'nhiều ổ gà' });
  await expect(merged).toContainText('đề nghị sửa');
  await expect(merged).toContainText('7 người cùng kiến nghị');
  await expect(merged).toContainText('Trần Văn An, Lê Thị Bình');

  // Storage keeps the folded one as a tombstone pointing to the kept one.
  all = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  const kept = all.find((p) => p.status === 'active' && p.content.includes('ổ gà'));
  const folded = all.find((p) => p.status === 'merged');
  expect(folded.merged_into).toBe(kept.id);
  expect(kept.merged_from).toEqual([folded.id]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
});

test('what is being typed survives a reload', async ({ page }) => {
  await setUpByHand(page);
  await page.getByLabel('Nội dung', { exact: true }).fill('Kiến nghị đang ghi dở khi máy tính bảng tắt màn hình');
  await page.getByLabel('Người nêu', { exact: true }).fill('Đỗ Văn Lâm');
  await page.reload();
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('Kiến nghị đang ghi dở khi máy tính bảng tắt màn hình');
  await expect(page.getByLabel('Người nêu', { exact: true })).toHaveValue('Đỗ Văn Lâm');
});

test('a petition can be added with the keyboard alone, on controls big enough for fingers', async ({ page }) => {
  await setUpByHand(page);
  const content = page.getByLabel('Nội dung', { exact: true });
  await content.focus();
  await page.keyboard.type('Đề nghị lắp thêm đèn đường');
  await page.keyboard.press('Tab'); // field
  await page.keyboard.press('Tab'); // kind radio group (Kiến nghị is chosen)
  await page.keyboard.press('ArrowRight'); // → Phản ánh
  await expect(page.getByRole('radio', { name: 'Phản ánh', exact: true })).toBeChecked();
  await page.keyboard.press('Tab'); // names
  await page.keyboard.type('Vũ Thị Mai');
  // Move on to the save button and press it.
  const save = page.getByRole('button', { name: 'Lưu kiến nghị' });
  for (let i = 0; i < 12 && !(await save.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(petitionItems(page).filter({ hasText: 'Đề nghị lắp thêm đèn đường' })).toContainText('Vũ Thị Mai');
  await expect(petitionItems(page).first()).toContainText('Phản ánh');

  // Touch targets: every control on the page is at least 44 px high.
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('main button, main input, main select, main textarea, nav a')]
      .filter((el) => el.type !== 'radio' && el.type !== 'checkbox')
      .map((el) => [el.outerHTML.slice(0, 80), el.getBoundingClientRect().height])
      .filter(([, h]) => h < 44),
  );
  expect(small).toEqual([]);
  const choices = await page.evaluate(() =>
    [...document.querySelectorAll('main input[type=radio], main input[type=checkbox]')]
      .map((el) => el.closest('label').getBoundingClientRect().height)
      .filter((h) => h < 44),
  );
  expect(choices).toEqual([]);
});
