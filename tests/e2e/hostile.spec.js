// Hostile text in every field and file never runs (issue 6, "Bad input"): markup, script,
// javascript: links, spreadsheet formulas, a right-to-left override and a 100,000-character
// text go into the office's setup (so into the commune setup file), the tablet's petitions
// and meeting, a village bundle written by hand, a group's name and the session's outcomes.
// On every page, printed ones too, `window.__pwned` stays undefined, no element of theirs
// exists, the text shows as written, and the report's .csv and .xlsx carry every formula
// as text.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { addPetition, checksumOf, petitionItems, setUpByHand, storedPetitions } from './fixtures/app.js';
import { asFile, downloaded } from './fixtures/office.js';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '"><svg onload=window.__pwned=1>';
const JS_URL = 'javascript:window.__pwned=1';
const LINK = '=HYPERLINK("http://x","y")';
const RTL = 'Thôn \u202Eđảo ngược';
// What is kept of it: a direction override is dropped wherever text enters (issue 19).
const RTL_KEPT = 'Thôn đảo ngược';
const LONG = 'Đ'.repeat(100_000);
const COMMUNE = `Cẩm Quang ${SCRIPT}`;
const ROAD = 'Đường liên thôn xuống cấp nhiều ổ gà, đề nghị xã sửa chữa';
const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'read_office_file.py');

const label = (page, text) => page.getByLabel(text, { exact: true });
const status = (page, text) => page.getByRole('status').getByText(text, { exact: true });

/** Nothing of the hostile text ran or became an element; no dialog opened. */
async function unharmed(page, where) {
  expect(await page.evaluate(() => window.__pwned), where).toBeUndefined();
  const planted = await page.evaluate(() => ({
    elements: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onmouseover], a[href^="javascript:"]').length,
    scripts: [...document.scripts].filter((s) => s.textContent.includes('__pwned')).length,
  }));
  expect(planted, where).toEqual({ elements: 0, scripts: 0 });
  expect(page.dialogs, where).toEqual([]);
}

