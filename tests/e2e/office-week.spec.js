// The office's week between the village meetings and the report (issue 18), as its staff
// live it: two villages have sent and one has not, one sent twice; the page says so after
// a reload; petitions are assigned many at once; a department prepares an answer that
// reaches the session; the projector shows each outcome; the session ends on a
// confirmation that gives the results' deadline, and the results are made public on time.
import { test, expect } from '@playwright/test';
import { seriousViolations } from './fixtures/app.js';
import { asFile, downloaded, setUpOffice, villageBundle } from './fixtures/office.js';
import { label, next, record, status, FORWARDED } from './fixtures/session.js';

const ROAD = 'Đường liên thôn đoạn qua xóm Bàu xuống cấp, nhiều ổ gà';
const LIGHT = 'Ngã ba chợ thiếu đèn chiếu sáng';
const WATER = 'Nước sinh hoạt nhiễm phèn';
const DRAFT = 'Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV năm 2026.';

test("the office's week: who has sent, who prepares what, and a session that ends on purpose", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  // Monday 31/08/2026, 09:00 in Vietnam.
  await page.clock.setFixedTime(new Date('2026-08-31T02:00:00Z'));
  await setUpOffice(page);
  // The setup file goes out with what to do with it; the village head's app is linked
  // from here, not from the office's menu.
  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  expect(setup.name).toMatch(/^thiet-lap_cam-quang/);
  await expect(page.getByRole('status')).toContainText(`Đã tải tệp thiết lập “${setup.name}” về máy. Gửi tệp này cho các trưởng thôn`);
  await expect(page.getByRole('navigation').getByRole('link', { name: /trưởng thôn/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Mở ứng dụng của trưởng thôn' })).toHaveAttribute('href', '../');
  for (const phase of ['Chuẩn bị', 'Phiên đối thoại', 'Sau phiên']) {
    await expect(page.getByRole('navigation').getByRole('group', { name: phase })).toBeVisible();
  }
  const header = await page.getByRole('banner').boundingBox();
  expect(header.height, 'the header at 1366×768').toBeLessThan(90);

  // Before anything came: every village is missing.
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  const arrivals = page.getByRole('region', { name: 'Các thôn đã gửi tệp' });
  await expect(arrivals).toContainText('Đã nhận tệp của 0/3 thôn.');
  await expect(arrivals).toContainText('Còn thiếu: Thôn 1, Thôn 2, Tổ dân phố 3.');

  // Thôn 1 and Tổ dân phố 3 send; Thôn 1 sends its file again on Zalo.
  const thon1 = villageBundle({ code: 'thon-1', name: 'Thôn 1' }, [
    { content: ROAD, field: 'Đất đai', names: ['Hồ Thị Mai'], backers: 30 },
    { content: LIGHT, field: 'Xây dựng cơ bản' },
  ]);
  const to3 = villageBundle({ code: 'to-dan-pho-3', name: 'Tổ dân phố 3', meetingDate: '2026-08-28' }, [{ content: WATER, field: 'Văn hóa - Xã hội' }]);
  await label(page, 'Chọn các tệp…').setInputFiles([thon1, to3]);
  await expect(status(page, 'Đã nhận 2/2 tệp.')).toBeVisible();
  await label(page, 'Chọn các tệp…').setInputFiles([asFile('kien-nghi_thon-1 (1).json', thon1.buffer.toString('utf8'))]);
  await expect(status(page, 'Đã nhận 1/1 tệp.')).toBeVisible();
  // A message that reports no failure closes by itself once there was time to read it.
  await expect(status(page, 'Đã nhận 1/1 tệp.')).toHaveCount(0, { timeout: 15_000 });

  const check = async () => {
    await expect(arrivals).toContainText('Đã nhận tệp của 2/3 thôn.');
    await expect(arrivals).toContainText('Còn thiếu: Thôn 2.');
    const row = (name) => arrivals.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    await expect(row('Thôn 1')).toContainText('Đã gửi lại (2 tệp)');
    await expect(row('Thôn 1')).toContainText('31/08/2026 09:00');
    await expect(row('Thôn 1')).toContainText('kien-nghi_thon-1 (1).json (không mã hoá)');
    await expect(row('Thôn 1')).toContainText('29/08/2026 · Nhà văn hóa Thôn 1 · 60 người dự');
    await expect(row('Thôn 1').getByRole('cell').nth(3)).toHaveText('2');
    await expect(row('Thôn 2')).toContainText('Chưa gửi');
    await expect(row('Tổ dân phố 3')).toContainText('Đã gửi');
    await expect(row('Tổ dân phố 3')).toContainText('28/08/2026 · Nhà văn hóa Tổ dân phố 3');
  };
  await check();
  await page.screenshot({ path: testInfo.outputPath('import-1366.png'), fullPage: true });
  expect(await seriousViolations(page)).toEqual([]);
  // The office's first question that week, asked again the next morning.
  await page.reload();
  await check();

  // Two petitions go to the office in one save: chosen on the list, assigned at once.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByRole('button', { name: 'Chọn tất cả kiến nghị đang hiện' }).click();
  const bulk = page.getByRole('region', { name: /^Phân loại và giao việc cho/ });
  await expect(bulk.getByRole('heading')).toHaveText('Phân loại và giao việc cho 3 kiến nghị đã chọn');
  await page.getByRole('checkbox', { name: `Chọn: ${ROAD}` }).uncheck();
  await expect(bulk.getByRole('heading')).toHaveText('Phân loại và giao việc cho 2 kiến nghị đã chọn');
  await bulk.getByRole('button', { name: 'Áp dụng cho 2 kiến nghị' }).click();
  await expect(page.getByRole('alert')).toContainText('Hãy chọn lĩnh vực, loại hoặc bộ phận cần đổi cho các kiến nghị đã chọn.');
  await label(bulk, 'Bộ phận').selectOption('Văn phòng');
  await label(bulk, 'Cán bộ phụ trách').fill('Lê Thị Văn');
  await bulk.getByRole('button', { name: 'Áp dụng cho 2 kiến nghị' }).click();
  await expect(status(page, 'Đã lưu phân loại và giao việc cho 2 kiến nghị.')).toBeVisible();
  await expect(bulk).toHaveCount(0);
  await page.getByRole('link', { name: 'Theo bộ phận' }).click();
  await label(page, 'Bộ phận').selectOption('Văn phòng');
  await expect(page.getByText('0 nhóm và 2 kiến nghị riêng lẻ')).toBeVisible();

  // The road goes to Địa chính, which prepares its answer.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByRole('button', { name: new RegExp(ROAD.slice(0, 25)) }).click();
  const detail = page.locator('section').filter({ has: page.getByRole('button', { name: 'Lưu phân loại và giao việc' }) }).last();
  await label(detail, 'Bộ phận').selectOption('Địa chính');
  await label(detail, 'Cán bộ phụ trách').fill('Phạm Thị Địa');
  await detail.getByRole('button', { name: 'Lưu phân loại và giao việc' }).click();
  await expect(status(page, 'Đã lưu phân loại và giao việc.')).toBeVisible();
  await page.getByRole('link', { name: 'Theo bộ phận' }).click();
  await label(page, 'Bộ phận').selectOption('Địa chính');
  const matter = page.getByRole('listitem').filter({ hasText: ROAD });
  await label(matter, 'Dự thảo trả lời').fill(DRAFT);
  await matter.getByRole('button', { name: 'Lưu dự thảo' }).click();
  await expect(status(page, 'Đã lưu dự thảo trả lời.')).toBeVisible();
  await page.reload();
  await label(page, 'Bộ phận').selectOption('Địa chính');
  await expect(label(page.getByRole('listitem').filter({ hasText: ROAD }), 'Dự thảo trả lời')).toHaveValue(DRAFT);

  // At the session the secretary and the chair see what was prepared; the form starts
  // from it.
  await page.getByRole('link', { name: 'Phiên đối thoại' }).click();
  await page.getByRole('button', { name: 'Lập danh sách câu hỏi' }).click();
  await page.getByRole('button', { name: 'Bắt đầu phiên đối thoại' }).click();
  const current = page.getByRole('region', { name: /^Câu 1 ·/ });
  await expect(current).toContainText(ROAD);
  await expect(current).toContainText('Bộ phận chuẩn bị');
  await expect(current).toContainText('Địa chính (Phạm Thị Địa)');
  await expect(label(current, 'Tóm tắt câu trả lời')).toHaveValue(DRAFT);
  await current.getByRole('radio', { name: 'Trả lời sau', exact: true }).check();
  await expect(label(current, 'Bộ phận trả lời')).toHaveValue('Địa chính');
  await expect(label(current, 'Cán bộ phụ trách')).toHaveValue('Phạm Thị Địa');
  // At 1366×768 the question, the outcome form and its button are on one screen.
  await current.getByRole('radio', { name: 'Trả lời tại chỗ', exact: true }).check();
  await page.screenshot({ path: testInfo.outputPath('session-1366.png') });
  await expect(current.getByRole('button', { name: 'Ghi kết quả' })).toBeInViewport();
  await label(current, 'Người trả lời').fill('Chủ tịch UBND xã');
  await current.getByRole('button', { name: 'Ghi kết quả' }).click();
  await expect(status(page, 'Đã ghi kết quả.')).toBeVisible();
  // The hall follows on the projector: every outcome, never an official's name.
  const projector = await page.context().newPage();
  await projector.goto('./office/#/may-chieu');
  await expect(projector.getByText(DRAFT)).toBeVisible();
  // The lights were assigned with the water in one save: the form starts from that too.
  await next(page);
  const second = page.getByRole('region', { name: /^Câu 2 ·/ });
  await second.getByRole('radio', { name: 'Trả lời sau', exact: true }).check();
  await expect(label(second, 'Bộ phận trả lời')).toHaveValue('Văn phòng');
  await expect(label(second, 'Cán bộ phụ trách')).toHaveValue('Lê Thị Văn');
  await second.getByRole('button', { name: 'Ghi kết quả' }).click();
  await expect(status(page, 'Đã ghi kết quả.')).toBeVisible();
  await expect(projector.getByText('Văn phòng trả lời công dân chậm nhất ngày 05/10/2026.')).toBeVisible();
  await expect(projector.locator('body')).not.toContainText('Lê Thị Văn');
  await next(page);
  await record(page, FORWARDED);
  await expect(projector.getByText('Chuyển Sở Xây dựng tỉnh Hà Tĩnh giải quyết. UBND xã báo lại cho người kiến nghị trước ngày 20/10/2026.')).toBeVisible();

  // Ending asks first, and says what follows and by when the results are due.
  await page.getByRole('button', { name: 'Kết thúc phiên và lập biên bản' }).click();
  const ask = page.getByRole('alertdialog', { name: 'Kết thúc phiên đối thoại?' });
  await expect(ask).toContainText('Hạn niêm yết kết quả tại trụ sở UBND xã và gửi các thôn: 15/09/2026');
  await ask.getByRole('button', { name: 'Kết thúc phiên', exact: true }).click();
  await expect(status(page, 'Phiên đối thoại đã kết thúc. Biên bản số 01/BB-UBND.')).toBeVisible();
  await expect(page.getByRole('article', { name: 'BIÊN BẢN' })).toContainText(DRAFT);
  await expect(projector.getByText('Buổi đối thoại đã kết thúc. Xin cảm ơn bà con!')).toBeVisible();

  // After the session: what is left to do, each with its date, and the results made
  // public on time.
  await page.getByRole('link', { name: 'Theo dõi trả lời' }).click();
  const rows = page.getByRole('region', { name: 'Theo dõi trả lời sau đối thoại' }).getByRole('listitem');
  await expect(rows.filter({ hasText: 'Ngã ba chợ' })).toContainText('Văn phòng (Lê Thị Văn) · Hạn trả lời 05/10/2026');
  await expect(rows.filter({ hasText: 'Nước sinh hoạt' })).toContainText('Báo cho người kiến nghị trước ngày 20/10/2026');
  const publication = page.getByRole('region', { name: 'Công khai kết quả đối thoại' });
  await expect(publication).toContainText('chậm nhất ngày 15/09/2026');
  await label(publication, 'Ngày niêm yết tại UBND xã').fill('14/09/2026');
  await label(publication, 'Ngày gửi các thôn').fill('15/09/2026');
  await publication.getByRole('button', { name: 'Lưu ngày công khai' }).click();
  await expect(publication).toContainText('xong ngày 15/09/2026, đúng hạn');
});
