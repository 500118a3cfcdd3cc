// The village head's day: set up the tablet, record the citizens' petitions, close the tab,
// come back and find everything; fix one, delete one by mistake and undo, merge two that say
// the same thing; and never lose what is being typed.
import { test, expect } from '@playwright/test';
import { setUpByHand, addPetition, petitionItems, stored, storedPetitions, backersBox } from './fixtures/app.js';

// "Đề nghị sửa đường liên thôn" as Unikey or the macOS keyboard may send it: base letters
// followed by combining marks (NFD-like). The app must keep it precomposed (NFC).
const DECOMPOSED = 'Đe\u0302\u0300 nghi\u0323 su\u031B\u0309a đu\u031Bo\u031B\u0300ng lie\u0302n tho\u0302n';
const NFC = DECOMPOSED.normalize('NFC');
const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Đèn đường hỏng';
const HOSTILE_NAME = '<b onmouseover="window.__pwned=3">Kẻ lạ</b>';

async function recordByContent(page, text) {
  const all = Object.values(await storedPetitions(page));
  const found = all.filter((p) => p.content.includes(text));
  expect(found, `one stored petition contains “${text}”`).toHaveLength(1);
  return found[0];
}

test('a village head sets up by hand, records five petitions and finds them all after a reload', async ({ page }) => {
  // First start: the welcome page, then the village typed in.
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  expect(await stored(page, 'dt1:profile')).toEqual({});
  await setUpByHand(page, { commune: 'Cẩm Quang', village: 'Thôn Đông', head: 'Nguyễn Văn Hùng' });
  await expect(page.getByRole('banner')).toContainText('Thôn Đông · Cẩm Quang');
  const nav = page.getByRole('navigation');
  // Settings are on the tablet's second module, the page for what it does rarely.
  for (const [name, href] of [['Kiến nghị', '#/kien-nghi'], ['Họp thôn', '#/hop-thon'], ['Gửi về xã', '#/gui-ve-xa'], ['Cài đặt', 'cong-cu.html#/cai-dat']]) {
    await expect(nav.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
  expect(JSON.parse((await stored(page, 'dt1:profile'))['dt1:profile'])).toMatchObject({
    commune: 'Cẩm Quang', village: 'Thôn Đông', head: 'Nguyễn Văn Hùng',
  });

  // Five petitions, as they are raised at the meeting.
  await addPetition(page, { content: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ xóm 2', field: 'Đất đai', names: 'Trần Văn An, Lê Thị Bình', address: 'Xóm 2', backers: 5 });
  await addPetition(page, { content: DECOMPOSED, field: 'Xây dựng cơ bản', kind: 'Kiến nghị', address: 'Xóm 3', insertText: true });

  // Choosing "Tố cáo" turns the confidentiality box on by itself.
  const secret = page.getByRole('checkbox', { name: 'Giữ bí mật danh tính người nêu' });
  await expect(secret).not.toBeChecked();
  await page.getByRole('radio', { name: 'Tố cáo', exact: true }).check();
  await expect(secret).toBeChecked();
  await addPetition(page, { content: 'Tố cáo việc lấn chiếm đất công ở bờ kênh', field: 'Đất đai', kind: 'Tố cáo', names: 'Phạm Văn Đức', phone: '0912 345 678' });
  // The form is blank again and the box is off for the next one.
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('');
  await expect(secret).not.toBeChecked();

  await addPetition(page, { content: HOSTILE, field: 'An ninh - Trật tự', kind: 'Phản ánh', names: HOSTILE_NAME });
  await addPetition(page, { content: 'Khi nào có nước sạch về thôn?', field: 'Nông thôn mới', kind: 'Câu hỏi', names: 'Hoàng Thị Thủy' });
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (5)' })).toBeVisible();

  // Close the tab and come back.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (5)' })).toBeVisible();
  const items = petitionItems(page);
  await expect(items).toHaveCount(5);
  for (const text of [
    'Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho các hộ xóm 2',
    NFC,
    'Tố cáo việc lấn chiếm đất công ở bờ kênh',
    HOSTILE,
    'Khi nào có nước sạch về thôn?',
  ]) {
    await expect(items.getByText(text, { exact: true }), text).toBeVisible();
  }
  await expect(items.filter({ hasText: 'xóm 2' })).toContainText('Trần Văn An, Lê Thị Bình');
  await expect(items.filter({ hasText: 'xóm 2' })).toContainText('5 người cùng kiến nghị');

  // No name given by one person: it says so, not "many citizens · 1 person" (issue 18).
  await expect(items.filter({ hasText: NFC }).getByText('Không ghi tên')).toBeVisible();
  await expect(items.filter({ hasText: NFC })).not.toContainText('người cùng kiến nghị');
  // Each new petition's field is chosen: the form does not keep the last one.
  await expect(page.getByLabel('Lĩnh vực', { exact: true })).toHaveValue('');

  // The tố cáo is confidential, and says so; the others are not.
  await expect(items.filter({ hasText: 'lấn chiếm đất công' }).getByText('Danh tính được giữ bí mật')).toBeVisible();
  await expect(page.getByText('Danh tính được giữ bí mật')).toHaveCount(1);

  // Markup typed into a petition is shown as the text it is, and never runs.
  await expect(items.getByText(HOSTILE_NAME)).toBeVisible();
  await page.mouse.move(10, 10);
  await items.getByText(HOSTILE_NAME).hover();
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator('main img, main script, main b')).toHaveCount(0);

  // What is stored: five entries, all text precomposed (NFC), the decomposed input included.
  const raw = await stored(page, 'dt1:p:');
  expect(Object.keys(raw)).toHaveLength(5);
  const rawDecomposedOne = Object.values(raw).filter((v) => v.includes('liên thôn'));
  expect(rawDecomposedOne).toHaveLength(1);
  expect(rawDecomposedOne[0]).toContain(NFC);
  for (const value of Object.values(raw)) {
    expect(value, 'no combining marks left in storage').not.toMatch(/[\u0300-\u036f]/);
    expect(value.normalize('NFC')).toBe(value);
  }
  const denunciation = await recordByContent(page, 'lấn chiếm đất công');
  expect(denunciation).toMatchObject({ kind: 'to_cao', confidential: true, petitioners: ['Phạm Văn Đức'] });
  const others = Object.values(await storedPetitions(page)).filter((p) => p.kind !== 'to_cao');
  expect(others.map((p) => p.confidential)).toEqual([false, false, false, false]);

  // Searching without diacritics finds the petition typed with decomposed marks.
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm (gõ không dấu cũng được)' });
  await search.fill('de nghi sua duong');
  await expect(items).toHaveCount(1);
  await expect(items.first().getByText(NFC, { exact: true })).toBeVisible();
  // …and a query typed with decomposed marks finds it too.
  await search.fill('đu\u031Bo\u031B\u0300ng lie\u0302n tho\u0302n');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(NFC);
});

test('search ignores diacritics, case and word order; the field filter narrows the list', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất', field: 'Đất đai', names: 'Trần Văn An' });
  await addPetition(page, { content: 'Tố cáo việc lấn chiếm đất công ở bờ kênh', field: 'Đất đai', kind: 'Tố cáo' });
  await addPetition(page, { content: 'Khi nào có nước sạch về thôn?', field: 'Nông thôn mới', kind: 'Câu hỏi', names: 'Hoàng Thị Thủy' });
  await addPetition(page, { content: 'Đèn đường xóm 4 hỏng', field: 'Khác', address: 'Xóm Đồng' });
  const search = page.getByRole('searchbox', { name: 'Tìm kiếm (gõ không dấu cũng được)' });
  const items = petitionItems(page);

  await search.fill('dat dai'); // the field "Đất đai"
  await expect(items).toHaveCount(2);
  await search.fill('DAT CONG lan chiem');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('lấn chiếm đất công');
  await search.fill('thuỷ'); // new tone placement finds "Thủy", by the petitioner's name
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('nước sạch');
  await search.fill('xom dong'); // by the address
  await expect(items).toHaveCount(1);
  await search.fill('không có gì như thế');
  await expect(items).toHaveCount(0);
  await expect(page.getByText('Không có kiến nghị nào khớp.')).toBeVisible();

  await search.fill('');
  await expect(items).toHaveCount(4);
  await page.getByLabel('Lọc theo lĩnh vực', { exact: true }).selectOption('Đất đai');
  await expect(items).toHaveCount(2);
  await search.fill('giay chung nhan');
  await expect(items).toHaveCount(1);
  await page.getByLabel('Lọc theo lĩnh vực', { exact: true }).selectOption('Tất cả lĩnh vực');
  await search.fill('');
  await expect(items).toHaveCount(4);
});

test('editing grows the revision; a deletion can be undone; two petitions merge into one', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Đường xóm 1 nhiều ổ gà', field: 'Xây dựng cơ bản', names: 'Trần Văn An', backers: 3 });
  await addPetition(page, { content: 'Đường xóm 1 xuống cấp, đề nghị sửa', field: 'Xây dựng cơ bản', names: 'Lê Thị Bình', address: 'Xóm 1', backers: 4 });
  await addPetition(page, { content: 'Đèn đường không sáng', field: 'Khác' });
  const items = petitionItems(page);
  const lamp = await recordByContent(page, 'Đèn đường không sáng');
  expect(lamp.revision).toBe(1);

  // Edit: the same petition (same id, same key), one revision more.
  await items.filter({ hasText: 'Đèn đường không sáng' }).getByRole('button', { name: 'Sửa' }).click();
  await expect(page.getByRole('heading', { name: 'Sửa kiến nghị' })).toBeVisible();
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('Đèn đường không sáng');
  await page.getByLabel('Nội dung', { exact: true }).fill('Đèn đường thôn không sáng từ tháng trước');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu kiến nghị.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Thêm kiến nghị' })).toBeVisible();
  await expect(items.filter({ hasText: 'từ tháng trước' })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
  const all = await storedPetitions(page);
  expect(Object.keys(all)).toHaveLength(3);
  const edited = all[`dt1:p:${lamp.id}`];
  expect(edited).toMatchObject({ content: 'Đèn đường thôn không sáng từ tháng trước', revision: 2, status: 'active', created_at: lamp.created_at });

  // Delete by mistake, then undo.
  await items.filter({ hasText: 'từ tháng trước' }).getByRole('button', { name: 'Xoá' }).click();
  await expect(page.getByRole('status').getByText('Đã xoá kiến nghị.')).toBeVisible();
  await expect(items.filter({ hasText: 'từ tháng trước' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
  expect((await storedPetitions(page))[`dt1:p:${lamp.id}`]).toMatchObject({ status: 'deleted', revision: 3 });
  await page.getByRole('status').getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByRole('status').getByText('Đã khôi phục kiến nghị.')).toBeVisible();
  await expect(items.filter({ hasText: 'từ tháng trước' })).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
  expect((await storedPetitions(page))[`dt1:p:${lamp.id}`]).toMatchObject({ status: 'active', revision: 4 });

  // Merge the two road petitions: the button waits for exactly two choices.
  const merge = page.getByRole('button', { name: 'Gộp 2 kiến nghị đã chọn' });
  await expect(merge).toBeDisabled();
  await items.filter({ hasText: 'nhiều ổ gà' }).getByRole('checkbox', { name: 'Chọn để gộp' }).check();
  await expect(merge).toBeDisabled();
  await items.filter({ hasText: 'đề nghị sửa' }).getByRole('checkbox', { name: 'Chọn để gộp' }).check();
  await expect(merge).toBeEnabled();
  await merge.click();
  await expect(page.getByRole('status').getByText('Đã gộp 2 kiến nghị.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
  const merged = items.filter({ hasText: 'nhiều ổ gà' });
  await expect(merged).toHaveCount(1);
  await expect(merged).toContainText('Đường xóm 1 nhiều ổ gà');
  await expect(merged).toContainText('Đường xóm 1 xuống cấp, đề nghị sửa');
  await expect(merged).toContainText('7 người cùng kiến nghị');
  await expect(merged).toContainText('Trần Văn An, Lê Thị Bình');

  // Storage: the kept one carries both texts and the sum; the other is a tombstone.
  const after = Object.values(await storedPetitions(page));
  expect(after).toHaveLength(3);
  const kept = after.find((p) => p.status === 'active' && p.content.includes('ổ gà'));
  const folded = after.find((p) => p.status === 'merged');
  expect(kept.content).toBe('Đường xóm 1 nhiều ổ gà\n\nĐường xóm 1 xuống cấp, đề nghị sửa');
  expect(kept).toMatchObject({ backers: 7, petitioners: ['Trần Văn An', 'Lê Thị Bình'], revision: 2, merged_from: [folded.id] });
  expect(folded).toMatchObject({ merged_into: kept.id, revision: 2, content: 'Đường xóm 1 xuống cấp, đề nghị sửa' });

  // And it all holds after a reload.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
  await expect(items.filter({ hasText: 'nhiều ổ gà' })).toContainText('7 người cùng kiến nghị');
  await expect(items.filter({ hasText: 'từ tháng trước' })).toHaveCount(1);
});

test('what is being typed survives a reload, for a new petition and for an edit', async ({ page }) => {
  await setUpByHand(page);
  await page.getByLabel('Nội dung', { exact: true }).fill('Kiến nghị đang ghi dở khi máy tính bảng tắt màn hình');
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('Chính sách xã hội');
  await page.getByRole('radio', { name: 'Khiếu nại', exact: true }).check();
  await page.getByLabel('Người nêu', { exact: true }).fill('Đỗ Văn Lâm');
  await page.getByLabel('Địa chỉ', { exact: true }).fill('Xóm 5');
  await page.getByRole('button', { name: 'Thêm một người' }).click();
  await page.getByRole('button', { name: 'Thêm một người' }).click();
  await page.getByRole('checkbox', { name: 'Giữ bí mật danh tính người nêu' }).check();

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Thêm kiến nghị' })).toBeVisible();
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('Kiến nghị đang ghi dở khi máy tính bảng tắt màn hình');
  await expect(page.getByLabel('Lĩnh vực', { exact: true })).toHaveValue('Chính sách xã hội');
  await expect(page.getByRole('radio', { name: 'Khiếu nại', exact: true })).toBeChecked();
  await expect(page.getByLabel('Người nêu', { exact: true })).toHaveValue('Đỗ Văn Lâm');
  await expect(page.getByLabel('Địa chỉ', { exact: true })).toHaveValue('Xóm 5');
  await expect(backersBox(page)).toHaveValue('3');
  await expect(page.getByRole('checkbox', { name: 'Giữ bí mật danh tính người nêu' })).toBeChecked();

  // Saved: the draft is gone, the next start shows an empty form.
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu kiến nghị.')).toBeVisible();
  await expect(petitionItems(page).filter({ hasText: 'ghi dở' })).toContainText('3 người cùng kiến nghị');
  await page.reload();
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('');

  // An edit half done survives too, and saving it changes that petition (no duplicate).
  await petitionItems(page).first().getByRole('button', { name: 'Sửa' }).click();
  await page.getByLabel('Nội dung', { exact: true }).fill('Kiến nghị đã sửa một nửa');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sửa kiến nghị' })).toBeVisible();
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('Kiến nghị đã sửa một nửa');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (1)' })).toBeVisible();
  const records = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ content: 'Kiến nghị đã sửa một nửa', revision: 2, kind: 'khieu_nai', backers: 3, confidential: true });
});

test('a new tablet downloads only the first-start module, and a set-up one only the daily module', async ({ page }) => {
  // Which of the tablet's two modules the page itself fetched (the service worker's own
  // precache requests, made after load, are not the page's).
  const wasm = [];
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.match(/\/(doithoai(?:-tools)?)-[0-9a-f]+_bg\.wasm$/);
    if (name && !r.serviceWorker()) wasm.push(name[1]);
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  expect(page.url()).toContain('cong-cu.html#/bat-dau');
  expect(wasm).toEqual(['doithoai-tools']);

  await setUpByHand(page);
  await addPetition(page, { content: 'Đèn đường xóm 3 hỏng', field: 'Khác' });
  wasm.length = 0;
  await page.goto('./#/kien-nghi');
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (1)' })).toBeVisible();
  expect(wasm.filter((m) => m === 'doithoai-tools')).toEqual([]);
});
