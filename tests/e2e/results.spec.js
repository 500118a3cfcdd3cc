// After the session the commune office sends each village its results file. The village
// head takes it in on "Gửi về xã" and sees, under each petition, what was decided, to tell
// the citizens at the next village meeting. The same file twice changes nothing; a
// damaged, cut-short, older or other village's file is refused with its reason in
// Vietnamese, and what the tablet holds stays as it was.
import { test, expect } from '@playwright/test';
import { setUpByHand, addPetition, petitionItems, stored, storedPetitions, checksumOf } from './fixtures/app.js';
import { asFile } from './fixtures/office.js';


/** A results file as the office writes it: the envelope, then the checksum over the rest. */
function resultsFile({ results, exportedAt = '2026-10-05T02:00:00.000Z', village = { code: 'thon-dong', name: 'Thôn Đông' } }) {
  const doc = {
    format: 'doithoai.results',
    version: 1,
    app_version: '0.1.0',
    exported_at: exportedAt,
    commune: 'Cẩm Quang',
    village,
    session_date: '2026-09-05',
    results,
  };
  return { ...doc, checksum: checksumOf(doc) };
}

/** The ids the tablet gave its petitions, by their text (read from local storage). */
async function idsByContent(page) {
  const records = Object.values(await storedPetitions(page));
  return Object.fromEntries(records.map((r) => [r.content, r.id]));
}

const ROAD = 'Đề nghị sửa đường liên thôn đoạn qua xóm 3';
const LIGHTS = 'Thiếu đèn chiếu sáng ngã ba chợ';
const SECRET = 'Tố cáo lấn chiếm đất công';
const ANSWERED = 'Kết quả: Đã trả lời tại hội nghị (Chủ tịch UBND xã): Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV';
const LATER = 'Kết quả: Giao Địa chính trả lời, chậm nhất ngày 05/10/2026.';
const LATER_ANSWER = 'Trả lời ngày 20/09/2026: Đã lắp 2 bóng đèn tại ngã ba chợ. Đã báo cho người nêu ngày 22/09/2026.';
const FORWARDED = 'Kết quả: Vượt thẩm quyền của xã, đã chuyển Thanh tra tỉnh; người nêu được thông báo chậm nhất ngày 20/10/2026.';

