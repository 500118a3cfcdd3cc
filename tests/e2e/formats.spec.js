// Data written by earlier releases still loads (issue 6, "an app update that changes the
// stored format"). Each fixture under fixtures/stored/ is the storage of one release, as
// that release wrote it; never edit one, add a new one when a format changes:
//   village-2026-12-01.json  local storage of the village tablet (`dt1:` entries)
//   office-2026-12-01.json   the office's IndexedDB entries, stored as strings
//   office-2026-12-03.json   the office's IndexedDB entries, each stored whole as UTF-8
//                            bytes, Thôn 1's chunk of 130 petitions (one object each) over
//                            64 KiB. Releases since write a village's petitions as rows (one
//                            array each) and an entry over 60 KiB in pieces, and read all three
// The 2026-12-01 ones carry no format stamp (format 1): the first start stamps it (`dt1:format`,
// `dt1:o:format`), and a migration cut short is put back from its backup entry
// (`dt1:migration-backup`, `dt1:o:migration-backup`) before it is done again.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, petitionItems, stored, fillStorage, freeStorage } from './fixtures/app.js';
import { asFile, downloaded, setUpOffice, villageBundle } from './fixtures/office.js';
import { openLocked, schemaErrors } from './fixtures/schemas.js';

const PASSPHRASE = 'trâu vàng gặm cỏ bên sông Lam';

const storedFixture = (name) => JSON.parse(readFileSync(fixture(`stored/${name}`), 'utf8'));

/** Local storage replaced by `entries` (key → text), the page not yet reloaded. */
const seedLocalStorage = (page, entries) =>
  page.evaluate((entries) => {
    localStorage.clear();
    for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
  }, entries);

/** The tablet's `dt1:` entries but the ones the app writes at every start. */
async function tabletEntries(page) {
  const { 'dt1:device': _device, ...rest } = await stored(page, 'dt1:');
  return rest;
}

/** The office's database holding `entries` (key → text), written before the app opens it:
 * as strings, as the 2026-12-01 release stored them, or with `bytes` as UTF-8 bytes, one
 * value per entry, as the 2026-12-03 release did. */
async function seedOfficeDatabase(page, entries, { bytes = false } = {}) {
  await page.goto('./icons/icon.svg');
  await page.evaluate(async ([entries, bytes]) => {
    await new Promise((resolve, reject) => {
      const req = indexedDB.open('doithoai-office', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('kv');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const tx = req.result.transaction('kv', 'readwrite');
        for (const [k, v] of Object.entries(entries)) tx.objectStore('kv').put(bytes ? new TextEncoder().encode(v) : v, k);
        tx.oncomplete = () => { req.result.close(); resolve(); };
        tx.onerror = () => reject(tx.error);
      };
    });
  }, [entries, bytes]);
}

/** Every record of the office's database as stored, key → its value's size in bytes (UTF-8
 * for a string), but the tabs' commit counter. */
const officeRecords = (page) =>
  page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('doithoai-office', 1);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const store = req.result.transaction('kv').objectStore('kv');
      const keys = store.getAllKeys();
      const values = store.getAll();
      values.onsuccess = () => {
        const out = {};
        keys.result.forEach((k, i) => {
          const v = values.result[i];
          if (k !== 'dt1:o:generation') out[k] = typeof v === 'string' ? new TextEncoder().encode(v) : v;
        });
        req.result.close();
        resolve(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Array.from(v)])));
      };
      values.onerror = () => reject(values.error);
    };
  }));

/** Every entry of the office's database as text, its pieces joined (an entry over 60 KiB
 * is stored under its key and `<key>\u00010001`, `…0002`, which sort in that order right
 * after it), but the tabs' commit counter. */
async function officeEntries(page) {
  const records = await officeRecords(page);
  const keys = Object.keys(records).sort();
  const bytes = {};
  for (const k of keys) {
    const [entry] = k.split('\u0001');
    bytes[entry] = [...(bytes[entry] ?? []), ...records[k]];
  }
  return Object.fromEntries(Object.entries(bytes).map(([k, v]) => [k, Buffer.from(v).toString('utf8')]));
}

