// Bad input at the edges (issue 22): a million characters pasted, names typed in the
// old encodings, files saved as UTF-16, a petition twice in one file, and a message that
// follows another. Each is what a person does; each outcome is what they would see.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { addPetition, checksumOf, fixture, setUpByHand, stored } from './fixtures/app.js';
import { setUpOffice, villageBundle } from './fixtures/office.js';

const MILLION = 'Đường liên thôn xuống cấp nghiêm trọng, đề nghị xã sửa chữa sớm. '.repeat(15_625).slice(0, 1_000_000);

/**
 * Starts recording how long the page took to answer each event (the Event Timing API:
 * from the event to the next frame painted), and runs the page's CPU four times slower,
 * as a cheap tablet's.
 */
async function slowAndWatched(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__events.push({ name: e.name, duration: e.duration });
    }).observe({ type: 'event', durationThreshold: 16, buffered: false });
  });
  return cdp;
}

/** The longest time the page took to answer an event of one of `names` since watched. */
async function longest(page, names) {
  // Event timing entries arrive after the frame they end in.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
  return page.evaluate((names) => Math.max(0, ...window.__events.filter((e) => names.includes(e.name)).map((e) => e.duration)), names);
}

/** Pastes `text` into the focused box as a person does (the clipboard, then Ctrl+V). */
async function paste(page, text) {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+V');
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a million characters pasted on the tablet: cut at the limit at once, said so, the page answers, and a huge old draft is set aside', async ({ page }) => {
  test.setTimeout(120_000);
  await setUpByHand(page);
  const content = page.getByLabel('Nội dung', { exact: true });
  await content.click();
  const cdp = await slowAndWatched(page);
  await paste(page, MILLION);
  await expect.poll(async () => (await content.inputValue()).length).toBe(10_000);
  await expect(page.locator('.typed.error')).toContainText('Đoạn vừa dán dài 1.000.000 ký tự, quá giới hạn 10.000 ký tự của ô này: chỉ giữ được 10.000 ký tự đầu.');
  const pasteTook = await longest(page, ['paste', 'keydown', 'keyup']);
  expect(pasteTook, 'the paste, at 4× CPU throttling').toBeLessThan(1000);
  // Typing on, at the limit: each key answered within 100 ms.
  await page.evaluate(() => (window.__events = []));
  await page.keyboard.press('Backspace');
  await page.keyboard.type('ab');
  const keyTook = await longest(page, ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']);
  expect(keyTook, 'a keystroke in a full box, at 4× CPU throttling').toBeLessThan(100);
  // Typing on clears the notice of the cut paste; the count near the limit shows instead.
  await expect(page.getByText(/Đoạn vừa dán dài/)).toHaveCount(0);
  await expect(page.getByText('10.000/10.000 ký tự')).toBeVisible();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  // The draft kept is what the box holds.
  const draft = JSON.parse((await stored(page, 'dt1:draft'))['dt1:draft']);
  expect(draft.content.length).toBe(10_000);
  await page.reload();
  expect((await content.inputValue()).length).toBe(10_000);

  // A draft of a million characters, as a release before the limits kept it: set aside,
  // not put back into the box, and downloadable from Settings.
  await page.evaluate((text) => {
    const d = JSON.parse(localStorage.getItem('dt1:draft'));
    d.content = text;
    localStorage.setItem('dt1:draft', JSON.stringify(d));
  }, MILLION);
  await page.reload();
  await expect(page.getByRole('alert').first()).toContainText('Có 1 mục dữ liệu không đọc được');
  await expect(content).toHaveValue('');
  const aside = await stored(page, 'dt1:broken:dt1:draft');
  expect(JSON.parse(aside['dt1:broken:dt1:draft']).content.length).toBe(1_000_000);
});