test('the village takes in the results, shows each answer under its petition, and refuses bad files without changing anything', async ({ page }) => {
  await setUpByHand(page, { commune: 'Cẩm Quang', village: 'Thôn Đông', head: 'Nguyễn Văn Hùng' });
  await addPetition(page, { content: ROAD, field: 'Xây dựng cơ bản', names: 'Trần Văn An', backers: 12 });
  await addPetition(page, { content: LIGHTS, field: 'Xây dựng cơ bản', names: 'Hồ Thị Mai' });
  await addPetition(page, { content: SECRET, field: 'Đất đai', kind: 'Tố cáo', names: 'Người Tố Cáo' });
  await addPetition(page, { content: 'Kiến nghị chưa được hỏi tại hội nghị', field: 'Khác' });
  const ids = await idsByContent(page);
  expect(Object.keys(ids)).toHaveLength(4);

  const good = resultsFile({
    results: [
      {
        petition: ids[ROAD],
        village: 'Thôn Đông',
        question: 'Sửa tuyến đường liên thôn',
        outcome: { kind: 'answered', summary: 'Xã đưa tuyến đường vào kế hoạch sửa chữa quý IV', by: 'Chủ tịch UBND xã' },
        answer: null,
      },
      {
        petition: ids[LIGHTS],
        village: 'Thôn Đông',
        question: LIGHTS,
        outcome: { kind: 'later', department: 'Địa chính', due: '2026-10-05' },
        answer: { answer: 'Đã lắp 2 bóng đèn tại ngã ba chợ', answered_on: '2026-09-20', agency_answer: '', told_on: '2026-09-22' },
      },
      {
        // Upper-case, as another program may write it: still this tablet's petition.
        petition: ids[SECRET].toUpperCase(),
        village: 'Thôn Đông',
        question: SECRET,
        outcome: { kind: 'forwarded', agency: 'Thanh tra tỉnh', reply_by: '2026-10-20' },
        answer: null,
      },
      {
        // Another village's petition in the same file: not this tablet's, left aside.
        petition: '0b7e4f0a-6a1d-4c55-8f0e-6f1f3c2a9b10',
        village: 'Thôn 2',
        question: 'Xin hỗ trợ giống lúa',
        outcome: { kind: 'withdrawn' },
        answer: null,
      },
    ],
  });
  const goodText = JSON.stringify(good, null, 2);

  await page.getByRole('link', { name: 'Gửi về xã' }).click();
  await expect(page.getByRole('heading', { name: 'Kết quả đối thoại từ xã' })).toBeVisible();
  await expect(page.getByText('Chưa nhận kết quả nào.')).toBeVisible();
  // The results are taken in on the tablet's second module, a page load away.
  await page.getByRole('link', { name: 'Nhận tệp kết quả…' }).click();
  await expect(page.getByText('Chưa nhận kết quả nào.')).toBeVisible();
  const picker = page.getByLabel('Nhận kết quả từ xã', { exact: true });
  await picker.setInputFiles(asFile('ket-qua_thon-dong_cam-quang_05-10-2026.json', goodText));

  // Taken in: the list, with each answer under its petition.
  await expect(page.getByRole('status')).toContainText('Đã nhận kết quả từ xã: 3 kiến nghị có kết quả, 2 kiến nghị đã được trả lời.');
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (4)' })).toBeVisible();
  const items = petitionItems(page);
  await expect(items.filter({ hasText: ROAD })).toContainText(ANSWERED);
  await expect(items.filter({ hasText: LIGHTS })).toContainText(LATER);
  await expect(items.filter({ hasText: LIGHTS })).toContainText(LATER_ANSWER);
  await expect(items.filter({ hasText: SECRET })).toContainText(FORWARDED);
  await expect(items.filter({ hasText: 'chưa được hỏi' })).not.toContainText('Kết quả');
  // Large enough to read out at a meeting.
  const size = await items.filter({ hasText: ROAD }).locator('.result').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(19);

  // An answered petition is not changed without a warning (issue 18): "no" leaves it be,
  // "yes" opens it; one without an answer opens at once.
  const asked = [];
  page.on('dialog', (d) => {
    asked.push(d.message());
    return asked.length === 1 ? d.dismiss() : d.accept();
  });
  await items.filter({ hasText: ROAD }).getByRole('button', { name: 'Sửa' }).click();
  expect(asked[0]).toContain('Kiến nghị này đã có kết quả trả lời của xã');
  await expect(page.getByRole('heading', { name: 'Thêm kiến nghị' })).toBeVisible();
  await items.filter({ hasText: ROAD }).getByRole('button', { name: 'Sửa' }).click();
  await expect(page.getByRole('heading', { name: 'Sửa kiến nghị' })).toBeVisible();
  await page.getByRole('button', { name: 'Huỷ sửa' }).click();
  await items.filter({ hasText: 'chưa được hỏi' }).getByRole('button', { name: 'Sửa' }).click();
  expect(asked).toHaveLength(2);
  await page.getByRole('button', { name: 'Huỷ sửa' }).click();

  const kept = (await stored(page, 'dt1:results'))['dt1:results'];
  const keptDoc = JSON.parse(kept);
  expect(keptDoc.format).toBe('doithoai.results');
  expect(keptDoc.results.map((r) => r.petition.toLowerCase()).sort()).toEqual([ids[ROAD], ids[LIGHTS], ids[SECRET]].sort());
  // What the tablet keeps is a results file itself, with its checksum made for it.
  expect(keptDoc.checksum).toBe(checksumOf(keptDoc));

  // The same file again: nothing changes.
  await page.getByRole('link', { name: 'Gửi về xã' }).click();
  await expect(page.getByText(/^Kết quả đã nhận: tệp xuất lúc 05\/10\/2026 09:00, 3 kiến nghị có kết quả, 2 kiến nghị đã được trả lời\.$/)).toBeVisible();
  await page.getByRole('link', { name: 'Nhận tệp kết quả…' }).click();
  await picker.setInputFiles(asFile('ket-qua.json', goodText));
  await expect(page.getByRole('status')).toContainText('Tệp kết quả này đã được nhận rồi, không có gì thay đổi.');
  await expect(page.getByRole('heading', { name: 'Kết quả đối thoại từ xã' })).toBeVisible();
  expect((await stored(page, 'dt1:results'))['dt1:results']).toBe(kept);

  // Refused files, each with its reason; nothing changes.
  const tampered = goodText.replace('quý IV', 'quý I');
  expect(tampered).not.toBe(goodText);
  const older = resultsFile({ ...good, exportedAt: '2026-10-01T02:00:00.000Z', results: good.results.slice(0, 1) });
  const otherVillage = resultsFile({ results: good.results, village: { code: 'thon-2', name: 'Thôn 2' } });
  const refused = [
    [asFile('sua.json', tampered), 'Mã kiểm tra không khớp: tệp đã bị sửa hoặc hỏng trên đường gửi. Hãy xin lại tệp gốc.', 'alert'],
    [asFile('cut.json', goodText.slice(0, Math.floor(goodText.length / 2))), 'Tệp bị cắt cụt: nội dung dừng giữa chừng. Hãy chép lại tệp từ nơi gửi.', 'alert'],
    [asFile('thon-2.json', JSON.stringify(otherVillage)), 'Tệp này dành cho Thôn 2, không phải thôn của máy này.', 'alert'],
    [asFile('v3.json', JSON.stringify({ ...good, version: 3 })), 'Phiên bản tệp 3 chưa được hỗ trợ (ứng dụng đọc được đến phiên bản 2). Hãy cập nhật ứng dụng.', 'alert'],
    [asFile('cu.json', JSON.stringify(older)), 'Tệp này cũ hơn kết quả đã nhận (xuất lúc 05/10/2026 09:00), nên giữ nguyên kết quả mới hơn.', 'status'],
  ];
  for (const [file, message, role] of refused) {
    await picker.setInputFiles(file);
    await expect(page.getByRole(role).filter({ hasText: message }), file.name).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Kết quả đối thoại từ xã' })).toBeVisible();
    expect((await stored(page, 'dt1:results'))['dt1:results'], file.name).toBe(kept);
  }

  // After a reload, the answers are still there.
  await page.reload();
  await page.getByRole('link', { name: 'Kiến nghị', exact: true }).click();
  await expect(items.filter({ hasText: ROAD })).toContainText(ANSWERED);
  await expect(items.filter({ hasText: LIGHTS })).toContainText(LATER_ANSWER);
  expect((await stored(page, 'dt1:results'))['dt1:results']).toBe(kept);
});