test('a village tablet of the 2026-12-01 release opens with all its petitions', async ({ page }) => {
  const entries = storedFixture('village-2026-12-01.json');
  await page.goto('./');
  // A new tablet is sent on to the first-start page: seed storage once it is there.
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  await seedLocalStorage(page, entries);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
  await expect(petitionItems(page).filter({ hasText: 'tuyến đường liên thôn' })).toHaveCount(1);
  await expect(petitionItems(page).filter({ hasText: 'lấn chiếm đất công' })).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Stamped with the current format at this first start; nothing else rewritten, nothing said.
  expect(await tabletEntries(page)).toEqual({ ...entries, 'dt1:format': '1' });
  await expect(page.getByText('Ứng dụng vừa được cập nhật')).toHaveCount(0);
});

test('a tablet whose update was cut short gets its data back from the migration backup', async ({ page }) => {
  const entries = storedFixture('village-2026-12-01.json');
  const [first, , third] = Object.keys(entries).filter((k) => k.startsWith('dt1:p:'));
  await page.goto('./');
  // A new tablet is sent on to the first-start page: seed storage once it is there.
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  // As a tab closed in the middle of a migration leaves it: the backup of every entry,
  // the stamp already written, one petition rewritten, one removed, one entry added.
  const changed = JSON.parse(entries[first]);
  changed.content = 'Nội dung ghi dở dang khi đang chuyển định dạng';
  const { [third]: _gone, ...rest } = entries;
  await seedLocalStorage(page, {
    ...rest,
    [first]: JSON.stringify(changed),
    'dt1:meeting-v9': '{}',
    'dt1:format': '1',
    'dt1:migration-backup': JSON.stringify(entries),
  });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
  await expect(petitionItems(page).filter({ hasText: 'tuyến đường liên thôn' })).toHaveCount(1);
  await expect(petitionItems(page).filter({ hasText: 'lấn chiếm đất công' })).toHaveCount(1);
  await expect(page.getByText('ghi dở dang')).toHaveCount(0);
  await expect(page.getByRole('status').getByText('Lần cập nhật trước bị ngắt giữa chừng')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Exactly the entries of before, stamped; the backup gone.
  expect(await tabletEntries(page)).toEqual({ ...entries, 'dt1:format': '1' });
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
  await expect(page.getByText('ngắt giữa chừng')).toHaveCount(0);
});

test('a tablet with storage full at the update runs on its old format and offers the backup', async ({ page }) => {
  const entries = storedFixture('village-2026-12-01.json');
  await page.goto('./');
  // A new tablet is sent on to the first-start page: seed storage once it is there.
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  await seedLocalStorage(page, entries);
  await fillStorage(page);
  // Down to fewer characters than the stamp's entry (`dt1:format` = "1") needs.
  await page.evaluate(() => {
    try {
      for (let i = 0; i < 100000; i++) localStorage.setItem(`junk-${i}`, '');
    } catch (e) {
      if (e.name !== 'QuotaExceededError') throw e;
    }
  });
  await page.reload();
  const alert = page.getByRole('alert').filter({ hasText: 'chưa chuyển được dữ liệu sang cách lưu của phiên bản mới' });
  await expect(alert).toContainText('Bộ nhớ của trình duyệt đã đầy');
  await expect(alert).toContainText('Dữ liệu vẫn nguyên vẹn và dùng được như cũ.');
  // Everything shows, read in the old format; nothing was changed.
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
  const { 'dt1:device': _device, ...held } = await stored(page, 'dt1:');
  expect(held).toEqual(entries);
  // The backup, one click in the message, holds every petition.
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Tải bản sao lưu toàn bộ' }).click(),
  ]);
  const backup = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(Object.keys(backup.village).filter((k) => k.startsWith('dt1:p:'))).toHaveLength(3);
  // With room again, the next start stamps it and says nothing.
  await freeStorage(page);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (3)' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await tabletEntries(page)).toEqual({ ...entries, 'dt1:format': '1' });
});

