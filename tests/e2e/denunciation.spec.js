// A denunciation (tố cáo) through a whole dialogue (issue 19): the Law on Denunciation
// keeps the denouncer and whatever could reveal them confidential, so it is no question of
// the public session. The office follows it on its own track; the hall, the public notice,
// the villages' results file and the report's lists never see its words.
import { test, expect } from '@playwright/test';
import { seriousViolations } from './fixtures/app.js';
import { asFile, downloaded, setUpOffice, villageTablet } from './fixtures/office.js';
import { ANSWERED, label, next, record, status } from './fixtures/session.js';
import { printedPdf } from './fixtures/print.js';

const ROAD = 'Đề nghị sửa đường liên thôn đoạn qua xóm 3';
const SECRET = 'Tố cáo ông trưởng ban quản lý chợ thu phí của tiểu thương không đưa biên lai';
const WHO = 'Người Tố Cáo Kín';
const PHONE = '0912345678';
const MENTION = 'UBND xã đã nhận một đơn tố cáo và đã chuyển người có thẩm quyền giải quyết theo Luật Tố cáo.';
// What of the denunciation could give it or its author away.
const REVEALING = [SECRET, 'ban quản lý chợ', 'biên lai', WHO, PHONE];

/** Every frame the projector window is sent, recorded as it arrives. */
function recordFrames() {
  window.projectorFrames = [];
  const Real = window.BroadcastChannel;
  window.BroadcastChannel = class extends Real {
    constructor(name) {
      super(name);
      this.addEventListener('message', (e) => window.projectorFrames.push(String(e.data)));
    }
  };
}

