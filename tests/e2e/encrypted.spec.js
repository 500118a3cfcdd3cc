// Encrypted village bundles (issue 6, "nothing leaked"): the office makes its key pair when
// it saves the setup, and the setup file carries the public key to the tablets. A tablet
// then exports its bundle encrypted for the office (on by default): the file shows no
// petition and no name, not even a confidential denouncer's. The office imports it like a
// plain one; a copy with one byte changed, a copy cut short and a copy encrypted for
// another key are refused in Vietnamese and change nothing.
import { test, expect } from '@playwright/test';
import { Encrypter, armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { checksumOf, seriousViolations } from './fixtures/app.js';
import { downloaded, setUpOffice, villageTablet } from './fixtures/office.js';
import { openLocked, schemaErrors } from './fixtures/schemas.js';

const BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const WHISTLEBLOWER = 'Phan Thị Tố Giác';
const PETITIONS = [
  { content: 'Đề nghị sửa cống thoát nước ở xóm Bàu bị tắc, mùa mưa ngập đường', field: 'Xây dựng cơ bản', names: 'Hồ Văn Cống', backers: 8 },
  { content: 'Tố cáo cán bộ địa chính nhận tiền để làm nhanh hồ sơ đất', field: 'Đất đai', kind: 'Tố cáo', names: WHISTLEBLOWER, phone: '0912345678' },
  { content: 'Hỏi về thời gian chi trả trợ cấp cho người cao tuổi', field: 'Chính sách xã hội', kind: 'Câu hỏi', names: 'Lê Thị Hỏi' },
];

const textFile = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });

/** One character of the armour's base64 changed for another, the armour still well formed. */
function changeOneByte(text) {
  const lines = text.split('\n');
  const i = Math.floor(lines.length / 2); // a line of the payload, between the header and the end
  const line = lines[i];
  const j = Math.floor(line.length / 2);
  lines[i] = line.slice(0, j) + (line[j] === 'A' ? 'B' : 'A') + line.slice(j + 1);
  return lines.join('\n');
}