test('a million characters pasted into the office: every kind of box stops at its limit without freezing the page', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('./office/');
  const villages = page.getByLabel('Các thôn, tổ dân phố, ấp, bản', { exact: true });
  const commune = page.getByLabel('Tên xã', { exact: true });
  const cdp = await slowAndWatched(page);
  await villages.click();
  await paste(page, MILLION);
  await expect(page.locator('.typed.error').first()).toContainText('quá giới hạn 10.000 ký tự của ô này');
  expect((await villages.inputValue()).length).toBe(10_000);
  await commune.click();
  await paste(page, MILLION);
  expect((await commune.inputValue()).length).toBe(200);
  expect(await longest(page, ['paste', 'keydown', 'keyup']), 'a paste, at 4× CPU throttling').toBeLessThan(1000);
  await page.evaluate(() => (window.__events = []));
  await villages.click();
  await page.keyboard.press('Backspace');
  await page.keyboard.type('xy');
  expect(await longest(page, ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']), 'a keystroke, at 4× CPU throttling').toBeLessThan(100);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('names and addresses typed in TCVN3 or VNI: the tablet shows what they become and converts them; so does the office', async ({ page }) => {
  await setUpByHand(page);
  await page.getByLabel('Nội dung', { exact: true }).fill('Đề nghị sửa đường liên thôn');
  await page.getByLabel('Người nêu', { exact: true }).fill('NguyÔn V¨n An');
  await page.getByLabel('Địa chỉ', { exact: true }).fill('Xoùm Ñoâng');
  const offer = page.locator('.legacy');
  await expect(offer).toContainText('Có chữ gõ bằng bảng mã cũ (TCVN3 hoặc VNI)');
  await expect(offer).toContainText('Người nêu: Nguyễn Văn An');
  await expect(offer).toContainText('Địa chỉ: Xóm Đông');
  // Nothing replaced before the click.
  await expect(page.getByLabel('Người nêu', { exact: true })).toHaveValue('NguyÔn V¨n An');
  await offer.getByRole('button', { name: 'Chuyển sang chữ Unicode' }).click();
  await expect(page.getByLabel('Người nêu', { exact: true })).toHaveValue('Nguyễn Văn An');
  await expect(page.getByLabel('Địa chỉ', { exact: true })).toHaveValue('Xóm Đông');
  await expect(page.getByLabel('Nội dung', { exact: true })).toHaveValue('Đề nghị sửa đường liên thôn');
  await expect(offer).toHaveCount(0);

  // The village meeting's chair typed in TCVN3.
  await page.getByRole('link', { name: 'Họp thôn' }).click();
  await page.getByLabel('Người chủ trì', { exact: true }).fill('Lª V¨n B×nh');
  await expect(page.locator('.legacy')).toContainText('Lê Văn Bình');
  await page.locator('.legacy').getByRole('button', { name: 'Chuyển sang chữ Unicode' }).click();
  await expect(page.getByLabel('Người chủ trì', { exact: true })).toHaveValue('Lê Văn Bình');

  // At the office: a bundle whose petitioner's name and address came in TCVN3 and VNI.
  await setUpOffice(page);
  const bundle = villageBundle({ code: 'thon-1', name: 'Thôn 1' }, [{ content: 'Đề nghị nạo vét kênh mương nội đồng', field: 'Khác', names: ['NguyÔn V¨n An'] }]);
  const doc = JSON.parse(bundle.buffer.toString('utf8'));
  doc.petitions[0].address = 'Xoùm Ñoâng';
  delete doc.checksum;
  doc.checksum = checksumOf(doc);
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await page.getByLabel('Chọn các tệp…', { exact: true }).setInputFiles([{ ...bundle, buffer: Buffer.from(JSON.stringify(doc)) }]);
  await expect(page.getByText('1 kiến nghị có vẻ gõ bằng bảng mã cũ (TCVN3, VNI).')).toBeVisible();
  await page.getByRole('link', { name: 'Xem và chuyển sang Unicode trong danh sách' }).click();
  await page.getByRole('button', { name: /nạo vét kênh mương/ }).click();
  const detail = page.locator('.detail');
  await expect(detail.getByRole('group')).toContainText('Nguyễn Văn An');
  await expect(detail.getByRole('group')).toContainText('Xóm Đông');
  await detail.getByRole('button', { name: 'Chuyển sang Unicode' }).click();
  await expect(page.getByRole('status').getByText('Đã chuyển sang Unicode; bản gốc của thôn vẫn được giữ.')).toBeVisible();
  await page.getByLabel('Tìm kiếm', { exact: true }).fill('nguyen van an');
  await page.getByRole('button', { name: /nạo vét kênh mương/ }).click();
  await expect(page.locator('.detail .facts').first()).toContainText('Nguyễn Văn An');
  await expect(page.locator('.detail .facts').first()).toContainText('Xóm Đông');
});

/** A text as Windows Notepad saves it as "Unicode" (little endian) or "Unicode big endian". */
function utf16(text, { littleEndian, mark }) {
  const body = (mark ? '\uFEFF' : '') + text;
  const bytes = Buffer.alloc(body.length * 2);
  for (let i = 0; i < body.length; i++) {
    const u = body.charCodeAt(i);
    if (littleEndian) bytes.writeUInt16LE(u, i * 2);
    else bytes.writeUInt16BE(u, i * 2);
  }
  return bytes;
}

test('files saved as UTF-16 are read as the files they are; a petition twice in a file is named as such', async ({ page }) => {
  await setUpOffice(page);
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  const picker = page.getByLabel('Chọn các tệp…', { exact: true });
  const one = villageBundle({ code: 'thon-1', name: 'Thôn 1' }, [{ content: 'Đề nghị làm đèn đường thôn 1', field: 'Khác' }]);
  const two = villageBundle({ code: 'thon-2', name: 'Thôn 2' }, [{ content: 'Đề nghị nạo vét mương thôn 2', field: 'Khác' }]);
  await picker.setInputFiles([
    { ...one, buffer: utf16(one.buffer.toString('utf8'), { littleEndian: true, mark: true }) },
    { ...two, buffer: utf16(two.buffer.toString('utf8'), { littleEndian: false, mark: false }) },
  ]);
  await expect(page.getByText('Đã nhận 2/2 tệp.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // The same petition twice, with two contents.
  const doubled = villageBundle({ code: 'thon-3', name: 'Tổ dân phố 3' }, [
    { content: 'Đề nghị sửa cầu', field: 'Khác' },
    { content: 'Đề nghị sửa cống', field: 'Khác' },
  ]);
  const doc = JSON.parse(doubled.buffer.toString('utf8'));
  doc.petitions[1].id = doc.petitions[0].id;
  delete doc.checksum;
  doc.checksum = checksumOf(doc);
  await picker.setInputFiles([{ ...doubled, buffer: Buffer.from(JSON.stringify(doc)) }]);
  await expect(page.getByText('kien-nghi_thon-3.json').locator('..')).toContainText('Mã ở “petitions[1].id” trùng với mã ở “petitions[0].id”: cùng một kiến nghị có hai lần trong tệp.');

  // The tablet takes the commune's setup file saved as UTF-16.
  const tablet = await page.context().browser().newContext();
  const t = await tablet.newPage();
  await t.goto('./');
  const setup = readFileSync(fixture('setup-cam-quang.json'), 'utf8');
  await t.getByLabel('Chọn tệp thiết lập', { exact: true }).setInputFiles({ name: 'thiet-lap.json', mimeType: 'application/json', buffer: utf16(setup, { littleEndian: true, mark: true }) });
  await expect(t.getByText('Đã đọc tệp thiết lập của xã Cẩm Quang: 3 thôn, 6 lĩnh vực.')).toBeVisible();
  await tablet.close();
});

test('a refusal replaces the green "saved" of the save before it', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Đề nghị sửa đường' });
  await expect(page.getByRole('status').getByText('Đã lưu kiến nghị.')).toBeVisible();
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('alert')).toContainText('Chưa nhập nội dung kiến nghị.');
  await expect(page.getByText('Đã lưu kiến nghị.')).toHaveCount(0);
});