test("a denunciation follows its own track and its words reach no public output", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Thursday 03/09/2026, 09:00 in Vietnam.
  await page.clock.setFixedTime(new Date('2026-09-03T02:00:00Z'));
  await setUpOffice(page);
  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  const tablet = await villageTablet(browser, setup.text, 'Thôn 1', [
    { content: ROAD, field: 'Xây dựng cơ bản', names: 'Hồ Thị Mai', backers: 12 },
    { content: SECRET, field: 'Khác', kind: 'Tố cáo', names: WHO, phone: PHONE },
  ]);
  const bundle = await tablet.exportBundle();
  await tablet.context.close();
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await label(page, 'Chọn các tệp…').setInputFiles([asFile(bundle.name, bundle.text)]);
  await expect(status(page, 'Đã nhận 1/1 tệp.')).toBeVisible();

  // The office opens it: the law it follows, the due date, its track.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByRole('button', { name: new RegExp(`^${SECRET.slice(0, 30)}`) }).click();
  const track = page.getByRole('region', { name: 'Đơn tố cáo – xử lý theo quy trình riêng' });
  await expect(track).toContainText('không đưa ra phiên đối thoại');
  // Received on Thursday: five working days, Friday to the next Thursday.
  await expect(track).toContainText('Hạn chuyển đơn và thông báo người tố cáo: 10/09/2026.');
  // The office may mention it at the session, but not in the denunciation's words.
  await label(track, 'Nêu chung tại phiên đối thoại (không bắt buộc)').fill('Có đơn tố cáo trưởng ban quản lý chợ thu phí');
  await track.getByRole('button', { name: 'Lưu theo dõi đơn tố cáo' }).click();
  await expect(page.getByRole('alert')).toContainText('đang chép lại lời trong đơn tố cáo');
  await label(track, 'Nêu chung tại phiên đối thoại (không bắt buộc)').fill(MENTION);
  await label(track, 'Ngày chuyển đơn').fill('03/09/2026');
  await track.getByRole('button', { name: 'Lưu theo dõi đơn tố cáo' }).click();
  await expect(page.getByRole('alert')).toContainText('Hãy ghi đơn đã chuyển cho ai');
  await label(track, 'Đã chuyển cho (người có thẩm quyền giải quyết)').fill('Chủ tịch UBND huyện');
  await track.getByRole('button', { name: 'Lưu theo dõi đơn tố cáo' }).click();
  await expect(status(page, 'Đã lưu theo dõi đơn tố cáo.')).toBeVisible();
  await track.screenshot({ path: testInfo.outputPath('track-1366.png') });
  expect(await seriousViolations(page)).toEqual([]);
  // A denunciation joins no group.
  await expect(page.getByLabel('Đưa vào nhóm có sẵn', { exact: true })).toHaveCount(0);

  // The compiled list for the Fatherland Front and the departments (issue 17) leaves it
  // out and says so.
  const list = await printedPdf(page, 'In bảng tổng hợp (A4)');
  expect(list.text).toContain('BẢNG TỔNG HỢP Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN');
  // The first words of its cell (pdftotext lays a wrapped cell out beside its row's).
  expect(list.text).toContain('Đề nghị sửa đường liên thôn');
  expect(list.text).toContain('Tổng số: 1 ý kiến, kiến nghị.');
  expect(list.text.replace(/\s+/g, ' ')).toContain('Không đưa vào bảng 1 đơn tố cáo');
  expect(list.text).toContain('Bảng tổng hợp chưa thống nhất với Ủy ban MTTQ Việt Nam xã.');
  for (const s of REVEALING) expect(list.text, s).not.toContain(s);
  expect(list.text).not.toContain('Hồ Thị Mai');
  expect(list.text).not.toContain('Tổng hợp ý kiến, kiến nghị');

  // The session: the road, and the office's general words; the projector records every
  // frame it is sent.
  await page.getByRole('link', { name: 'Phiên đối thoại' }).click();
  await page.getByRole('button', { name: 'Lập danh sách câu hỏi' }).click();
  await expect(status(page, 'Đã thêm 2 câu hỏi vào danh sách.')).toBeVisible();
  const queue = page.getByRole('region', { name: /^Danh sách câu hỏi/ });
  await expect(queue).toContainText(MENTION);
  for (const s of REVEALING) await expect(queue).not.toContainText(s);
  const projector = await page.context().newPage();
  await projector.addInitScript(recordFrames);
  await projector.goto('./office/#/may-chieu');
  await page.getByRole('button', { name: 'Bắt đầu phiên đối thoại' }).click();
  await expect(projector.getByText('Câu 1/2')).toBeVisible();
  await record(page, ANSWERED('Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV'));
  await next(page);
  await expect(projector.getByText(MENTION)).toBeVisible();
  await expect(page.getByRole('region', { name: /^Câu 2/ })).toContainText('Giữ bí mật danh tính (Tố cáo – nêu chung)');
  await record(page, ANSWERED('Đơn được giải quyết theo Luật Tố cáo; người tố cáo được thông báo kết quả.'));
  await page.getByRole('button', { name: 'Kết thúc phiên và lập biên bản' }).click();
  await page.getByRole('button', { name: 'Kết thúc phiên', exact: true }).click();
  await expect(status(page, 'Phiên đối thoại đã kết thúc. Biên bản số 01/BB-UBND.')).toBeVisible();
  const frames = await projector.evaluate(() => window.projectorFrames);
  expect(frames.length).toBeGreaterThan(3);
  for (const s of REVEALING) expect(frames.join('\n'), s).not.toContain(s);
  const minutes = page.getByRole('article', { name: 'BIÊN BẢN' });
  await expect(minutes).toContainText(MENTION);
  for (const s of REVEALING) await expect(minutes).not.toContainText(s);

  // After the session: its track on the follow-up page, for the office's eyes.
  await page.getByRole('link', { name: 'Theo dõi trả lời' }).click();
  const board = page.getByRole('region', { name: 'Đơn tố cáo (theo quy trình riêng)' });
  const row = board.getByRole('row').filter({ hasText: 'Thôn 1' });
  await expect(row).toContainText('03/09/2026');
  await expect(row).toContainText('10/09/2026');
  await expect(row).toContainText('Chủ tịch UBND huyện');
  await expect(row).toContainText('Đã chuyển, chưa báo người tố cáo');
  await expect(board).not.toContainText(SECRET);
  await board.screenshot({ path: testInfo.outputPath('board-1366.png') });
  // The denouncer is told: the track moves on.
  await row.getByRole('button', { name: 'Mở đơn' }).click();
  await label(track, 'Ngày thông báo cho người tố cáo').fill('03/09/2026');
  await label(track, 'Cách thông báo').fill('Bằng văn bản gửi trực tiếp');
  await track.getByRole('button', { name: 'Lưu theo dõi đơn tố cáo' }).click();
  await expect(status(page, 'Đã lưu theo dõi đơn tố cáo.')).toBeVisible();
  await page.getByRole('link', { name: 'Theo dõi trả lời' }).click();
  await expect(row).toContainText('Đã chuyển và báo người tố cáo');

  // The public results notice, as printed.
  await page.evaluate(() => {
    window.print = () => {};
  });
  await page.getByRole('button', { name: 'In thông báo kết quả (A4)' }).click();
  const notice = page.locator('.print-only');
  await expect(notice).toContainText('Kết quả đối thoại');
  for (const s of REVEALING) await expect(notice).not.toContainText(s);

  // The results file back to the village.
  const results = page.getByRole('region', { name: 'Gửi kết quả về các thôn' });
  await label(results, 'Thôn').selectOption('Thôn 1');
  const file = await downloaded(page, 'Xuất tệp kết quả');
  expect(file.text).toContain('sửa đường liên thôn');
  for (const s of REVEALING) expect(file.text, s).not.toContain(s);

  // The report counts it, and says nothing else of it.
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  const report = page.getByRole('article', { name: 'BÁO CÁO' });
  await expect(report).toContainText(
    'Có 1 đơn tố cáo, không đưa ra đối thoại mà xử lý theo quy định của Luật Tố cáo, giữ bí mật người tố cáo: 1 đơn đã chuyển người có thẩm quyền giải quyết, trong đó 1 đơn đã thông báo cho người tố cáo',
  );
  for (const s of [...REVEALING, 'Chủ tịch UBND huyện']) await expect(report).not.toContainText(s);
});