/** Watches a page for dialogs (an injected alert would open one). */
function watch(page) {
  page.dialogs = [];
  page.on('dialog', (d) => {
    page.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  return page;
}

function pdfText(pdf) {
  const dir = mkdtempSync(path.join(tmpdir(), 'doithoai-hostile-'));
  const file = path.join(dir, 'printed.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** What Chromium prints of the page (the print dialog replaced, as session.spec.js does). */
async function printed(page, button) {
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole('button', { name: button }).click();
  await page.emulateMedia({ media: 'print' });
  const text = pdfText(await page.pdf({ preferCSSPageSize: true }));
  await unharmed(page, `printed: ${button}`);
  await page.emulateMedia({ media: 'screen' });
  return text;
}

/** RFC 4180 fields of a CSV text. */
function csvCells(text) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === '\n') {
      cells.push(cell.replace(/\r$/, ''));
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}

async function record(page, kind, fields) {
  const current = page.getByRole('region', { name: /^Câu \d+/ });
  await current.getByRole('radio', { name: kind, exact: true }).check();
  for (const [field, value] of Object.entries(fields)) {
    const box = label(current, field);
    if ((await box.evaluate((e) => e.tagName)) === 'SELECT') await box.selectOption(value);
    else await box.fill(value);
  }
  await current.getByRole('button', { name: 'Ghi kết quả' }).click();
  await expect(status(page, 'Đã ghi kết quả.')).toBeVisible();
}

test('hostile text in every field and file shows as text and never runs, in the pages, the prints and the exports', async ({ page, browser }) => {
  test.setTimeout(150_000);
  watch(page);
  await page.clock.setFixedTime(new Date('2026-09-05T03:00:00Z'));

  // The office types hostile text into its setup; the setup file carries it to the tablets.
  await page.goto('./office/');
  await expect(page.getByRole('heading', { name: 'Thiết lập cuộc đối thoại' })).toBeVisible();
  await label(page, 'Tên xã').fill(COMMUNE);
  await label(page, 'Tỉnh').fill(SVG);
  await label(page, 'Tên cuộc đối thoại').fill(IMG);
  await label(page, 'Số kế hoạch').fill(JS_URL);
  await label(page, 'Họp thôn từ ngày').fill('27/08/2026');
  await label(page, 'Họp thôn đến ngày').fill('02/09/2026');
  await label(page, 'Ngày đối thoại').fill('05/09/2026');
  await label(page, 'Địa điểm đối thoại').fill('=1+1');
  await label(page, 'Người chủ trì').fill('@SUM(1)');
  await label(page, 'Các thôn, tổ dân phố, ấp, bản').fill(`${LINK}; ${IMG}\n${SCRIPT}; -2+3\n${RTL}`);
  await label(page, 'Lĩnh vực').fill(`Đất đai\n+SUM(1)\n${SVG}`);
  await label(page, 'Bộ phận chuẩn bị trả lời').fill('Địa chính\n@SUM(1)');
  await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(status(page, 'Đã lưu thiết lập.')).toBeVisible();
  await unharmed(page, 'office setup');
  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  const setupDoc = JSON.parse(setup.text);
  expect(setupDoc.villages.map((v) => v.name)).toEqual([LINK, SCRIPT, RTL_KEPT]);

  // Thôn "=HYPERLINK(…)" sets its tablet up from the file.
  const tabletContext = await browser.newContext();
  const tablet = watch(await tabletContext.newPage());
  await tablet.goto('./');
  await label(tablet, 'Chọn tệp thiết lập').setInputFiles(asFile('thiet-lap.json', setup.text));
  await label(tablet, 'Thôn của bạn').selectOption(LINK);
  await unharmed(tablet, 'tablet welcome');
  await tablet.getByRole('button', { name: 'Bắt đầu' }).first().click();
  await expect(tablet.getByRole('banner')).toContainText(`${LINK} · ${COMMUNE}`);

  // A 100,000-character text stops at the box's limit, 10,000 characters (edges.spec.js
  // pastes a million).
  await label(tablet, 'Nội dung').fill(LONG);
  expect((await label(tablet, 'Nội dung').inputValue()).length).toBe(10_000);
  await addPetition(tablet, { content: `${LINK} ${IMG} ${ROAD}`, field: '+SUM(1)', names: `${IMG}\n${RTL}`, address: JS_URL, backers: 3 });
  await addPetition(tablet, { content: `=1+1 ${SVG} thu tiền sai quy định`, field: SVG, kind: 'Khiếu nại', names: 'Người Tố Cáo Kín', confidential: true });
  await addPetition(tablet, { content: `@SUM(1) ${SCRIPT} thiếu đèn chiếu sáng`, field: 'Đất đai' });
  await addPetition(tablet, { content: '\t=1 xin hỗ trợ giống lúa', field: 'Đất đai' });
  const items = petitionItems(tablet);
  await expect(items).toHaveCount(4);
  await expect(items.filter({ hasText: `${LINK} ${IMG}` })).toContainText(RTL_KEPT);
  expect(JSON.stringify(await storedPetitions(tablet))).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B]/);
  await expect(items.filter({ hasText: SCRIPT })).toHaveCount(1);
  await unharmed(tablet, 'tablet petitions');

  await tablet.getByRole('link', { name: 'Họp thôn' }).click();
  await label(tablet, 'Ngày họp (ngày/tháng/năm)').fill('27/08/2026');
  await label(tablet, 'Địa điểm').fill(SVG);
  await label(tablet, 'Người chủ trì').fill(JS_URL);
  await label(tablet, 'Họ tên 1').fill(IMG);
  await label(tablet, 'Họ tên 1').blur();
  await expect(tablet.getByRole('status').getByText('Đã lưu thông tin cuộc họp.')).toBeVisible();
  await tablet.reload();
  await expect(label(tablet, 'Họ tên 1')).toHaveValue(IMG);
  await unharmed(tablet, 'tablet meeting');
  await tablet.getByRole('link', { name: 'Gửi về xã' }).click();
  const exported = await downloaded(tablet, 'Tải tệp về máy');
  await unharmed(tablet, 'tablet export');
  await tabletContext.close();

  // Thôn "<script>…" sends a bundle written by hand; a third file holds a 100,000-character text.
  let n = 0;
  const handWritten = (content, extra = {}) => {
    const doc = {
      format: 'doithoai.village-bundle',
      version: 1,
      app_version: SCRIPT,
      exported_at: '2026-08-30T09:00:00Z',
      device_id: '7d3c1f2a-0b4e-4c6d-8e9f-1a2b3c4d5e6f',
      sequence: 1,
      commune: COMMUNE,
      village: { code: setupDoc.villages[1].code, name: SCRIPT, head: IMG },
      meeting: { date: '2026-08-29', place: IMG, chair: SVG, attendance: 5, attendees: [{ name: LINK, role: SCRIPT }] },
      petitions: content.map((c) => ({
        id: `9a0c${String((n += 1)).padStart(4, '0')}-7a1e-4c2b-9d3f-0e8a6b4c2d1f`,
        revision: 1,
        created_at: '2026-08-29T01:00:00Z',
        updated_at: '2026-08-29T01:00:00Z',
        content: c,
        field: '=1+1',
        kind: 'kien_nghi',
        petitioners: [RTL, SVG],
        address: SCRIPT,
        phone: '',
        backers: 2,
        confidential: false,
        merged_from: [],
        status: 'active',
      })),
      ...extra,
    };
    doc.checksum = checksumOf(doc);
    return JSON.stringify(doc, null, 2);
  };
  // A fourth, whose file name and village name hold a right-to-left override, is refused.
  const unknownVillage = { village: { code: 'thon-la', name: `${RTL} lạ`, head: '' } };
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await label(page, 'Chọn các tệp…').setInputFiles([
    asFile(exported.name, exported.text),
    asFile(`${IMG}.json`, handWritten([`-2+3 ${SVG} ${ROAD}`, `${RTL} ${JS_URL}`])),
    asFile('dai.json', handWritten([LONG])),
    asFile(`${RTL}.json`, handWritten(['Thôn lạ gửi nhầm'], unknownVillage)),
  ]);
  await expect(status(page, 'Đã nhận 2/4 tệp.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'dai.json' })).toContainText('Giá trị của trường “petitions[0].content” không hợp lệ.');
  // The override is dropped where the summary echoes the names, so it cannot turn the
  // rest of the line around: the reason reads as written.
  const reversed = page.getByRole('listitem').filter({ hasText: 'không có trong danh sách thôn' });
  await expect(reversed).toHaveText(
    'Thôn đảo ngược.json: Thôn “Thôn đảo ngược lạ” không có trong danh sách thôn của xã (trang Thiết lập). Hãy thêm thôn hoặc kiểm tra tệp.',
  );
  const bidi = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
  expect(await page.getByRole('region', { name: 'Kết quả nhận tệp' }).evaluate((e, re) => new RegExp(re).test(e.textContent), bidi.source)).toBe(false);
  await unharmed(page, 'office import');

  // The list, with every text as written.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('6 kiến nghị', { exact: true })).toBeVisible();
  for (const text of [`${LINK} ${IMG}`, `=1+1 ${SVG}`, `@SUM(1) ${SCRIPT}`, `-2+3 ${SVG}`, `${RTL_KEPT} ${JS_URL}`]) {
    await expect(page.getByText(text).first()).toBeVisible();
  }
  await page.getByRole('button', { name: new RegExp(RTL_KEPT) }).first().click();
  await expect(page.getByRole('heading', { name: `Kiến nghị — ${SCRIPT}` })).toBeVisible();
  await unharmed(page, 'office list');

  // A group named with markup.
  await page.getByRole('link', { name: 'Nhóm vấn đề' }).click();
  await page.getByRole('button', { name: 'Gợi ý nhóm' }).click();
  const suggestion = page.getByRole('article').filter({ hasText: 'Gợi ý 1: 2 kiến nghị' });
  await expect(suggestion).toBeVisible();
  await label(suggestion, 'Tên nhóm').fill(`${SVG} ${ROAD}`);
  await label(suggestion, 'Lĩnh vực').selectOption('+SUM(1)');
  await suggestion.getByRole('button', { name: 'Xác nhận nhóm' }).click();
  await expect(status(page, 'Đã tạo nhóm.')).toBeVisible();
  await expect(page.getByRole('heading', { name: `${SVG} ${ROAD}` })).toBeVisible();
  await unharmed(page, 'office groups');

  // The session: outcomes with formulas, the projector in its own window.
  await page.getByRole('link', { name: 'Phiên đối thoại' }).click();
  await page.getByRole('button', { name: 'Lập danh sách câu hỏi' }).click();
  await page.getByRole('button', { name: 'Bắt đầu phiên đối thoại' }).click();
  await expect(status(page, 'Phiên đối thoại đã bắt đầu.')).toBeVisible();
  const projector = watch(await page.context().newPage());
  await projector.goto('./office/#/may-chieu');
  await expect(projector.getByText(/^Câu 1\/\d+/)).toBeVisible();
  await record(page, 'Trả lời tại chỗ', { 'Tóm tắt câu trả lời': `${LINK} ${IMG}`, 'Người trả lời': '=1+1' });
  await expect(projector.getByText(`${LINK} ${IMG}`)).toBeVisible();
  await unharmed(projector, 'projector');
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await record(page, 'Chuyển cấp trên', { 'Cơ quan có thẩm quyền': `@SUM(1) ${SCRIPT}`, 'Báo cho người kiến nghị trước ngày': '20/10/2026' });
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await record(page, 'Trả lời sau', { 'Bộ phận trả lời': '@SUM(1)', 'Cán bộ phụ trách': `-2+3 ${SVG}` });
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await record(page, 'Không thuộc nội dung', { 'Lý do không trả lời tại hội nghị': `+SUM(1) ${IMG}` });
  await page.getByRole('button', { name: 'Câu tiếp theo' }).click();
  await record(page, 'Rút lại', {});
  await unharmed(page, 'session');
  await unharmed(projector, 'projector');
  await page.getByRole('button', { name: 'Kết thúc phiên và lập biên bản' }).click();
  await page.getByRole('button', { name: 'Kết thúc phiên', exact: true }).click();
  await expect(status(page, 'Phiên đối thoại đã kết thúc. Biên bản số 01/BB-UBND.')).toBeVisible();
  const minutes = page.getByRole('article', { name: 'BIÊN BẢN' });
  await expect(minutes).toContainText(`${LINK} ${IMG}`);
  await expect(minutes).toContainText(`@SUM(1) ${SCRIPT}`);
  await unharmed(page, 'minutes');
  await page.emulateMedia({ media: 'print' });
  const minutesPdf = pdfText(await page.pdf({ preferCSSPageSize: true }));
  await page.emulateMedia({ media: 'screen' });
  // Compared without white space: a long line may wrap anywhere in print.
  const squeezed = (text) => text.replace(/\s+/g, '');
  expect(squeezed(minutesPdf)).toContain(squeezed(IMG));
  expect(minutesPdf).not.toContain('Người Tố Cáo Kín');
  await unharmed(page, 'minutes printed');

  // The report, printed and saved; its files carry every formula as text.
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await label(page, 'Kính gửi').fill(`${IMG} =1+1`);
  await label(page, 'Ngày báo cáo').fill('25/09/2026');
  await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await expect(status(page, 'Đã lưu báo cáo.')).toBeVisible();
  const report = page.getByRole('article', { name: 'BÁO CÁO' });
  await expect(report).toContainText(LINK);
  await expect(report).toContainText(`@SUM(1) ${SCRIPT}`);
  await unharmed(page, 'report');
  const reportPdf = await printed(page, 'In báo cáo (A4)');
  expect(squeezed(reportPdf)).toContain(squeezed(LINK));

  const saved = async (button) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    const dir = mkdtempSync(path.join(tmpdir(), 'doithoai-hostile-file-'));
    const copy = path.join(dir, file.suggestedFilename().replace(/[^A-Za-z0-9._-]/g, '_'));
    writeFileSync(copy, readFileSync(await file.path()));
    return copy;
  };
  const book = JSON.parse(execFileSync('python3', [READER, await saved('Lưu tệp Excel (.xlsx)')], { encoding: 'utf8' }));
  expect(book.formulas).toBe(0);
  const cells = Object.values(book.sheets).flat(2).filter((c) => typeof c === 'string');
  for (const text of [LINK, '+SUM(1)', `@SUM(1) ${SCRIPT}`, `-2+3 ${SVG}`]) {
    expect(cells.some((c) => c.includes(text)), text).toBe(true);
  }
  const csvPath = await saved('Lưu tệp CSV');
  const csv = readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '');
  const fields = csvCells(csv);
  const risky = fields.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+$/.test(c));
  expect(risky).toEqual([]);
  for (const text of [LINK, '+SUM(1)', '@SUM(1)']) {
    expect(fields.some((c) => c.startsWith(`'${text}`)), text).toBe(true);
  }
  expect(csv).not.toContain('Người Tố Cáo Kín');
  await unharmed(page, 'report saved');
  await unharmed(projector, 'projector at the end');
});

test('invisible and direction characters pasted into a petition are pointed out and dropped on saving', async ({ page }) => {
  await setUpByHand(page);
  const box = page.getByLabel('Nội dung', { exact: true });
  // As copied from a chat: a zero-width space, a direction override, a byte-order mark.
  await box.fill('Đường\u200B bị ngập \u202Eở xóm Bàu\uFEFF');
  const said = page.getByText('Có ký tự ẩn (đảo chiều chữ, khoảng trắng không độ rộng): sẽ được bỏ khi lưu.');
  await expect(said).toBeVisible();
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu kiến nghị.')).toBeVisible();
  await expect(said).toHaveCount(0);
  const [stored] = Object.values(await storedPetitions(page));
  expect(stored.content).toBe('Đường bị ngập ở xóm Bàu');
  await expect(petitionItems(page).first()).toContainText('Đường bị ngập ở xóm Bàu');
});
