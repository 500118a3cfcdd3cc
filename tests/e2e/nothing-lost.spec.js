// "Nothing lost" (SPEC §4): a slip of the finger, a reload, a second tab or a damaged entry
// must never silently lose or change what the village head recorded.
import { test, expect } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { setUpByHand, addPetition, petitionItems, stored, backersBox, fillStorage, freeStorage } from './fixtures/app.js';

test('a slip in the meeting date does not throw away the other meeting details', async ({ page }) => {
  await setUpByHand(page);
  await page.getByRole('link', { name: 'Họp thôn' }).click();
  const date = page.getByLabel('Ngày họp (ngày/tháng/năm)', { exact: true });
  await date.fill('32/13/2026');
  await date.blur();
  await expect(page.getByRole('alert')).toHaveText('Ngày họp chưa đúng: viết theo dạng ngày/tháng/năm, ví dụ 27/08/2026.');
  const place = page.getByLabel('Địa điểm', { exact: true });
  await place.fill('Nhà văn hóa thôn Đông');
  await place.blur();
  await page.getByLabel('Tổng số người dự', { exact: true }).fill('46');
  await page.getByLabel('Tổng số người dự', { exact: true }).blur();
  await page.reload();
  await expect(page.getByLabel('Địa điểm', { exact: true })).toHaveValue('Nhà văn hóa thôn Đông', { timeout: 3000 });
  await expect(page.getByLabel('Tổng số người dự', { exact: true })).toHaveValue('46');
});

test('what is being typed on the meeting page survives a reload, as on the petition form', async ({ page }) => {
  await setUpByHand(page);
  await page.getByRole('link', { name: 'Họp thôn' }).click();
  // Typed, and the tablet reloads before the head leaves the box.
  await page.getByLabel('Địa điểm', { exact: true }).fill('Sân nhà văn hóa');
  await page.getByLabel('Người chủ trì', { exact: true }).fill('Lê Văn Tám');
  await page.reload();
  await expect(page.getByLabel('Địa điểm', { exact: true })).toHaveValue('Sân nhà văn hóa', { timeout: 3000 });
  await expect(page.getByLabel('Người chủ trì', { exact: true })).toHaveValue('Lê Văn Tám');
});

test('the number of backers is read as Vietnamese writes it, or refused in Vietnamese', async ({ page }) => {
  await setUpByHand(page);
  const content = page.getByLabel('Nội dung', { exact: true });
  // "0": refused with the app's own message, nothing saved.
  await content.fill('Đề nghị mở rộng chợ');
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('Khác');
  await backersBox(page).fill('0');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('alert')).toHaveText('Số người cùng kiến nghị phải là số từ 1 trở lên.', { timeout: 3000 });
  await expect(petitionItems(page)).toHaveCount(0);
  // "1.000", typed key by key: a thousand people, never silently one.
  await backersBox(page).fill('');
  await backersBox(page).focus();
  await page.keyboard.type('1.000');
  await expect(backersBox(page)).toHaveValue('1.000');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(petitionItems(page).filter({ hasText: 'mở rộng chợ' })).toContainText(/1\.?000 người cùng kiến nghị/, { timeout: 3000 });
  const [record] = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  expect(record.backers).toBe(1000);
});

