// The dialogue session, end to end: the office prepares it (the 7-day rule warns), takes
// attendance, runs a session of 15 questions with every kind of outcome, two of them from
// the floor, reloads in the middle, shows the hall a projector view without any
// confidential name, and prints the minutes to PDF in the official layout.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { petitionItems, seriousViolations } from './fixtures/app.js';
import { linesAboveSignature, pagesOf, printedPdf } from './fixtures/print.js';
import { asFile, downloaded, setUpOffice, villageBundle, villageTablet, waitForOfficeOffline } from './fixtures/office.js';
import { ANSWERED, DECLINED, FORWARDED, LATER, WITHDRAWN, label, next, record, runSession, status } from './fixtures/session.js';

const SECRET = 'Người Tố Cáo Kín';
const READER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'read_office_file.py');

const BUNDLES = [
  villageBundle({ code: 'thon-1', name: 'Thôn 1' }, [
    { content: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ xóm Bàu', field: 'Đất đai', names: ['Hồ Thị Mai'], backers: 12 },
    { content: 'Tuyến đường liên thôn xuống cấp, nhiều ổ gà', field: 'Xây dựng cơ bản', backers: 40 },
    { content: 'Khiếu nại cán bộ thôn thu tiền sai quy định', field: 'Khác', kind: 'khieu_nai', names: [SECRET], confidential: true },
    { content: 'Trợ cấp người cao tuổi chi trả chậm', field: 'Văn hóa - Xã hội', backers: 8 },
    { content: 'Kênh mương nội đồng bồi lắng, cần nạo vét', field: 'Nông thôn mới', backers: 25 },
  ]),
  villageBundle({ code: 'thon-2', name: 'Thôn 2' }, [
    { content: 'Đèn chiếu sáng ngã ba chợ hỏng đã lâu', field: 'Xây dựng cơ bản', backers: 6 },
    { content: 'Rác thải không được thu gom thường xuyên', field: 'Khác', backers: 30 },
    { content: 'Xin hỗ trợ sửa nhà cho hộ nghèo', field: 'Văn hóa - Xã hội', names: ['Phan Văn Sáu'] },
    { content: 'Thủ tục chứng thực còn chậm', field: 'Cải cách hành chính', backers: 3 },
  ]),
  villageBundle({ code: 'to-dan-pho-3', name: 'Tổ dân phố 3' }, [
    { content: 'Tranh chấp ranh giới đất với hộ bên cạnh', field: 'Đất đai', names: ['Vũ Văn Bảy'] },
    { content: 'Tình trạng trộm cắp vặt ban đêm', field: 'An ninh - Trật tự', backers: 15 },
    { content: 'Đề nghị nâng cấp quốc lộ qua địa bàn', field: 'Xây dựng cơ bản', backers: 50 },
    { content: 'Sân chơi cho trẻ em còn thiếu', field: 'Văn hóa - Xã hội', backers: 10 },
  ]),
];

let lastPdf = '';
/** The text of a PDF as poppler's pdftotext reads it. */
function pdfText(pdf) {
  const dir = mkdtempSync(path.join(tmpdir(), 'doithoai-pdf-'));
  lastPdf = path.join(dir, 'printed.pdf');
  writeFileSync(lastPdf, pdf);
  return execFileSync('pdftotext', ['-layout', lastPdf, '-'], { encoding: 'utf8' });
}

/** What a print button prints, as text; the PDF kept as `lastPdf` for its pages. */
async function printed(page, button) {
  const { file, text } = await printedPdf(page, button);
  lastPdf = file;
  return text;
}



test('the secretary runs a whole session and prints its minutes', async ({ page, context }) => {
  test.setTimeout(300_000);
  await setUpOffice(page, { front: 'Bà Lê Thị Hòa, Chủ tịch Ủy ban MTTQ Việt Nam xã' });
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await label(page, 'Chọn các tệp…').setInputFiles(BUNDLES);
  await expect(status(page, 'Đã nhận 3/3 tệp.')).toBeVisible();
  // From here on, the whole session runs with the network off.
  await waitForOfficeOffline(page);
  await context.setOffline(true);

  // Preparation: announced only 4 days ahead, the app warns; a week ahead, it does not.
  await page.getByRole('link', { name: 'Chương trình' }).click();
  await label(page, 'Giờ bắt đầu').fill('7 giờ 30');
  await label(page, 'Ngày thông báo trên đài').fill('01/09/2026');
  await label(page, 'Thư ký ghi biên bản').fill('Trần Thị Thư');
  await label(page, 'Ngày thống nhất bảng tổng hợp với Ủy ban MTTQ xã').fill('28/08/2026');
  await label(page, 'Đại biểu, lãnh đạo và các bộ phận dự').fill(
    'Nguyễn Văn Bình; Chủ tịch UBND xã\nLê Văn Công; Trưởng Công an xã\nPhạm Thị Địa; Công chức Địa chính',
  );
  await label(page, 'Công dân được mời').fill(
    'Thôn 1; Hoàng Văn An; Chi hội trưởng Hội Nông dân\nThôn 1; Đỗ Thị Bích\nThôn 2; Ngô Văn Cường\nTổ dân phố 3; Bùi Thị Dung',
  );
  // The plan's programme is there already.
  await expect(label(page, 'Chương trình')).toHaveValue(/^Văn phòng UBND xã nêu lý do/);
  await page.getByRole('button', { name: 'Lưu chuẩn bị' }).click();
  await expect(status(page, 'Đã lưu phần chuẩn bị.')).toBeVisible();
  const checks = page.getByRole('region', { name: 'Kiểm tra ngày' });
  await expect(checks).toContainText(
    'Thông báo chỉ trước 4 ngày: luật yêu cầu thông báo chậm nhất 7 ngày trước buổi đối thoại, tức là chậm nhất ngày 29/08/2026.',
  );
  await label(page, 'Ngày thông báo trên đài').fill('25/08/2026');
  await page.getByRole('button', { name: 'Lưu chuẩn bị' }).click();
  await expect(checks).toContainText('Ngày thông báo và ngày họp thôn đúng quy định.');
  const announcement = page.getByRole('region', { name: 'Thông báo trên đài truyền thanh' });
  await expect(announcement).toContainText('Thời gian: 7 giờ 30, Thứ bảy, ngày 05/09/2026.');
  await expect(announcement).toContainText('Địa điểm: Hội trường UBND xã.');
  expect(await seriousViolations(page)).toEqual([]);

  // The notice printed on A4 takes the year's first TB number.
  const notice = await printed(page, 'In thông báo (A4)');
  expect(notice).toContain('THÔNG BÁO');
  expect(notice).toContain('Số: 01/TB-UBND');
  expect(notice).toContain('Cẩm Quang, ngày 25 tháng 8 năm 2026');
  expect(notice).toContain('Thời gian: 7 giờ 30, Thứ bảy, ngày 05/09/2026.');
  expect(notice).not.toContain('Lưu chuẩn bị');

  // The compiled list, agreed with the Fatherland Front (issue 17): every petition, in the
  // list's order, no petitioner named.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  const compiledList = await printedPdf(page, 'In bảng tổng hợp (A4)');
  expect(compiledList.text).toContain('Tổng số: 13 ý kiến, kiến nghị.');
  expect(compiledList.text.replace(/\s+/g, ' ')).toContain('Bảng tổng hợp đã được thống nhất với Ủy ban MTTQ Việt Nam xã ngày 28/08/2026.');
  expect(compiledList.text).toContain('Tranh chấp ranh giới đất');
  for (const name of [SECRET, 'Hồ Thị Mai', 'Vũ Văn Bảy']) expect(compiledList.text).not.toContain(name);

  // Attendance at the door.
  await page.getByRole('link', { name: 'Điểm danh' }).click();
  for (const who of ['Nguyễn Văn Bình', 'Lê Văn Công', 'Hoàng Văn An', 'Ngô Văn Cường']) {
    await page.getByRole('checkbox', { name: new RegExp(who) }).check();
  }
  await expect(page.getByText('Đại biểu: 2/3 có mặt')).toBeVisible();
  await expect(page.getByText('Công dân được mời: 2/4 có mặt')).toBeVisible();
  // The sign-in sheet on A4 (issue 17): the delegates, the invited village by village,
  // each with room to sign, then blank rows for those who come uninvited.
  const sheet = await printed(page, 'In danh sách ký tên (A4)');
  expect(sheet).toContain('DANH SÁCH ĐẠI BIỂU, CÔNG DÂN DỰ HỘI NGHỊ');
  expect(sheet.replace(/\s+/g, ' ')).toContain('ngày 05 tháng 9 năm 2026, tại Hội trường UBND xã');
  expect(sheet).toMatch(/^\s*1\s+Nguyễn Văn Bình\s+Chủ tịch UBND xã/m);
  expect(sheet).toMatch(/^\s*4\s+Hoàng Văn An\b/m);
  expect(sheet).toContain('Chi hội trưởng Hội');
  expect(sheet).toMatch(/^\s*7\s+Bùi Thị Dung\s+Tổ dân phố 3/m);
  expect(sheet).toContain('III. CÔNG DÂN ĐẾN DỰ');
  expect(sheet).toMatch(/^\s*22\s*$/m);
  expect(sheet).not.toContain('Điểm danh');
  // The head count, for the minutes.
  await label(page, 'Tổng số người dự (đếm tại hội trường)').fill('86');
  await page.getByRole('button', { name: 'Lưu số người dự' }).click();
  await expect(status(page, 'Đã lưu số người dự.')).toBeVisible();

  // The queue: the 13 petitions, ordered by field.
  await page.getByRole('link', { name: 'Phiên đối thoại' }).click();
  await page.getByRole('button', { name: 'Lập danh sách câu hỏi' }).click();
  await expect(status(page, 'Đã thêm 13 câu hỏi vào danh sách.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Danh sách câu hỏi (0/13 đã có kết quả)' })).toBeVisible();
  const queue = page.getByRole('region', { name: /^Danh sách câu hỏi/ }).getByRole('listitem');
  await expect(queue.first()).toContainText('Đất đai');
  // The order can be changed: question 2 goes down one place, and back.
  const second = await queue.nth(1).locator('.q-text').innerText();
  await page.getByRole('button', { name: 'Đưa câu 2 xuống' }).click();
  await expect(queue.nth(2)).toContainText(second.replace(/^2\. /, '').split(' · ')[0]);
  await page.getByRole('button', { name: 'Đưa câu 3 lên' }).click();
  await expect(queue.nth(1)).toContainText(second.replace(/^2\. /, '').split(' · ')[0]);
  await page.getByRole('button', { name: 'Bắt đầu phiên đối thoại' }).click();
  await expect(status(page, 'Phiên đối thoại đã bắt đầu.')).toBeVisible();

  // The hall's projector, in its own window.
  const projector = await context.newPage();
  await projector.goto('./office/#/may-chieu');
  await expect(projector.getByText('Câu 1/13')).toBeVisible();
  await expect(projector.getByRole('navigation')).toHaveCount(0);

  const outcomes = [ANSWERED('Xã sẽ cấp giấy chứng nhận trong tháng 10'), LATER, ANSWERED('Đã đưa vào kế hoạch sửa chữa quý IV'), FORWARDED, ANSWERED('Đèn sẽ được thay trong tuần'), WITHDRAWN];
  for (const [i, o] of outcomes.entries()) {
    if (o === LATER) {
      // The due date is prefilled with the last day of the 30 days; later is refused.
      const current = page.getByRole('region', { name: /^Câu \d+/ });
      await current.getByRole('radio', { name: 'Trả lời sau', exact: true }).check();
      await expect(label(current, 'Hạn trả lời')).toHaveValue('05/10/2026');
      await label(current, 'Bộ phận trả lời').selectOption('Địa chính');
      await label(current, 'Hạn trả lời').fill('06/10/2026');
      await current.getByRole('button', { name: 'Ghi kết quả' }).click();
      await expect(current.getByRole('alert')).toHaveText('Quá thời hạn trả lời: chậm nhất là ngày 05/10/2026.');
      await label(current, 'Hạn trả lời').fill('05/10/2026');
    }
    await record(page, o);
    // The hall sees every outcome once it is recorded, never the official's name.
    const shown = {
      0: 'Xã sẽ cấp giấy chứng nhận trong tháng 10',
      1: 'Địa chính trả lời công dân chậm nhất ngày 05/10/2026.',
      3: 'Chuyển Sở Xây dựng tỉnh Hà Tĩnh giải quyết. UBND xã báo lại cho người kiến nghị trước ngày 20/10/2026.',
      5: 'Người hỏi đã rút lại câu hỏi.',
    }[i];
    if (shown) {
      await expect(projector.getByText(shown)).toBeVisible();
      await expect(projector.locator('body')).not.toContainText('Phạm Thị Địa');
    }
    await next(page);
  }
  await expect(page.getByRole('heading', { name: 'Danh sách câu hỏi (6/13 đã có kết quả)' })).toBeVisible();

  // The laptop's tab reloads in the middle of the session: nothing is lost.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách câu hỏi (6/13 đã có kết quả)' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Câu 7 ·/ })).toBeVisible();
  await record(page, LATER);

  // Two questions from the floor: one named, one passed on paper without a name.
  const floor = page.getByRole('region', { name: 'Câu hỏi tại hội nghị' });
  await label(floor, 'Thôn').selectOption('Thôn 2');
  await label(floor, 'Lĩnh vực').selectOption('Khác');
  await label(floor, 'Họ tên người hỏi').fill('Lê Thị Hoa');
  await label(floor, 'Nội dung câu hỏi').fill('Khi nào thôn có nước sạch?');
  await floor.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  await expect(status(page, 'Đã thêm câu hỏi tại hội nghị.')).toBeVisible();
  await expect(page.getByRole('region', { name: /^Câu 8 · Khác/ })).toContainText('Lê Thị Hoa');
  await record(page, ANSWERED('Dự án nước sạch khởi công năm 2027'));
  // The form starts empty for the next person, village and field too (issue 18).
  await expect(label(floor, 'Thôn')).toHaveValue('');
  await expect(label(floor, 'Lĩnh vực')).toHaveValue('');
  await expect(label(floor, 'Họ tên người hỏi')).toHaveValue('');
  await label(floor, 'Nội dung câu hỏi').fill('Xin hỏi về việc hai gia đình tranh chấp lối đi');
  await floor.getByRole('checkbox', { name: 'Câu hỏi viết gửi thư ký' }).check();
  await floor.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  await expect(page.getByRole('region', { name: /^Câu 9 ·/ })).toContainText('Không nêu tên (Câu hỏi viết)');
  await expect(page.getByRole('region', { name: /^Câu 9 ·/ })).not.toContainText('Thôn 2');
  await record(page, DECLINED);
  await expect(projector.getByText('Không thuộc nội dung đối thoại; hướng dẫn')).toBeVisible();
  await expect(projector.locator('body')).not.toContainText('Việc riêng giữa hai hộ gia đình');

  // The rest, one after the other; the projector never shows the whistleblower.
  const rest = [LATER, ANSWERED('Công an xã tăng cường tuần tra ban đêm'), LATER, FORWARDED, WITHDRAWN, ANSWERED('Xã bố trí quỹ đất làm sân chơi')];
  // Positions 10 to 15.
  for (const o of rest) {
    await next(page);
    await record(page, o);
    await expect(projector.locator('body')).not.toContainText(SECRET);
  }
  await expect(page.getByRole('heading', { name: 'Danh sách câu hỏi (15/15 đã có kết quả)' })).toBeVisible();
  // A correction is kept with its time: the last answer is changed to "later".
  await record(page, LATER);
  await expect(page.getByRole('heading', { name: 'Các lần ghi kết quả' })).toBeVisible();
  await expect(page.getByRole('region', { name: /^Câu 15/ }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('region', { name: /^Câu 15/ }).getByRole('listitem').last()).toContainText('Trả lời sau');
  expect(await seriousViolations(page)).toEqual([]);

  // What is left to do: five answers due from departments, two petitioners to tell.
  const follow = page.getByRole('region', { name: 'Việc phải làm sau buổi đối thoại (7)' });
  await expect(follow.getByRole('listitem')).toHaveCount(7);
  await expect(follow.getByRole('listitem').first()).toContainText('05/10/2026 · Địa chính (Phạm Thị Địa) trả lời công dân');
  await expect(follow).toContainText('20/10/2026 · Báo cho người kiến nghị: đã chuyển Sở Xây dựng tỉnh Hà Tĩnh giải quyết');

  // Ending is asked again, with what follows and the results' deadline; going back
  // changes nothing.
  await page.getByRole('button', { name: 'Kết thúc phiên và lập biên bản' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Kết thúc phiên đối thoại?' });
  await expect(ask).toContainText('biên bản được lập');
  await expect(ask).toContainText('Hạn niêm yết kết quả tại trụ sở UBND xã và gửi các thôn: 15/09/2026');
  await ask.getByRole('button', { name: 'Chưa, quay lại' }).click();
  await expect(ask).toHaveCount(0);
  await expect(projector.getByText('Buổi đối thoại đã kết thúc. Xin cảm ơn bà con!')).toHaveCount(0);
  await page.getByRole('button', { name: 'Kết thúc phiên và lập biên bản' }).click();
  await ask.getByRole('button', { name: 'Kết thúc phiên', exact: true }).click();
  await expect(status(page, 'Phiên đối thoại đã kết thúc. Biên bản số 01/BB-UBND.')).toBeVisible();
  await expect(projector.getByText('Buổi đối thoại đã kết thúc. Xin cảm ơn bà con!')).toBeVisible();

  // The minutes, assembled from all of it.
  const minutes = page.getByRole('article', { name: 'BIÊN BẢN' });
  await expect(minutes).toContainText('Số: 01/BB-UBND');
  await expect(minutes).toContainText('Cẩm Quang, ngày 05 tháng 9 năm 2026');
  await expect(minutes).toContainText('Thư ký: Trần Thị Thư.');
  await expect(minutes).toContainText('Đại biểu dự (2/3 có mặt): Nguyễn Văn Bình (Chủ tịch UBND xã); Lê Văn Công (Trưởng Công an xã).');
  await expect(minutes).toContainText('Công dân được mời: 2/4 có mặt (Thôn 1 1/2; Thôn 2 1/1; Tổ dân phố 3 0/1).');
  await expect(minutes).toContainText('Tổng số người dự hội nghị: 86 người.');
  await expect(minutes).toContainText(
    'Tổng số 15 ý kiến, kiến nghị: 5 trả lời tại hội nghị; 5 giao trả lời sau; 2 chuyển cơ quan có thẩm quyền; 1 không thuộc nội dung đối thoại; 2 rút lại.',
  );
  await expect(minutes).toContainText('Câu 8. (Khác; Thôn 2) Khi nào thôn có nước sạch?');
  // The anonymous written question stands under no village: the floor form started empty.
  await expect(minutes).toContainText('Câu 9. Xin hỏi về việc hai gia đình tranh chấp lối đi');
  await expect(minutes).toContainText('Giữ bí mật danh tính');
  await expect(minutes).not.toContainText(SECRET);
  await expect(minutes).toContainText('Đại diện Ủy ban Mặt trận Tổ quốc Việt Nam xã: Bà Lê Thị Hòa, Chủ tịch Ủy ban MTTQ Việt Nam xã.');

  // The speakers' parts, each in its place in the programme's order (issue 17).
  await label(page, 'Báo cáo của Chủ tịch UBND xã (tóm tắt)').fill('Chủ tịch báo cáo kết quả thực hiện nhiệm vụ kinh tế - xã hội năm 2026.');
  await label(page, 'Ý kiến của Ủy ban MTTQ Việt Nam xã').fill('Mặt trận đồng tình với các nội dung trả lời, đề nghị xã công khai kết quả.');
  await label(page, 'Kết luận của chủ trì').fill('Chủ tịch giao các bộ phận trả lời công dân đúng hạn.');
  await page.getByRole('button', { name: 'Lưu các phần phát biểu' }).click();
  await expect(status(page, 'Đã lưu các phần phát biểu.')).toBeVisible();
  await expect(minutes).toContainText('IV. BÁO CÁO CỦA CHỦ TỊCH UBND XÃChủ tịch báo cáo kết quả thực hiện nhiệm vụ');
  await expect(minutes).toContainText('V. Ý KIẾN, KIẾN NGHỊ CỦA NHÂN DÂN VÀ TRẢ LỜI');
  await expect(minutes).toContainText('VI. Ý KIẾN CỦA ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃMặt trận đồng tình');
  await expect(minutes).toContainText('VII. KẾT LUẬN CỦA CHỦ TRÌChủ tịch giao các bộ phận');
  await expect(minutes).toContainText('VIII. KẾT QUẢ');

  // The secretary adds a sentence; it survives a reload.
  const body = label(page, 'Nội dung biên bản');
  await body.fill((await body.inputValue()) + '\nĐại diện MTTQ xã phát biểu ý kiến đồng tình.');
  await page.getByRole('button', { name: 'Lưu nội dung đã sửa' }).click();
  await expect(status(page, 'Đã lưu biên bản.')).toBeVisible();
  await page.reload();
  await expect(minutes).toContainText('Đại diện MTTQ xã phát biểu ý kiến đồng tình.');

  // Printed to PDF by Chromium: the official header, the number, all 15 questions, and
  // nothing of the screen around the document.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const text = pdfText(pdf);
  expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
  expect(text).toContain('ỦY BAN NHÂN DÂN');
  expect(text).toContain('XÃ CẨM QUANG');
  expect(text).toContain('BIÊN BẢN');
  expect(text).toContain('Số: 01/BB-UBND');
  expect(text.match(/Câu \d+\./g)).toHaveLength(15);
  expect(text).not.toContain(SECRET);
  // The time in words; the signers side by side on one line, the secretary on the left;
  // the signature block on a page with the body's last lines, never alone (issue 17).
  expect(text).toMatch(/Vào lúc \d{1,2} giờ \d{2} phút, ngày 05 tháng 9 năm 2026, tại Hội trường UBND xã/);
  expect(text).toMatch(/Hội nghị kết thúc vào lúc \d{1,2} giờ \d{2} phút cùng ngày\./);
  expect(text).toMatch(/^\s*THƯ KÝ\s{4,}CHỦ TRÌ\s*$/m);
  expect(text).toMatch(/^\s*Trần Thị Thư\s{4,}Nguyễn Văn Bình\s*$/m);
  const minutesPages = pagesOf(lastPdf);
  expect(linesAboveSignature(minutesPages, /THƯ KÝ/)).toBeGreaterThanOrEqual(2);
  expect(text).not.toContain('Nhận tệp các thôn');
  const pages = execFileSync('pdfinfo', [lastPdf], { encoding: 'utf8' });
  expect(pages).toMatch(/Page size:.*\(A4\)/);
});

test('after the session the office follows up each open matter, prints a reply and makes the results public', async ({ page }) => {
  test.setTimeout(180_000);
  // The office works on 20/09/2026, fifteen days after the session.
  await page.clock.setFixedTime(new Date('2026-09-20T03:00:00Z'));
  await setUpOffice(page);
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await label(page, 'Chọn các tệp…').setInputFiles([
    villageBundle({ code: 'thon-1', name: 'Thôn 1' }, [
      { content: 'Đề nghị cấp giấy chứng nhận quyền sử dụng đất cho 12 hộ', field: 'Đất đai', names: ['Hồ Thị Mai'] },
      { content: 'Đề nghị nâng cấp quốc lộ qua địa bàn', field: 'Xây dựng cơ bản', backers: 50 },
      { content: 'Sân chơi cho trẻ em còn thiếu', field: 'Văn hóa - Xã hội' },
      { content: 'Thủ tục chứng thực còn chậm', field: 'Cải cách hành chính', names: ['Trần Văn Chứng'] },
      { content: 'Khiếu nại cán bộ thôn thu tiền sai quy định', field: 'Khác', kind: 'khieu_nai', names: [SECRET], confidential: true },
    ]),
  ]);
  await expect(status(page, 'Đã nhận 1/1 tệp.')).toBeVisible();
  await runSession(page, [
    LATER,
    FORWARDED,
    ANSWERED('Xã bố trí quỹ đất làm sân chơi'),
    { kind: 'Trả lời sau', fields: { 'Bộ phận trả lời': 'Tư pháp', 'Hạn trả lời': '15/09/2026' } },
    WITHDRAWN,
  ]);

  // The board: overdue first, then by due date.
  await page.getByRole('link', { name: 'Theo dõi trả lời' }).click();
  await expect(page.getByText('3 việc; 1 việc quá hạn')).toBeVisible();
  const rows = page.getByRole('region', { name: 'Theo dõi trả lời sau đối thoại' }).getByRole('listitem');
  await expect(rows.nth(0)).toContainText('4. Thủ tục chứng thực còn chậm');
  await expect(rows.nth(0)).toContainText('Quá hạn 5 ngày');
  await expect(rows.nth(1)).toContainText('1. Đề nghị cấp giấy chứng nhận');
  await expect(rows.nth(1)).toContainText('Còn 15 ngày');
  await expect(rows.nth(2)).toContainText('Sở Xây dựng tỉnh Hà Tĩnh');
  // A forwarded matter's date is the day to tell the petitioner by (issue 18).
  await expect(rows.nth(2)).toContainText('Báo cho người kiến nghị trước ngày 20/10/2026');
  await expect(rows.nth(2)).toContainText('Còn 30 ngày');
  await label(page, 'Bộ phận hoặc cơ quan').selectOption('Địa chính');
  await expect(rows).toHaveCount(1);
  await label(page, 'Bộ phận hoặc cơ quan').selectOption('');
  expect(await seriousViolations(page)).toEqual([]);

  // The overdue matter is answered; the petitioner is told by letter.
  await rows.nth(0).getByRole('button').first().click();
  await label(page, 'Nội dung trả lời').fill('Xã đã bố trí thêm một công chức tư pháp trực chứng thực các ngày trong tuần.');
  await expect(label(page, 'Ngày trả lời')).toHaveValue('20/09/2026');
  await label(page, 'Ngày báo cho người kiến nghị').fill('21/09/2026');
  await page.getByRole('button', { name: 'Lưu trả lời' }).click();
  await expect(page.getByRole('alert')).toHaveText('Hãy ghi cả ngày báo và cách báo cho người kiến nghị.');
  await label(page, 'Cách báo').selectOption('Gửi văn bản');
  await page.getByRole('button', { name: 'Lưu trả lời' }).click();
  await expect(status(page, 'Đã lưu câu trả lời.')).toBeVisible();
  await expect(rows.filter({ hasText: 'Thủ tục chứng thực' })).toContainText('Đã xong');

  // Its reply notice, on A4 with the year's first TB number.
  const reply = await printed(page, 'In thông báo trả lời (A4)');
  expect(reply).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(reply).toContain('Số: 01/TB-UBND');
  expect(reply).toContain('Trả lời ý kiến, kiến nghị của công dân');
  expect(reply).toContain('Thủ tục chứng thực còn chậm');
  // Addressed to the petitioner by name (issue 18).
  expect(reply).toContain('Kính gửi: Ông/Bà Trần Văn Chứng (Thôn 1).');
  expect(reply.replace(/\s+/g, ' ')).toContain('ngày 05/09/2026, Ông/Bà Trần Văn Chứng (Thôn 1) có ý kiến');
  expect(reply).toContain('trực chứng thực các ngày trong tuần');
  expect(reply).not.toContain('Theo dõi trả lời sau đối thoại');

  // The results: 10 days after the session, posted and sent; the notice takes the next number.
  const publication = page.getByRole('region', { name: 'Công khai kết quả đối thoại' });
  await expect(publication).toContainText('chậm nhất ngày 15/09/2026 (đã quá hạn 5 ngày)');
  await label(publication, 'Ngày niêm yết tại UBND xã').fill('14/09/2026');
  await label(publication, 'Ngày gửi các thôn').fill('15/09/2026');
  await publication.getByRole('button', { name: 'Lưu ngày công khai' }).click();
  await expect(status(page, 'Đã lưu ngày công khai kết quả.')).toBeVisible();
  // Done on time reads as done on time, days after the deadline (issue 18's bug).
  await expect(publication).toContainText('chậm nhất ngày 15/09/2026 (đã niêm yết và gửi các thôn xong ngày 15/09/2026, đúng hạn)');
  await expect(publication).not.toContainText('quá hạn');
  const results = await printed(page, 'In thông báo kết quả (A4)');
  expect(results).toContain('Số: 02/TB-UBND');
  expect(results).toContain('Kết quả đối thoại giữa Chủ tịch UBND xã với nhân dân');
  expect(results).toContain('Tổng số 5 ý kiến, kiến nghị');
  expect(results).not.toContain(SECRET);
  // The radio notice printed now takes its own number, and keeps it when printed again.
  await page.getByRole('link', { name: 'Chương trình' }).click();
  expect(await printed(page, 'In thông báo (A4)')).toContain('Số: 03/TB-UBND');
  expect(await printed(page, 'In thông báo (A4)')).toContain('Số: 03/TB-UBND');
  await page.getByRole('link', { name: 'Theo dõi trả lời' }).click();
  expect(results).not.toContain('Hồ Thị Mai');

  await page.reload();
  await expect(label(publication, 'Ngày niêm yết tại UBND xã')).toHaveValue('14/09/2026');
  await expect(rows.filter({ hasText: 'Thủ tục chứng thực' })).toContainText('Đã xong');

  // The report to the province, from the same data.
  await page.getByRole('link', { name: 'Báo cáo' }).click();
  await label(page, 'Kính gửi').fill('Ủy ban nhân dân tỉnh Hà Tĩnh');
  await label(page, 'Ngày báo cáo').fill('25/09/2026');
  await page.getByRole('button', { name: 'Lưu báo cáo' }).click();
  await expect(status(page, 'Đã lưu báo cáo.')).toBeVisible();
  const doc = page.getByRole('article', { name: 'BÁO CÁO' });
  await expect(doc).toContainText('Số ý kiến, kiến nghị theo thôn');
  await expect(doc.locator('svg')).toHaveCount(3);
  expect(await seriousViolations(page)).toEqual([]);
  const printedReport = await printed(page, 'In báo cáo (A4)');
  expect(printedReport).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(printedReport).toContain('BÁO CÁO');
  expect(printedReport).toContain('Số: 01/BC-UBND');
  expect(printedReport).toContain('Cẩm Quang, ngày 25 tháng 9 năm 2026');
  expect(printedReport).toContain('Ủy ban nhân dân tỉnh Hà Tĩnh');
  expect(printedReport).not.toContain(SECRET);
  expect(linesAboveSignature(pagesOf(lastPdf), /Nơi nhận:/)).toBeGreaterThanOrEqual(2);

  const saved = async (button) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    return { name: file.suggestedFilename(), path: await file.path() };
  };
  const read = (file) => {
    // The reader decides by the ending.
    const dir = mkdtempSync(path.join(tmpdir(), 'doithoai-office-file-'));
    const copy = path.join(dir, file.name);
    writeFileSync(copy, readFileSync(file.path));
    return JSON.parse(execFileSync('python3', [READER, copy], { encoding: 'utf8' }));
  };
  const xlsxFile = await saved('Lưu tệp Excel (.xlsx)');
  expect(xlsxFile.name).toBe('bao-cao-doi-thoai_cam-quang_2026.xlsx');
  const book = read(xlsxFile);
  expect(Object.keys(book.sheets)).toEqual(['Thông tin chung', 'Theo thôn', 'Theo lĩnh vực', 'Theo loại', 'Kết quả', 'Chuyển cấp trên', 'Chưa xong']);
  expect(book.formulas).toBe(0);
  const rowWith = (sheet, label) => book.sheets[sheet].find((r) => r.includes(label));
  expect(rowWith('Theo thôn', 'Thôn 1')).toContain(5);
  expect(rowWith('Theo thôn', 'Thôn 2')).toContain(0);
  expect(rowWith('Theo lĩnh vực', 'Đất đai')).toContain(1);
  expect(rowWith('Chuyển cấp trên', 'Sở Xây dựng tỉnh Hà Tĩnh')).toBeTruthy();
  expect(JSON.stringify(book)).not.toContain(SECRET);

  const docxFile = await saved('Lưu tệp Word (.docx)');
  const word = read(docxFile);
  const paragraphs = word.paragraphs.join('\n') + JSON.stringify(word.tables);
  expect(paragraphs).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  expect(paragraphs).toContain('Số: 01/BC-UBND');
  expect(paragraphs).toContain('Số ý kiến, kiến nghị theo thôn');
  expect(paragraphs).not.toContain(SECRET);
  expect(word.page).toMatchObject({ width_mm: 210, height_mm: 297, left_mm: 30 });
  expect(word.fonts).toContain('Times New Roman');

  const csvFile = await saved('Lưu tệp CSV');
  const csv = readFileSync(csvFile.path);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('Thôn 1');
  expect(csv.toString('utf8')).not.toContain(SECRET);
});

test('the village head gets the answers back: the office exports the results file, the tablet shows them', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await page.clock.setFixedTime(new Date('2026-09-20T03:00:00Z'));
  await setUpOffice(page);
  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  const tablet = await villageTablet(browser, setup.text, 'Thôn 1', [
    { content: 'Đề nghị sửa đường liên thôn đoạn qua xóm 3', field: 'Xây dựng cơ bản', names: 'Hồ Thị Mai' },
    { content: 'Thiếu đèn chiếu sáng ngã ba chợ', field: 'Đất đai' },
  ]);
  const bundle = await tablet.exportBundle();
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await label(page, 'Chọn các tệp…').setInputFiles([asFile(bundle.name, bundle.text)]);
  await expect(status(page, 'Đã nhận 1/1 tệp.')).toBeVisible();

  await page.getByRole('link', { name: 'Phiên đối thoại' }).click();
  await page.getByRole('button', { name: 'Lập danh sách câu hỏi' }).click();
  await page.getByRole('button', { name: 'Bắt đầu phiên đối thoại' }).click();
  // The lights (Đất đai) come first in the field order, then the road.
  await record(page, LATER);
  await next(page);
  await record(page, ANSWERED('Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV'));
  await page.getByRole('button', { name: 'Kết thúc phiên và lập biên bản' }).click();
  await page.getByRole('button', { name: 'Kết thúc phiên', exact: true }).click();
  await page.getByRole('link', { name: 'Theo dõi trả lời' }).click();
  await page.getByRole('region', { name: 'Theo dõi trả lời sau đối thoại' }).getByRole('listitem').first().getByRole('button').first().click();
  await label(page, 'Nội dung trả lời').fill('Đã lắp hai bóng đèn tại ngã ba chợ.');
  await page.getByRole('button', { name: 'Lưu trả lời' }).click();
  await expect(status(page, 'Đã lưu câu trả lời.')).toBeVisible();

  const results = page.getByRole('region', { name: 'Gửi kết quả về các thôn' });
  await label(results, 'Thôn').selectOption('Thôn 1');
  const file = await downloaded(page, 'Xuất tệp kết quả');
  expect(file.name).toBe('ket-qua_thon-1_cam-quang_20-09-2026.json');
  expect(file.text).not.toContain('Hồ Thị Mai');

  // On the tablet, at the next village meeting.
  const t = tablet.page;
  await t.getByRole('link', { name: 'Gửi về xã' }).click();
  await t.getByRole('link', { name: 'Nhận tệp kết quả…' }).click();
  await t.getByLabel('Nhận kết quả từ xã', { exact: true }).setInputFiles(asFile(file.name, file.text));
  await expect(t.getByRole('status')).toContainText('Đã nhận kết quả từ xã: 2 kiến nghị có kết quả, 2 kiến nghị đã được trả lời.');
  const items = petitionItems(t);
  await expect(items.filter({ hasText: 'sửa đường liên thôn' })).toContainText('Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV');
  await expect(items.filter({ hasText: 'đèn chiếu sáng' })).toContainText('Đã lắp hai bóng đèn tại ngã ba chợ.');
  await tablet.context.close();
});
