// Dialogue after dialogue (issue 16): the office holds its 2026 dialogue to the end, closes
// it with two matters still open, and opens the 2027 one from it. The open matters are
// on the 2027 queue and follow-up board, saying where they were first raised; 2026 stays
// whole and read-only, its minutes unchanged; nothing is closed twice, even from two tabs.
import { test, expect } from '@playwright/test';
import { addPetition, petitionItems, seriousViolations } from './fixtures/app.js';
import { asFile, deafWhenAsked, downloaded, setUpOffice, villageBundle, villageTablet } from './fixtures/office.js';
import { ANSWERED, FORWARDED, LATER, label, runSession, status } from './fixtures/session.js';

const TITLE_2026 = 'Đối thoại giữa Chủ tịch UBND xã với nhân dân năm 2026';
const TITLE_2027 = 'Đối thoại giữa Chủ tịch UBND xã với nhân dân năm 2027';

/** The office after its 2026 session: three petitions, one answered on the spot, one to
 * be answered later by Địa chính, one forwarded to the province; the session finished. */
async function held2026(page) {
  await setUpOffice(page);
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await label(page, 'Chọn các tệp…').setInputFiles([
    villageBundle({ code: 'thon-1', name: 'Thôn 1' }, [
      { content: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ', field: 'Đất đai', names: ['Hồ Thị Mai'] },
      { content: 'Đề nghị nâng cấp quốc lộ qua địa bàn', field: 'Xây dựng cơ bản', backers: 50 },
      { content: 'Sân chơi cho trẻ em còn thiếu', field: 'Văn hóa - Xã hội' },
    ]),
  ]);
  await expect(status(page, 'Đã nhận 1/1 tệp.')).toBeVisible();
  await runSession(page, [LATER, FORWARDED, ANSWERED('Xã bố trí quỹ đất làm sân chơi')]);
}

async function minutesText(page) {
  await page.getByRole('link', { name: 'Biên bản', exact: true }).click();
  const minutes = page.getByRole('article', { name: 'BIÊN BẢN' });
  await expect(minutes).toContainText('Số: 01/BB-UBND');
  return minutes.innerText();
}

/** On the dialogues page: confirms the list of matters to carry and fills the next one. */
async function fillClosing(page) {
  await page.getByRole('link', { name: 'Các cuộc đối thoại' }).click();
  await page.getByRole('checkbox', { name: 'Tôi đã xem danh sách 2 vấn đề sẽ chuyển sang cuộc đối thoại mới.' }).check();
  await label(page, 'Tên cuộc đối thoại').fill(TITLE_2027);
  await label(page, 'Số kế hoạch').fill('150/KH-UBND');
  await label(page, 'Ngày đối thoại').fill('04/09/2027');
}

test('the 2026 dialogue is closed with its open matters carried into 2027, and stays readable unchanged', async ({ page }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-12-07T03:00:00Z'));
  await held2026(page);
  const minutes2026 = await minutesText(page);

  await page.getByRole('link', { name: 'Các cuộc đối thoại' }).click();
  await expect(page.getByText('Chưa có cuộc đối thoại nào kết thúc.')).toBeVisible();
  // The two matters still open are listed before anything is closed.
  const carried = page.locator('.carried-list li');
  await expect(carried).toHaveCount(2);
  await expect(carried.nth(0)).toContainText('Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ');
  await expect(carried.nth(0)).toContainText('(quá hạn)');
  await expect(carried.nth(1)).toContainText('Sở Xây dựng tỉnh Hà Tĩnh');
  // Without the confirmation, nothing is closed.
  await label(page, 'Tên cuộc đối thoại').fill(TITLE_2027);
  await page.getByRole('button', { name: 'Kết thúc và mở cuộc đối thoại mới' }).click();
  await expect(page.getByRole('alert')).toHaveText('Hãy đánh dấu đã xem danh sách các vấn đề sẽ chuyển sang trước khi kết thúc.');
  // A thematic dialogue needs its theme.
  await fillClosing(page);
  await label(page, 'Loại đối thoại').selectOption({ label: 'Đối thoại chuyên đề' });
  await page.getByRole('button', { name: 'Kết thúc và mở cuộc đối thoại mới' }).click();
  await expect(page.getByRole('alert')).toHaveText('Đối thoại chuyên đề cần ghi chủ đề.');
  await label(page, 'Loại đối thoại').selectOption({ label: 'Đối thoại định kỳ hằng năm' });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Kết thúc và mở cuộc đối thoại mới' }).click();
  await expect(
    status(page, `Đã kết thúc “${TITLE_2026}” (2 vấn đề chuyển sang). Đã mở “${TITLE_2027}”: hãy xuất tệp thiết lập mới cho các thôn.`),
  ).toBeVisible();

  // 2027 is under way, and survives a reload; 2026 is on the list of closed dialogues.
  await page.reload();
  await expect(page.locator('.current-dialogue')).toContainText(TITLE_2027);
  const closedRow = page.getByRole('row', { name: new RegExp(TITLE_2026) });
  await expect(closedRow).toContainText('05/09/2026');
  await expect(closedRow.getByRole('cell').nth(3)).toHaveText('3');
  await expect(closedRow.getByRole('cell').nth(4)).toHaveText('2');
  // Closing again at once is not offered: 2027's session has not been held.
  await expect(page.getByText('Chỉ kết thúc được cuộc đối thoại sau khi phiên đối thoại đã được tổ chức và kết thúc')).toBeVisible();

  // The setup carried the commune and villages, and has the new title and plan.
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await expect(label(page, 'Tên xã')).toHaveValue('Cẩm Quang');
  await expect(label(page, 'Tên cuộc đối thoại')).toHaveValue(TITLE_2027);
  await expect(label(page, 'Số kế hoạch')).toHaveValue('150/KH-UBND');
  await expect(label(page, 'Các thôn, tổ dân phố, ấp, bản')).toHaveValue(/^Thôn 1; Nguyễn Văn Hùng/);

  // No petition of 2026 in 2027's list; the open matters are first on its queue.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('Đề nghị nâng cấp quốc lộ qua địa bàn')).toHaveCount(0);
  await page.getByRole('link', { name: 'Phiên đối thoại' }).click();
  const queue = page.getByRole('region', { name: /^Danh sách câu hỏi/ }).getByRole('listitem');
  await expect(queue).toHaveCount(2);
  await expect(queue.nth(0)).toContainText('Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ');
  await expect(queue.nth(0)).toContainText(`Chuyển từ “${TITLE_2026}” (nêu ngày 05/09/2026; Thôn 1); hạn ban đầu 05/10/2026`);
  // And on the follow-up board, counted against their first due dates.
  await page.getByRole('link', { name: 'Theo dõi trả lời' }).click();
  const rows = page.getByRole('region', { name: 'Theo dõi trả lời sau đối thoại' }).getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Quá hạn');
  await expect(rows.nth(0)).toContainText(`Chuyển từ “${TITLE_2026}”`);
  expect(await seriousViolations(page)).toEqual([]);

  // 2026 opened read-only: its petitions, its minutes as they were; no change taken.
  await page.getByRole('link', { name: 'Các cuộc đối thoại' }).click();
  await closedRow.getByRole('button', { name: 'Xem' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Đang xem cuộc đối thoại đã kết thúc: “${TITLE_2026}”` })).toBeVisible();
  await expect(page.getByText('Đề nghị nâng cấp quốc lộ qua địa bàn')).toBeVisible();
  expect(await minutesText(page)).toBe(minutes2026);
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  await expect(label(page, 'Tên cuộc đối thoại')).toHaveValue(TITLE_2026);
  await page.getByRole('button', { name: 'Lưu thiết lập' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Đây là cuộc đối thoại đã kết thúc, chỉ để xem: không sửa được.' })).toBeVisible();
  await page.getByRole('button', { name: 'Trở về cuộc đối thoại hiện tại' }).click();
  await expect(label(page, 'Tên cuộc đối thoại')).toHaveValue(TITLE_2027);
  await page.reload();
  await expect(label(page, 'Tên cuộc đối thoại')).toHaveValue(TITLE_2027);
  await page.getByRole('link', { name: 'Các cuộc đối thoại' }).click();
  await page.getByRole('row', { name: new RegExp(TITLE_2026) }).getByRole('button', { name: 'Xem' }).click();
  expect(await minutesText(page)).toBe(minutes2026);
});

test('two office tabs closing the same dialogue at once close it once', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(new Date('2026-12-07T03:00:00Z'));
  await held2026(page);
  // The second tab has the dialogues page filled in, and misses the first tab's news (a
  // background tab the browser froze): its copy still shows 2026 under way.
  const other = await context.newPage();
  await other.addInitScript(deafWhenAsked);
  await other.clock.setFixedTime(new Date('2026-12-07T03:00:00Z'));
  await other.goto('./office/#/doi-thoai');
  await fillClosing(other);
  await other.evaluate(() => (window.__deaf = true));
  await fillClosing(page);
  await page.getByRole('button', { name: 'Kết thúc và mở cuộc đối thoại mới' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã kết thúc' })).toBeVisible();
  // Its close is refused as stale, and it then shows what the first tab made.
  await expect(other.locator('.current-dialogue')).toContainText(TITLE_2026);
  await other.getByRole('button', { name: 'Kết thúc và mở cuộc đối thoại mới' }).click();
  await expect(other.getByRole('alert').filter({ hasText: 'Một cửa sổ khác của ứng dụng vừa lưu thay đổi' })).toBeVisible();
  await expect(other.locator('.current-dialogue')).toContainText(TITLE_2027);
  for (const p of [page, other]) {
    await p.reload();
    await expect(p.getByRole('row', { name: new RegExp(TITLE_2026) })).toHaveCount(1);
    await expect(p.locator('.current-dialogue')).toContainText(TITLE_2027);
  }
  // One 2027 dialogue, not two: the list holds 2026 alone.
  await expect(page.locator('table.dialogues tbody tr')).toHaveCount(1);
});

/** On a tablet: picks a file on the results page (results, or the commune's setup file). */
async function pickOnResults(t, file) {
  await t.getByRole('link', { name: 'Gửi về xã' }).click();
  await t.getByRole('link', { name: 'Nhận tệp kết quả…' }).click();
  await t.getByLabel('Nhận kết quả từ xã', { exact: true }).setInputFiles(asFile(file.name, file.text));
}

test('two dialogues on one office and two tablets: the tablets start the 2027 round, the old round stays theirs', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await page.clock.setFixedTime(new Date('2026-09-20T03:00:00Z'));
  await setUpOffice(page);
  const setup2026 = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  const a = await villageTablet(browser, setup2026.text, 'Thôn 1', [
    { content: 'Đề nghị sửa đường liên thôn đoạn qua xóm 3', field: 'Xây dựng cơ bản' },
    { content: 'Thiếu đèn chiếu sáng ngã ba chợ', field: 'Đất đai' },
  ]);
  const b = await villageTablet(browser, setup2026.text, 'Thôn 2', [{ content: 'Rác thải không được thu gom thường xuyên', field: 'Khác' }]);
  // Each tablet says which dialogue its round is for.
  await expect(a.page.getByRole('banner')).toContainText(TITLE_2026);
  const bundleA = await a.exportBundle();
  const bundleB = await b.exportBundle();
  expect(JSON.parse(bundleA.text).version).toBe(2);
  expect(JSON.parse(bundleA.text).dialogue.title).toBe(TITLE_2026);
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await label(page, 'Chọn các tệp…').setInputFiles([asFile(bundleA.name, bundleA.text), asFile(bundleB.name, bundleB.text)]);
  await expect(status(page, 'Đã nhận 2/2 tệp.')).toBeVisible();

  // The 2026 session: the lights are left to Địa chính, the rest answered.
  await runSession(page, [
    LATER,
    ANSWERED('Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV'),
    ANSWERED('Xã bố trí xe thu gom hai lần mỗi tuần'),
  ]);
  await page.getByRole('link', { name: 'Theo dõi trả lời' }).click();
  const results = page.getByRole('region', { name: 'Gửi kết quả về các thôn' });
  await label(results, 'Thôn').selectOption('Thôn 1');
  const results2026 = await downloaded(page, 'Xuất tệp kết quả');
  await pickOnResults(a.page, results2026);
  await expect(a.page.getByRole('status')).toContainText('Đã nhận kết quả từ xã');

  // The office closes 2026 on 07/12 and opens 2027.
  await page.clock.setFixedTime(new Date('2026-12-07T03:00:00Z'));
  await page.reload();
  await page.getByRole('link', { name: 'Các cuộc đối thoại' }).click();
  await page.getByRole('checkbox', { name: 'Tôi đã xem danh sách 1 vấn đề sẽ chuyển sang cuộc đối thoại mới.' }).check();
  await label(page, 'Tên cuộc đối thoại').fill(TITLE_2027);
  await label(page, 'Ngày đối thoại').fill('04/09/2027');
  await page.getByRole('button', { name: 'Kết thúc và mở cuộc đối thoại mới' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Đã kết thúc' })).toBeVisible();
  await page.getByRole('link', { name: 'Thiết lập' }).click();
  const setup2027 = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  expect(JSON.parse(setup2027.text).dialogue.title).toBe(TITLE_2027);

  // Tablet A sent everything: it starts the 2027 round at once (on 07/12 too).
  for (const t of [a.page, b.page]) await t.clock.setFixedTime(new Date('2026-12-07T03:00:00Z'));
  await pickOnResults(a.page, setup2027);
  const confirm = a.page.getByRole('alertdialog');
  await expect(confirm).toContainText(`Tệp thiết lập này là của cuộc đối thoại mới: “${TITLE_2027}”.`);
  await expect(confirm).toContainText(`2 kiến nghị của “${TITLE_2026}” được cất vào lịch sử`);
  await expect(confirm).not.toContainText('chưa gửi về xã');
  await confirm.getByRole('button', { name: 'Bắt đầu vòng mới' }).click();
  await expect(a.page.getByRole('status')).toContainText(`Đã bắt đầu vòng thu thập mới: “${TITLE_2027}”.`);
  await expect(a.page.getByRole('banner')).toContainText(TITLE_2027);
  await expect(petitionItems(a.page)).toHaveCount(0);
  // The 2026 round is still readable, with its results.
  await a.page.getByRole('link', { name: 'Gửi về xã' }).click();
  await a.page.getByRole('link', { name: 'Nhận tệp kết quả…' }).click();
  await a.page.getByRole('link', { name: 'Các vòng thu thập trước' }).click();
  const past = a.page.locator('details.round');
  await expect(past).toHaveCount(1);
  await expect(past.locator('summary')).toContainText(`${TITLE_2026} — kết thúc 07/12/2026 — 2 kiến nghị`);
  await past.locator('summary').click();
  await expect(past).toContainText('Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV');
  // The 2026 results are not the 2027 round's.
  await pickOnResults(a.page, results2026);
  await expect(a.page.getByRole('alert')).toContainText(`Tệp này thuộc cuộc đối thoại “${TITLE_2026}”, không phải vòng thu thập hiện tại của máy này.`);

  // Tablet B changed a petition after its export: warned, it sends the old round first.
  await b.page.getByRole('link', { name: 'Kiến nghị', exact: true }).click();
  await addPetition(b.page, { content: 'Cống thoát nước xóm 2 bị tắc', field: 'Khác' });
  await pickOnResults(b.page, setup2027);
  await expect(b.page.getByRole('alertdialog')).toContainText('Chú ý: 1 kiến nghị có thay đổi chưa gửi về xã.');
  await b.page.getByRole('alertdialog').getByRole('link', { name: 'Gửi tệp vòng cũ trước' }).click();
  const late2026 = await b.exportBundle();
  // The office, now on 2027, refuses the old round's file and keeps nothing of it.
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await label(page, 'Chọn các tệp…').setInputFiles([asFile(late2026.name, late2026.text)]);
  await expect(page.getByText(`Tệp này thuộc cuộc đối thoại “${TITLE_2026}”, không phải cuộc đối thoại hiện tại “${TITLE_2027}”.`)).toBeVisible();
  await pickOnResults(b.page, setup2027);
  await b.page.getByRole('alertdialog').getByRole('button', { name: 'Bắt đầu vòng mới' }).click();
  await expect(b.page.getByRole('banner')).toContainText(TITLE_2027);

  // 2027's petitions come in; the office's queue has them after the matter carried over.
  await a.page.getByRole('link', { name: 'Kiến nghị', exact: true }).click();
  await addPetition(a.page, { content: 'Đề nghị làm sân chơi cho trẻ em thôn 1', field: 'Văn hóa - Xã hội' });
  const bundle2027 = await a.exportBundle();
  expect(JSON.parse(bundle2027.text).petitions).toHaveLength(1);
  await label(page, 'Chọn các tệp…').setInputFiles([asFile(bundle2027.name, bundle2027.text)]);
  await expect(status(page, 'Đã nhận 1/1 tệp.')).toBeVisible();
  await page.getByRole('link', { name: 'Phiên đối thoại' }).click();
  await page.getByRole('button', { name: 'Lập danh sách câu hỏi' }).click();
  const queue = page.getByRole('region', { name: /^Danh sách câu hỏi/ }).getByRole('listitem');
  await expect(queue).toHaveCount(2);
  await expect(queue.nth(0)).toContainText('Thiếu đèn chiếu sáng ngã ba chợ');
  await expect(queue.nth(0)).toContainText(`Chuyển từ “${TITLE_2026}”`);
  await expect(queue.nth(1)).toContainText('Đề nghị làm sân chơi cho trẻ em thôn 1');

  // The list searches every dialogue: the road raised in 2026 shows as raised before.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await label(page, 'Tìm trong mọi năm').fill('duong lien thon');
  const history = page.getByRole('region', { name: 'Tìm trong mọi cuộc đối thoại' });
  await expect(history.getByRole('status')).toHaveText(`1 kiến nghị — ${TITLE_2026}: 1`);
  await expect(history.getByRole('listitem')).toContainText('Đề nghị sửa đường liên thôn đoạn qua xóm 3');
  // The report compares 2027 with 2026.
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await expect(page.getByText('5. So sánh với cuộc đối thoại trước')).toBeVisible();
  await expect(page.getByText(`So với “${TITLE_2026}” (năm 2026), số ý kiến, kiến nghị nhận được giảm 2 (1 so với 3)`)).toBeVisible();
  await a.context.close();
  await b.context.close();
});
