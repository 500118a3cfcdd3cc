// The commune office's setup file, handed to every village tablet by Zalo or USB stick.
// A bad file is refused with its reason in Vietnamese and changes nothing; the good one sets
// the tablet up for the village the head picks.
import { test, expect } from '@playwright/test';
import { fixture, stored, checksumOf } from './fixtures/app.js';

const GOOD = {
  format: 'doithoai.commune-setup',
  version: 1,
  commune: { name: 'Cẩm Quang', province: 'Hà Tĩnh' },
  villages: [{ code: 'thon-1', name: 'Thôn 1', head: 'Nguyễn Văn Hùng' }],
};
const asFile = (name, text) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') });

// [what the head picked, the message the app must show]
const BAD = [
  [fixture('setup-not-json.txt'), 'Tệp không đúng định dạng JSON (lỗi ở dòng 1, cột 1). Có thể đã chọn nhầm tệp.'],
  [fixture('setup-truncated.json'), 'Tệp bị cắt cụt: nội dung dừng giữa chừng. Hãy chép lại tệp từ nơi gửi.'],
  [fixture('setup-unknown-format.json'), 'Đây không phải tệp thiết lập của xã: ứng dụng không nhận ra loại tệp này.'],
  [fixture('setup-version-9.json'), 'Phiên bản tệp 9 chưa được hỗ trợ (ứng dụng đọc được đến phiên bản 2). Hãy cập nhật ứng dụng.'],
  [fixture('setup-name-number.json'), 'Trường “villages[0].name” sai kiểu dữ liệu.'],
  [fixture('setup-wrong-type.json'), 'Trường “villages[1].name” sai kiểu dữ liệu.'],
  [asFile('trong.json', ''), 'Tệp trống, không có nội dung.'],
  [asFile('thieu.json', JSON.stringify({ ...GOOD, villages: undefined })), 'Thiếu trường bắt buộc “villages”.'],
  [asFile('sua.json', JSON.stringify({ ...GOOD, checksum: checksumOf({ ...GOOD, commune: { name: 'Cẩm Quan', province: 'Hà Tĩnh' } }) })),
    'Mã kiểm tra không khớp: tệp đã bị sửa hoặc hỏng trên đường gửi. Hãy xin lại tệp gốc.'],
  // A village's export given by mistake is named for what it is not.
  [asFile('kien-nghi_thon-1.json', '{"format":"doithoai.village-bundle","version":1}'),
    'Đây là tệp kiến nghị của thôn, không phải tệp thiết lập của xã.'],
];

test('bad setup files are refused, each with its Vietnamese reason, and nothing is stored', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  const picker = page.getByLabel('Chọn tệp thiết lập', { exact: true });
  for (const [file, message] of BAD) {
    await picker.setInputFiles(file);
    await expect(page.getByRole('alert'), typeof file === 'string' ? file : file.name).toHaveText(message);
    // Nothing was taken from it: no profile, no village to pick, still the first start.
    expect(await stored(page, 'dt1:profile')).toEqual({});
    await expect(page.getByLabel('Thôn của bạn', { exact: true })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
    await expect(page.getByRole('navigation')).toHaveCount(0);
  }
  // Storage holds nothing but the tablet's id and its stored format's stamp.
  expect(Object.keys(await stored(page, 'dt1:')).sort()).toEqual(['dt1:device', 'dt1:format']);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
});