test('a petition added in a second tab is in the export made from the first tab', async ({ page, context }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Ghi ở tab thứ nhất', field: 'Khác' });
  const second = await context.newPage();
  await second.goto('./');
  await expect(petitionItems(second)).toHaveCount(1);
  await addPetition(second, { content: 'Ghi ở tab thứ hai', field: 'Khác' });
  // Back in the first tab, without reloading it, the head sends the file to the commune.
  await page.getByRole('link', { name: 'Gửi về xã' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Tải tệp về máy' }).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(doc.petitions.map((p) => p.content).sort()).toEqual(['Ghi ở tab thứ hai', 'Ghi ở tab thứ nhất']);
});

test('an edit made in an older tab does not silently overwrite a newer edit', async ({ page, context }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Đường xóm 3 hỏng', field: 'Khác' });
  const second = await context.newPage();
  await second.goto('./');
  await expect(petitionItems(second)).toHaveCount(1);
  // Tab one corrects the petition…
  await petitionItems(page).first().getByRole('button', { name: 'Sửa' }).click();
  await page.getByLabel('Nội dung', { exact: true }).fill('Đường xóm 3 hỏng nặng, đề nghị sửa trước mùa mưa');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(petitionItems(page).filter({ hasText: 'trước mùa mưa' })).toHaveCount(1);
  // …then tab two, opened before that, edits the same petition.
  await petitionItems(second).first().getByRole('button', { name: 'Sửa' }).click();
  await second.getByLabel('Nội dung', { exact: true }).fill('Đường xóm 3 hỏng, thêm ý của tab hai');
  await second.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(second.getByRole('status').getByText('Đã lưu kiến nghị.').or(second.getByRole('alert'))).toBeVisible();
  // Right: tab two is told of the newer version (an alert) and tab one's text stays, or its
  // edit builds on the newer one (revision 3). Wrong: two different texts both called
  // revision 2, and tab one's correction gone without a word.
  const [record] = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  if ((await second.getByRole('alert').count()) > 0) {
    expect(record).toMatchObject({ revision: 2, content: 'Đường xóm 3 hỏng nặng, đề nghị sửa trước mùa mưa' });
  } else {
    expect(record.revision, `stored: ${record.content}`).toBe(3);
  }
});

test('a damaged village profile is reported, not shown as a brand-new tablet', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Kiến nghị đã ghi', field: 'Khác' });
  await page.evaluate(() => localStorage.setItem('dt1:profile', '{"role":"village","commune":'));
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveText('Có 1 mục dữ liệu không đọc được; đã cất riêng (xem Cài đặt). Các dữ liệu khác vẫn đầy đủ.', { timeout: 3000 });
  // The petition is still there once the village is set up again.
  expect(Object.keys(await stored(page, 'dt1:p:'))).toHaveLength(1);
  await setUpByHand(page);
  await expect(petitionItems(page).filter({ hasText: 'Kiến nghị đã ghi' })).toHaveCount(1);
});



const FULL = 'Bộ nhớ của trình duyệt đã đầy, chưa lưu được. Nội dung vẫn còn trên màn hình: hãy xuất tệp gửi về xã ngay.';

test('when the browser storage is full the head is told, and what was typed stays until there is room', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Ghi trước khi bộ nhớ đầy', field: 'Khác' });
  await fillStorage(page);
  await page.getByLabel('Nội dung', { exact: true }).fill('Kiến nghị ghi khi bộ nhớ đầy');
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('Khác');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('status')).toContainText(FULL);
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('Kiến nghị ghi khi bộ nhớ đầy');
  await expect(petitionItems(page)).toHaveCount(1);
  expect(Object.keys(await stored(page, 'dt1:p:'))).toHaveLength(1);
  // Room again: the same press saves it.
  await freeStorage(page);
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu kiến nghị.')).toBeVisible();
  await expect(petitionItems(page)).toHaveCount(2);
});

test('when the browser storage is full the village can still export what it recorded', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Ghi trước khi bộ nhớ đầy', field: 'Khác' });
  await fillStorage(page);
  // The message says "export the file now": that must work.
  await page.getByRole('link', { name: 'Gửi về xã' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 5000 }),
    page.getByRole('button', { name: 'Tải tệp về máy' }).click(),
  ]);
  const doc = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(doc.petitions.map((p) => p.content)).toEqual(['Ghi trước khi bộ nhớ đầy']);
  await freeStorage(page);
});

test('a petition saved in one tab appears in the other without a reload', async ({ page, context }) => {
  await setUpByHand(page);
  const second = await context.newPage();
  await second.goto('./');
  await addPetition(second, { content: 'Ghi ở tab thứ hai, hiện ở tab thứ nhất', field: 'Khác' });
  await expect(petitionItems(page).filter({ hasText: 'hiện ở tab thứ nhất' })).toHaveCount(1);
});

test('an edit left open while another tab changes the petition is stopped with a warning, the typing kept', async ({ page, context }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Cống thoát nước xóm 5 bị tắc', field: 'Khác' });
  const second = await context.newPage();
  await second.goto('./');
  // Tab two opens the edit first…
  await petitionItems(second).first().getByRole('button', { name: 'Sửa' }).click();
  await second.getByLabel('Nội dung', { exact: true }).fill('Cống thoát nước xóm 5 bị tắc, ý của tab hai');
  // …tab one changes the petition meanwhile…
  await petitionItems(page).first().getByRole('button', { name: 'Sửa' }).click();
  await page.getByLabel('Nội dung', { exact: true }).fill('Cống thoát nước xóm 5 bị tắc lâu ngày');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(petitionItems(page).filter({ hasText: 'lâu ngày' })).toHaveCount(1);
  // …so tab two's save is stopped: a warning, tab one's text intact, tab two's typing kept.
  await second.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(second.getByRole('alert')).toContainText('vừa được sửa ở cửa sổ khác');
  await expect(second.getByLabel('Nội dung', { exact: true })).toHaveValue('Cống thoát nước xóm 5 bị tắc, ý của tab hai');
  let [record] = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  expect(record).toMatchObject({ revision: 2, content: 'Cống thoát nước xóm 5 bị tắc lâu ngày' });
  // Saving again, knowingly, builds on the newest revision.
  await second.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(second.getByRole('status').getByText('Đã lưu kiến nghị.')).toBeVisible();
  [record] = Object.values(await stored(page, 'dt1:p:')).map((v) => JSON.parse(v));
  expect(record).toMatchObject({ revision: 3, content: 'Cống thoát nước xóm 5 bị tắc, ý của tab hai' });
});