test('a tablet exports a bundle encrypted for the office, which alone can read it; tampered and foreign copies are refused', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await setUpOffice(page);
  // The key pair is made with the setup; its public half is shown and kept across a reload.
  const shown = page.getByTestId('office-key');
  await expect(shown).toHaveText(/^age1[02-9ac-hj-np-z]{58}$/);
  const officeKey = await shown.textContent();
  await page.reload();
  await page.getByRole('link', { name: 'Thiết lập', exact: true }).click();
  await expect(page.getByTestId('office-key')).toHaveText(officeKey);
  expect(await seriousViolations(page)).toEqual([]);

  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  const setupDoc = JSON.parse(setup.text);
  expect(setupDoc.office_key).toBe(officeKey);
  expect(setupDoc.checksum).toBe(checksumOf(setupDoc));
  expect(setup.text).not.toContain('SECRET');

  const tablet = await villageTablet(browser, setup.text, 'Thôn 1', PETITIONS);
  const t = tablet.page;
  await t.getByRole('link', { name: 'Gửi về xã' }).click();
  const encrypt = t.getByRole('checkbox', { name: /^Mã hoá tệp \(nên dùng\): chỉ Văn phòng UBND xã mở được/ });
  await expect(encrypt).toBeChecked();
  expect(await seriousViolations(t)).toEqual([]);
  const sealed = await downloaded(t, 'Tải tệp về máy');
  expect(sealed.name).toMatch(/^kien-nghi_thon-1_cam-quang_\d{2}-\d{2}-\d{4}\.age\.txt$/);
  await expect(t.getByRole('status')).toContainText(`Đã tạo tệp ${sealed.name}.`);
  expect(sealed.text.startsWith(BEGIN)).toBe(true);
  // The file's bytes show nothing: no petition text, no name, no phone, not even the village.
  const bytes = Buffer.from(sealed.text, 'utf8');
  for (const secret of [...PETITIONS.flatMap((p) => [p.content, p.names]), 'Tố cáo', '0912345678', 'Thôn 1', 'Cẩm Quang', 'doithoai']) {
    expect(bytes.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
    expect(bytes.includes(Buffer.from(secret.normalize('NFD'), 'utf8')), secret).toBe(false);
  }
  expect(/^[\x20-\x7e\n]*$/.test(sealed.text)).toBe(true);

  // The plain file, asked for by unticking the box, to make a copy for another office.
  await encrypt.uncheck();
  const plain = await downloaded(t, 'Tải tệp về máy');
  expect(plain.name.endsWith('.json')).toBe(true);
  expect(plain.text).toContain(WHISTLEBLOWER);
  const other = new Encrypter();
  other.addRecipient(await identityToRecipient(await generateX25519Identity()));
  const foreign = armor.encode(await other.encrypt(plain.text));

  // The office reads the encrypted file as it reads a plain one.
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  const picker = page.getByLabel('Chọn các tệp…', { exact: true });
  await picker.setInputFiles([textFile(sealed.name, sealed.text)]);
  await expect(page.getByRole('status').getByText('Đã nhận 1/1 tệp.')).toBeVisible();
  const row = page.getByRole('region', { name: 'Kết quả nhận tệp' }).getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Thôn 1', exact: true }) });
  await expect(row.getByRole('cell')).toHaveText(['3', '0', '0', '0', '0']);
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('3 kiến nghị', { exact: true })).toBeVisible();

  // One byte changed, cut short, encrypted for another office: each refused, nothing kept.
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await picker.setInputFiles([
    textFile('bi-sua.age.txt', changeOneByte(sealed.text)),
    textFile('cut-ngang.age.txt', sealed.text.slice(0, Math.floor(sealed.text.length * 0.6))),
    textFile('xa-khac.age.txt', foreign),
  ]);
  await expect(page.getByRole('status').getByText('Đã nhận 0/3 tệp.')).toBeVisible();
  await expect(page.getByText('3 tệp bị từ chối, không có gì trong các tệp này được lưu:')).toBeVisible();
  const refused = page.getByRole('listitem');
  await expect(refused.filter({ hasText: 'bi-sua.age.txt' })).toContainText('Tệp mã hoá đã bị sửa hoặc bị hỏng trên đường gửi nên không mở được.');
  await expect(refused.filter({ hasText: 'cut-ngang.age.txt' })).toContainText('Tệp mã hoá bị cắt cụt');
  await expect(refused.filter({ hasText: 'xa-khac.age.txt' })).toContainText('Tệp được mã hoá cho một khoá khác');
  await page.getByRole('link', { name: 'Tổng hợp' }).click();
  await expect(page.getByText('3 kiến nghị', { exact: true })).toBeVisible();

  // The same encrypted file again changes nothing; a plain bundle still imports.
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await picker.setInputFiles([textFile(sealed.name, sealed.text), { name: plain.name, mimeType: 'application/json', buffer: Buffer.from(plain.text) }]);
  await expect(page.getByRole('status').getByText('Đã nhận 2/2 tệp.')).toBeVisible();
  await expect(row.getByRole('cell')).toHaveText(['0', '0', '6', '0', '0']);
  await tablet.context.close();
});

test('a tablet set up before the office had a key learns it from a newer setup file', async ({ page, browser }) => {
  await setUpOffice(page);
  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  // The file an office sent before it had a key.
  const { office_key: officeKey, checksum, ...rest } = JSON.parse(setup.text);
  expect(officeKey).toMatch(/^age1/);
  const old = { ...rest, checksum: checksumOf(rest) };
  const tablet = await villageTablet(browser, JSON.stringify(old), 'Thôn 2', [PETITIONS[1]]);
  const t = tablet.page;
  await t.getByRole('link', { name: 'Gửi về xã' }).click();
  await expect(t.getByRole('heading', { name: 'Gửi kiến nghị về xã' })).toBeVisible();
  await expect(t.getByRole('checkbox', { name: /^Mã hoá tệp/ })).toHaveCount(0);

  // The newer setup file, on the button that takes files from the commune.
  await t.getByRole('link', { name: 'Nhận tệp kết quả…' }).click();
  await t.getByLabel('Nhận kết quả từ xã', { exact: true }).setInputFiles(textFile('thiet-lap.json', setup.text));
  await expect(t.getByRole('status')).toContainText('Đã nhận khoá mã hoá của xã: từ nay tệp gửi về xã được mã hoá.');
  await t.getByRole('link', { name: 'Gửi về xã' }).click();
  await expect(t.getByRole('checkbox', { name: /^Mã hoá tệp/ })).toBeChecked();
  const sealed = await downloaded(t, 'Tải tệp về máy');
  expect(sealed.name.endsWith('.age.txt')).toBe(true);
  expect(sealed.text).not.toContain(WHISTLEBLOWER);

  // The office reads it.
  await page.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await page.getByLabel('Chọn các tệp…', { exact: true }).setInputFiles([textFile(sealed.name, sealed.text)]);
  await expect(page.getByRole('status').getByText('Đã nhận 1/1 tệp.')).toBeVisible();
  await tablet.context.close();
});

