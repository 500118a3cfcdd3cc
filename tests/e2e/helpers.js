// What every story does: set up a village, add a petition, read storage and files the way
// a person (or the office) would.
import { expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const fixture = (name) =>
  path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', name);

/** First start, typed by hand. */
export async function setUpByHand(page, { commune = 'Cẩm Quang', village = 'Thôn Đông', head = 'Nguyễn Văn Hùng' } = {}) {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  await page.getByLabel('Tên xã', { exact: true }).fill(commune);
  await page.getByLabel('Tên thôn (tổ dân phố, ấp, bản)', { exact: true }).fill(village);
  await page.getByLabel('Họ tên trưởng thôn', { exact: true }).fill(head);
  await page.getByRole('button', { name: 'Bắt đầu' }).last().click();
  await expect(page.getByRole('heading', { name: 'Thêm kiến nghị' })).toBeVisible();
}

/** Fills the petition form and saves it; waits for the saved message. */
export async function addPetition(page, { content, field, kind, names, address, phone, backers, confidential, insertText = false }) {
  const box = page.getByLabel('Nội dung', { exact: true });
  if (insertText) {
    await box.click();
    await page.keyboard.insertText(content);
  } else {
    await box.fill(content);
  }
  if (field) await page.getByLabel('Lĩnh vực', { exact: true }).selectOption(field);
  if (kind) await page.getByRole('radio', { name: kind, exact: true }).check();
  if (names !== undefined) await page.getByLabel('Người nêu', { exact: true }).fill(names);
  if (address !== undefined) await page.getByLabel('Địa chỉ', { exact: true }).fill(address);
  if (phone !== undefined) await page.getByLabel('Số điện thoại (không bắt buộc)', { exact: true }).fill(phone);
  if (backers !== undefined) await page.getByRole('spinbutton', { name: 'Số người cùng kiến nghị' }).fill(String(backers));
  if (confidential !== undefined) {
    await page.getByRole('checkbox', { name: 'Giữ bí mật danh tính người nêu' }).setChecked(confidential);
  }
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('status').getByText('Đã lưu kiến nghị.')).toBeVisible();
}

/** The list items of the petition list. */
export const petitionItems = (page) => page.getByRole('list').filter({ has: page.getByRole('button', { name: 'Sửa' }) }).getByRole('listitem');

/** Every stored entry under a key prefix, parsed. */
export async function stored(page, prefix) {
  return page.evaluate((prefix) => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith(prefix)) out[k] = localStorage.getItem(k);
    }
    return out;
  }, prefix);
}

/** The canonical JSON of docs/bundle-format.md: keys sorted, no white space. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The checksum a reader computes for a file: SHA-256 of the canonical document without it. */
export function checksumOf(doc) {
  const { checksum, ...rest } = doc;
  return 'sha256:' + createHash('sha256').update(canonical(rest), 'utf8').digest('hex');
}

/** Loads the app, waits for its service worker to control the page. */
export async function waitForOfflineReady(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.evaluate(() => navigator.serviceWorker.ready);
  }
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}