test('an office of the 2026-12-01 release (entries stored as text) opens with its data, and keeps it after a change', async ({ page }) => {
  const entries = storedFixture('office-2026-12-01.json');
  // The database as that release left it, written before the app opens it.
  await seedOfficeDatabase(page, entries);
  await page.goto('./office/#/tong-hop');
  await expect(page.getByText('4 kiến nghị', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Stamped with the current format at this first start; nothing else rewritten.
  expect(await officeEntries(page)).toEqual({ ...entries, 'dt1:o:format': '1' });
  await page.getByRole('link', { name: 'Nhóm vấn đề' }).click();
  const group = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Sửa chữa đường liên thôn' }) });
  await expect(group).toContainText('2 thôn: Thôn 1, Thôn 2');

  // A change is stored in the new encoding beside the old entries; all of it reloads.
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await page.getByRole('button', { name: /chế độ trợ cấp cho người cao tuổi/ }).click();
  await page.getByLabel('Bộ phận', { exact: true }).last().selectOption('Chính sách xã hội');
  await page.getByRole('button', { name: 'Lưu phân loại và giao việc' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu phân loại và giao việc.')).toBeVisible();
  await page.reload();
  await expect(page.getByText('4 kiến nghị', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Theo bộ phận' }).click();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Chính sách xã hội');
  await expect(page.getByText('0 nhóm và 1 kiến nghị riêng lẻ')).toBeVisible();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Địa chính');
  await expect(page.getByText('1 nhóm và 0 kiến nghị riêng lẻ')).toBeVisible();
});

test('an office whose update was cut short gets its data back from the migration backup', async ({ page }) => {
  const entries = storedFixture('office-2026-12-01.json');
  // The backup of every entry, the stamp written, Thôn 1's chunk cut off half-way and
  // Thôn 2's removed.
  const { 'dt1:o:v:thon-2': _gone, ...rest } = entries;
  await seedOfficeDatabase(page, {
    ...rest,
    'dt1:o:v:thon-1': '{"village":"thon-1","entries":[{"id":',
    'dt1:o:format': '1',
    'dt1:o:migration-backup': JSON.stringify(entries),
  });
  await page.goto('./office/#/tong-hop');
  await expect(page.getByText('4 kiến nghị', { exact: true })).toBeVisible();
  await expect(page.getByRole('status').getByText('Lần cập nhật trước bị ngắt giữa chừng')).toBeVisible();
  // Nothing was set aside as broken: the cut chunk was put back before anything read it.
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await officeEntries(page)).toEqual({ ...entries, 'dt1:o:format': '1' });
  await page.getByRole('link', { name: 'Nhóm vấn đề' }).click();
  const group = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Sửa chữa đường liên thôn' }) });
  await expect(group).toContainText('2 thôn: Thôn 1, Thôn 2');
});

test('an office of the 2026-12-03 release (entries stored whole as bytes, one over 64 KiB) opens with its data and keeps it after a change', async ({ page }) => {
  const entries = storedFixture('office-2026-12-03.json');
  await seedOfficeDatabase(page, entries, { bytes: true });
  await page.goto('./office/#/tong-hop');
  await expect(page.getByText('132 kiến nghị; hiện 100 đầu tiên, hãy lọc thêm')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  // Already stamped with the current format: nothing rewritten at start.
  expect(await officeEntries(page)).toEqual(entries);
  expect(Object.keys(await officeRecords(page))).toEqual(Object.keys(entries));

  // A change to Thôn 1 writes its chunk again, in rows, in records of 60 KiB at most; all
  // of it reloads.
  await page.getByLabel('Tìm kiếm', { exact: true }).fill('kien nghi so 77');
  await page.getByRole('button', { name: /Kiến nghị số 77:/ }).click();
  await page.getByLabel('Bộ phận', { exact: true }).last().selectOption('Địa chính');
  await page.getByRole('button', { name: 'Lưu phân loại và giao việc' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu phân loại và giao việc.')).toBeVisible();
  const records = await officeRecords(page);
  const pieces = Object.keys(records).filter((k) => k.startsWith('dt1:o:v:thon-1'));
  expect(pieces[0]).toBe('dt1:o:v:thon-1');
  for (const k of pieces) expect(records[k].length).toBeLessThanOrEqual(60 * 1024);
  const chunk = JSON.parse((await officeEntries(page))['dt1:o:v:thon-1']);
  expect(chunk.rows).toHaveLength(130);
  await page.reload();
  await expect(page.getByText('132 kiến nghị; hiện 100 đầu tiên, hãy lọc thêm')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('link', { name: 'Theo bộ phận' }).click();
  await page.getByLabel('Bộ phận', { exact: true }).selectOption('Địa chính');
  await expect(page.getByText('0 nhóm và 1 kiến nghị riêng lẻ')).toBeVisible();
  await expect(page.getByText(/Kiến nghị số 77:/)).toBeVisible();
});

test('office: a chunk that shrinks leaves none of its old pieces behind', async ({ page }) => {
  const many = Array.from({ length: 300 }, (_, i) => ({
    content: `Kiến nghị ${i + 1}: đề nghị nạo vét kênh mương nội đồng đoạn qua cánh đồng xóm ${i + 1}, mùa mưa nước tràn vào ruộng lúa, bà con không kịp thu hoạch.`,
    field: 'Nông nghiệp',
  }));
  await setUpOffice(page);
  const importFiles = async (files, said) => {
    await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
    await page.getByLabel('Chọn các tệp…', { exact: true }).setInputFiles(files);
    await expect(page.getByRole('status').getByText(said)).toBeVisible();
  };
  await importFiles([villageBundle({ code: 'thon-1', name: 'Thôn 1' }, [{ content: 'Đường xóm 1 hỏng', field: 'Giao thông' }])], 'Đã nhận 1/1 tệp.');
  await page.getByRole('link', { name: 'Sao lưu' }).click();
  // The backup is locked with a passphrase the person chooses (issue 19); a short one is
  // refused.
  await page.getByLabel('Mật khẩu bảo vệ tệp', { exact: true }).fill('camquang');
  await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill('camquang');
  await page.getByRole('button', { name: 'Tải bản sao lưu có mật khẩu' }).click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu quá ngắn: cần ít nhất 10 ký tự.');
  await page.getByLabel('Mật khẩu bảo vệ tệp', { exact: true }).fill(PASSPHRASE);
  await expect(page.getByText('Mật khẩu mạnh.')).toBeVisible();
  await page.getByLabel('Nhập lại mật khẩu', { exact: true }).fill(PASSPHRASE);
  const backup = await downloaded(page, 'Tải bản sao lưu có mật khẩu');
  expect(backup.name).toMatch(/\.age\.txt$/);
  expect(backup.text).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
  expect(backup.text).not.toContain('Đường xóm 1 hỏng');
  // Opened by the format's reference implementation, it is a backup its schema accepts.
  const inside = await openLocked(backup.text, PASSPHRASE);
  expect(schemaErrors(inside)).toEqual([]);
  expect(inside).toContain('Đường xóm 1 hỏng');
  // Thôn 1 grows to 301 petitions: its chunk is stored in pieces.
  await importFiles([villageBundle({ code: 'thon-1', name: 'Thôn 1' }, many)], 'Đã nhận 1/1 tệp.');
  const thon1 = async () => Object.keys(await officeRecords(page)).filter((k) => k.startsWith('dt1:o:v:thon-1'));
  expect((await thon1()).length).toBeGreaterThan(1);
  // Read back whole after a reload, its pieces joined.
  await page.reload();
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('301 kiến nghị; hiện 100 đầu tiên, hãy lọc thêm')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Tìm kiếm', { exact: true }).fill('kien nghi 300');
  await expect(page.getByRole('button', { name: /Kiến nghị 300:/ })).toBeVisible();
  // The backup puts back the chunk of one petition: one record, no stale piece after it.
  await page.getByRole('link', { name: 'Sao lưu' }).click();
  await page.getByLabel('Chọn tệp sao lưu…', { exact: true }).setInputFiles(asFile(backup.name, backup.text));
  // A wrong passphrase is refused and changes nothing.
  await page.getByLabel('Mật khẩu của tệp', { exact: true }).fill('không phải mật khẩu này');
  await page.getByRole('button', { name: 'Mở tệp' }).click();
  await expect(page.getByRole('alert')).toContainText('Mật khẩu không đúng (hoặc tệp đã bị sửa). Không có gì thay đổi.');
  expect((await thon1()).length).toBeGreaterThan(1);
  await page.getByLabel('Mật khẩu của tệp', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Mở tệp' }).click();
  await page.getByRole('button', { name: 'Khôi phục, thay dữ liệu hiện tại' }).click();
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('1 kiến nghị', { exact: true })).toBeVisible();
  expect(await thon1()).toEqual(['dt1:o:v:thon-1']);
  await page.reload();
  await expect(page.getByText('1 kiến nghị', { exact: true })).toBeVisible();
  await expect(page.getByText('Đường xóm 1 hỏng')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