test("the office's key file moves its key to a second computer, which then opens the tablets' encrypted bundles", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const PASSPHRASE = 'cống xóm Bàu ngập mùa mưa';
  await setUpOffice(page);
  const officeKey = await page.getByTestId('office-key').textContent();
  const setup = await downloaded(page, 'Xuất tệp thiết lập cho các thôn');
  const tablet = await villageTablet(browser, setup.text, 'Thôn 1', PETITIONS.slice(0, 2));
  const sealed = await tablet.exportBundle({ encrypted: true });
  await tablet.context.close();

  // The first office computer saves its key file, locked with a passphrase.
  const keys = page.getByRole('region', { name: 'Khoá mã hoá tệp của các thôn' });
  await expect(keys).toContainText('Khoá bí mật của văn phòng nằm trong trình duyệt này');
  await keys.getByLabel('Mật khẩu bảo vệ tệp', { exact: true }).fill(PASSPHRASE);
  await keys.getByLabel('Nhập lại mật khẩu', { exact: true }).fill(PASSPHRASE + '!');
  await keys.getByRole('button', { name: 'Lưu tệp khoá (có mật khẩu)' }).click();
  await expect(page.getByRole('alert')).toContainText('Hai lần nhập mật khẩu không giống nhau.');
  await keys.getByLabel('Nhập lại mật khẩu', { exact: true }).fill(PASSPHRASE);
  const keyFile = await downloaded(page, 'Lưu tệp khoá (có mật khẩu)');
  expect(keyFile.name).toMatch(/^khoa-van-phong_cam-quang_\d{2}-\d{2}-\d{4}\.age\.txt$/);
  expect(keyFile.text.startsWith(BEGIN)).toBe(true);
  expect(keyFile.text).not.toContain('AGE-SECRET-KEY');
  // Opened by the format's reference implementation: the key pair, as its schema says.
  const inside = await openLocked(keyFile.text, PASSPHRASE);
  expect(schemaErrors(inside)).toEqual([]);
  expect(JSON.parse(inside).public).toBe(officeKey);

  // A second office computer: its own browser profile, its own setup and key at first.
  const second = await browser.newContext();
  const other = await second.newPage();
  await setUpOffice(other);
  await expect(other.getByTestId('office-key')).not.toHaveText(officeKey);
  await other.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await other.getByLabel('Chọn các tệp…', { exact: true }).setInputFiles(textFile(sealed.name, sealed.text));
  await expect(other.getByRole('status').getByText('Đã nhận 0/1 tệp.')).toBeVisible();
  // It takes the key file: a wrong passphrase changes nothing, the right one brings the key.
  await other.getByRole('link', { name: 'Thiết lập', exact: true }).click();
  const otherKeys = other.getByRole('region', { name: 'Khoá mã hoá tệp của các thôn' });
  await otherKeys.getByLabel('Nhập tệp khoá từ máy khác…', { exact: true }).setInputFiles(textFile(keyFile.name, keyFile.text));
  await otherKeys.getByLabel('Mật khẩu của tệp', { exact: true }).fill('sai mật khẩu rồi');
  await otherKeys.getByRole('button', { name: 'Mở tệp khoá' }).click();
  await expect(other.getByRole('alert')).toContainText('Mật khẩu không đúng');
  await expect(other.getByTestId('office-key')).not.toHaveText(officeKey);
  await otherKeys.getByLabel('Mật khẩu của tệp', { exact: true }).fill(PASSPHRASE);
  await otherKeys.getByRole('button', { name: 'Mở tệp khoá' }).click();
  await expect(other.getByRole('status').getByText('Đã nhập khoá của văn phòng xã Cẩm Quang.')).toBeVisible();
  await expect(other.getByTestId('office-key')).toHaveText(officeKey);
  // Kept across a reload, and the tablet's encrypted bundle now opens.
  await other.reload();
  await expect(other.getByTestId('office-key')).toHaveText(officeKey);
  await other.getByRole('link', { name: 'Nhận tệp các thôn' }).click();
  await other.getByLabel('Chọn các tệp…', { exact: true }).setInputFiles(textFile(sealed.name, sealed.text));
  // Two status lines while a file is read (its progress, the message line): the message.
  await expect(other.getByRole('status').getByText('Đã nhận 1/1 tệp.')).toBeVisible();
  expect(await seriousViolations(other)).toEqual([]);
  await second.close();
});