test('the good setup file sets up the village picked from its list, with the commune fields and dates', async ({ page }) => {
  await page.goto('./');
  const picker = page.getByLabel('Chọn tệp thiết lập', { exact: true });
  // A wrong file first, then the right one: the message goes away.
  await picker.setInputFiles(fixture('setup-truncated.json'));
  await expect(page.getByRole('alert')).toContainText('Tệp bị cắt cụt');
  await picker.setInputFiles(fixture('setup-cam-quang.json'));
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText('Đã đọc tệp thiết lập của xã Cẩm Quang: 3 thôn, 6 lĩnh vực.')).toBeVisible();

  const village = page.getByLabel('Thôn của bạn', { exact: true });
  expect(await village.locator('option').allTextContents()).toEqual(['— Chọn thôn —', 'Thôn 1', 'Thôn 2', 'Thôn 3']);
  // No village is chosen for the head, and one "Bắt đầu" asks for it (issue 18).
  await expect(village).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Bắt đầu' })).toHaveCount(1);
  await page.getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(page.getByRole('alert')).toHaveText('Hãy chọn thôn của bạn trong danh sách.');
  await expect(page.getByRole('alert')).toBeInViewport();
  expect(await stored(page, 'dt1:profile')).toEqual({});
  await village.selectOption('Thôn 2');
  // The head's name comes from the file (and could be corrected).
  await expect(page.getByLabel('Họ tên trưởng thôn', { exact: true }).first()).toHaveValue('Trần Thị Lan');
  // Picking the wrong file again by mistake keeps what was read.
  await picker.setInputFiles(fixture('setup-version-9.json'));
  await expect(page.getByRole('alert')).toContainText('Phiên bản tệp 9 chưa được hỗ trợ');
  await expect(village).toHaveValue('Thôn 2');
  expect(await stored(page, 'dt1:profile')).toEqual({});

  await page.getByRole('button', { name: 'Bắt đầu' }).first().click();
  await expect(page.getByRole('heading', { name: 'Thêm kiến nghị' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Thôn 2 · Cẩm Quang');
  for (const link of ['Kiến nghị', 'Họp thôn', 'Gửi về xã', 'Cài đặt']) {
    await expect(page.getByRole('navigation').getByRole('link', { name: link, exact: true })).toBeVisible();
  }
  const fields = await page.getByLabel('Lĩnh vực', { exact: true }).locator('option').allTextContents();
  expect(fields).toEqual(['— Chọn lĩnh vực —', 'Đất đai', 'Xây dựng cơ bản', 'Văn hóa - Xã hội', 'An ninh - Trật tự', 'Chính sách xã hội', 'Khác']);
  const profile = JSON.parse((await stored(page, 'dt1:profile'))['dt1:profile']);
  expect(profile).toMatchObject({
    commune: 'Cẩm Quang', province: 'Hà Tĩnh', village: 'Thôn 2', village_code: 'thon-2', head: 'Trần Thị Lan',
    dialogue: { meeting_from: '2026-08-27', meeting_to: '2026-09-02', session_date: '2026-09-05' },
  });

  // It stays set up after a reload.
  await page.reload();
  await expect(page.getByRole('banner')).toContainText('Thôn 2 · Cẩm Quang');

  // The meeting page shows the commune's plan and warns about a date outside it.
  await page.getByRole('link', { name: 'Họp thôn' }).click();
  await expect(page.getByText('Theo kế hoạch của xã: họp thôn từ 27/08/2026 đến 02/09/2026; đối thoại ngày 05/09/2026.')).toBeVisible();
  const date = page.getByLabel('Ngày họp (ngày/tháng/năm)', { exact: true });
  await date.fill('15/09/2026');
  await date.blur();
  await expect(page.getByRole('alert')).toHaveText('Ngày họp nằm ngoài thời gian họp thôn trong kế hoạch của xã.');
  await date.fill('28/8/2026');
  await date.blur();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status').getByText('Đã lưu thông tin cuộc họp.')).toBeVisible();
  await date.fill('2026-09-15');
  await date.blur();
  await expect(page.getByRole('alert')).toHaveText('Ngày họp chưa đúng: viết theo dạng ngày/tháng/năm, ví dụ 27/08/2026.');
});

test('text in a setup file is shown as text, never run, and stored precomposed', async ({ page }) => {
  await page.goto('./');
  const hostile = {
    ...GOOD,
    commune: { name: '<img src=x onerror="window.__pwned=1">Cẩm Quang', province: 'Hà Tĩnh' },
    villages: [{ code: 'thon-1', name: 'Tho\u0302n Đo\u0302ng', head: 'Nguye\u0302\u0303n Va\u0306n Hu\u0300ng' }],
  };
  await page.getByLabel('Chọn tệp thiết lập', { exact: true }).setInputFiles(asFile('xa.json', JSON.stringify(hostile)));
  await expect(page.getByText('Đã đọc tệp thiết lập của xã <img src=x onerror="window.__pwned=1">Cẩm Quang: 1 thôn, 12 lĩnh vực.')).toBeVisible();
  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await page.getByLabel('Thôn của bạn', { exact: true }).selectOption('Thôn Đông');
  await page.getByRole('button', { name: 'Bắt đầu' }).first().click();
  await expect(page.getByRole('banner')).toContainText('Thôn Đông · <img src=x onerror="window.__pwned=1">Cẩm Quang');
  const profile = JSON.parse((await stored(page, 'dt1:profile'))['dt1:profile']);
  expect(profile).toMatchObject({ village: 'Thôn Đông', head: 'Nguyễn Văn Hùng' });
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
});
