// Usable by keyboard alone, by fingers on a tablet, and by screen readers: a petition can be
// added without touching the mouse, every control is a large enough target, and axe-core
// finds no serious or critical problem on any main page.
import { test, expect } from '@playwright/test';
import { setUpByHand, addPetition, petitionItems, fixture, backersBox, seriousViolations } from './fixtures/app.js';

/** Presses Tab until `locator` has the focus (at most `max` times). */
async function tabTo(page, locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(locator).toBeFocused();
}

/**
 * Every visible control of the page that is smaller than a fingertip (44 CSS px high).
 * Radio buttons and checkboxes are touched through their label (the whole chip or row is
 * the target), so the label is measured for them; everything else is measured itself.
 */
async function smallTargets(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const describe = (el) => `${el.tagName.toLowerCase()}${el.type ? `[${el.type}]` : ''} “${(el.getAttribute('aria-label') || el.textContent || el.id || '').trim().slice(0, 40)}”`;
    const out = [];
    for (const el of document.querySelectorAll('button, input, select, textarea, a[href]')) {
      const choice = el.matches('input[type=radio], input[type=checkbox], input[type=file]');
      const target = choice ? el.closest('label') : el;
      if (!target) { out.push(`${describe(el)}: no label to touch`); continue; }
      if (!visible(target)) continue;
      const { height, width } = target.getBoundingClientRect();
      if (height < 44) out.push(`${describe(el)}: ${Math.round(height)} px high`);
      if (el.tagName === 'BUTTON' && width < 44) out.push(`${describe(el)}: ${Math.round(width)} px wide`);
    }
    return out;
  });
}

test('a petition can be added with the keyboard alone, from the first start on', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  // Set up by hand: Tab to the commune box, type, Tab on, Enter to start.
  await tabTo(page, page.getByLabel('Tên xã', { exact: true }));
  await page.keyboard.type('Cẩm Quang');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Tên thôn (tổ dân phố, ấp, bản)', { exact: true })).toBeFocused();
  await page.keyboard.type('Thôn Tây');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Lê Văn Tám');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Thêm kiến nghị' })).toBeVisible();

  const content = page.getByLabel('Nội dung', { exact: true });
  await tabTo(page, content);
  await page.keyboard.type('Đề nghị lắp thêm đèn đường');
  await page.keyboard.press('Tab');
  const field = page.getByLabel('Lĩnh vực', { exact: true });
  await expect(field).toBeFocused();
  // None is chosen for the head: the first arrow press takes the first field.
  await expect(field).toHaveValue('');
  await page.keyboard.press('ArrowDown');
  await expect(field).toHaveValue('Đất đai');
  // The kinds are one radio group: one Tab stop, arrows to choose.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Kiến nghị', exact: true })).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Tố cáo', exact: true })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Người nêu', { exact: true })).toBeFocused();
  await page.keyboard.type('Vũ Thị Mai');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Xóm Bãi');
  await page.keyboard.press('Tab');
  await page.keyboard.type('0912 000 111');
  await tabTo(page, page.getByRole('button', { name: 'Thêm một người' }), 3);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  await expect(backersBox(page)).toHaveValue('3');
  await page.keyboard.press('Tab');
  const secret = page.getByRole('checkbox', { name: 'Giữ bí mật danh tính người nêu' });
  await expect(secret).toBeFocused();
  await expect(secret).toBeChecked(); // turned on by choosing Tố cáo
  await page.keyboard.press('Space');
  await expect(secret).not.toBeChecked();
  await page.keyboard.press('Space');
  await expect(secret).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Lưu kiến nghị' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('status').getByText('Đã lưu kiến nghị.')).toBeVisible();
  const first = petitionItems(page).filter({ hasText: 'Đề nghị lắp thêm đèn đường' });
  await expect(first).toContainText('Tố cáo');
  await expect(first).toContainText('Đất đai');
  await expect(first).toContainText('Vũ Thị Mai');
  await expect(first).toContainText('3 người cùng kiến nghị');
  await expect(first).toContainText('Danh tính được giữ bí mật');
  // Ready for the next one: the focus is back in the content box.
  await expect(content).toBeFocused();

  // The next one in seconds: type, Tab to the field and choose it (it is not kept from
  // the last one), Tab to the names, Enter saves.
  await page.keyboard.type('Đường vào xóm Bãi lầy lội');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Lĩnh vực', { exact: true })).toHaveValue('');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Người nêu', { exact: true })).toBeFocused();
  await page.keyboard.type('Đinh Văn Nam');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
  await expect(petitionItems(page).filter({ hasText: 'lầy lội' })).toContainText('Đinh Văn Nam');
  await expect(content).toBeFocused();

  // Edit and delete (with undo) from the keyboard as well.
  const second = petitionItems(page).filter({ hasText: 'lầy lội' });
  await tabTo(page, second.getByRole('button', { name: 'Sửa' }), 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Sửa kiến nghị' })).toBeVisible();
  await expect(content).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' khi mưa');
  await tabTo(page, page.getByRole('button', { name: 'Lưu kiến nghị' }));
  await page.keyboard.press('Enter');
  await expect(petitionItems(page).filter({ hasText: 'lầy lội khi mưa' })).toHaveCount(1);
  await tabTo(page, petitionItems(page).filter({ hasText: 'lầy lội khi mưa' }).getByRole('button', { name: 'Xoá' }), 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (1)' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Hoàn tác' }), 60);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Danh sách kiến nghị (2)' })).toBeVisible();
});

for (const viewport of [{ width: 800, height: 1280 }, { width: 360, height: 740 }]) {
  test(`every control on the petitions page is a finger-sized target (${viewport.width}×${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await setUpByHand(page);
    await addPetition(page, { content: 'Đề nghị sửa cầu tràn', field: 'Xây dựng cơ bản', names: 'Trần Văn An' });
    await addPetition(page, { content: 'Tố cáo việc lấn chiếm đất', field: 'Đất đai', kind: 'Tố cáo' });
    await addPetition(page, { content: 'Hỏi về nước sạch', field: 'Khác', kind: 'Câu hỏi' });
    expect(await smallTargets(page), 'list and form').toEqual([]);

    // While editing ("Huỷ sửa" shows), and with the undo message after a deletion.
    await petitionItems(page).first().getByRole('button', { name: 'Sửa' }).click();
    await expect(page.getByRole('button', { name: 'Huỷ sửa' })).toBeVisible();
    expect(await smallTargets(page), 'editing').toEqual([]);
    await page.getByRole('button', { name: 'Huỷ sửa' }).click();
    await petitionItems(page).last().getByRole('button', { name: 'Xoá' }).click();
    await expect(page.getByRole('button', { name: 'Hoàn tác' })).toBeVisible();
    expect(await smallTargets(page), 'undo message').toEqual([]);

    // With the large text setting too.
    await page.getByRole('link', { name: 'Cài đặt' }).click();
    await page.getByRole('checkbox', { name: 'Chữ lớn' }).check();
    await page.getByRole('link', { name: 'Kiến nghị' }).click();
    await expect(page.locator('html')).toHaveClass(/large-text/);
    expect(await smallTargets(page), 'large text').toEqual([]);
    expect(await seriousViolations(page), 'large text').toEqual([]);
  });
}

test('no serious or critical axe violation on the main pages', async ({ page }) => {
  // Welcome, fresh, then with a refused file, then with a setup file read.
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Bắt đầu sử dụng' })).toBeVisible();
  expect(await seriousViolations(page), 'welcome').toEqual([]);
  await page.getByLabel('Chọn tệp thiết lập', { exact: true }).setInputFiles(fixture('setup-truncated.json'));
  await expect(page.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page), 'welcome, refused file').toEqual([]);
  await page.getByLabel('Chọn tệp thiết lập', { exact: true }).setInputFiles(fixture('setup-cam-quang.json'));
  await expect(page.getByLabel('Thôn của bạn', { exact: true })).toBeVisible();
  expect(await smallTargets(page), 'welcome').toEqual([]);
  expect(await seriousViolations(page), 'welcome, setup file read').toEqual([]);

  // Petitions, with some entries, a confidential one, an error and the undo message.
  await page.getByLabel('Thôn của bạn', { exact: true }).selectOption('Thôn 1');
  await page.getByRole('button', { name: 'Bắt đầu' }).first().click();
  await addPetition(page, { content: 'Đề nghị sửa cầu tràn', field: 'Văn hóa - Xã hội', names: 'Trần Văn An', backers: 4 });
  await addPetition(page, { content: 'Tố cáo việc lấn chiếm đất', field: 'Đất đai', kind: 'Tố cáo', names: 'Người A' });
  await addPetition(page, { content: 'Hỏi về chế độ chính sách', field: 'Chính sách xã hội', kind: 'Câu hỏi' });
  expect(await seriousViolations(page), 'petitions').toEqual([]);
  await page.getByLabel('Số điện thoại (không bắt buộc)', { exact: true }).fill('gọi sau');
  await page.getByLabel('Nội dung', { exact: true }).fill('Có lỗi');
  await page.getByLabel('Lĩnh vực', { exact: true }).selectOption('Khác');
  await page.getByRole('button', { name: 'Lưu kiến nghị' }).click();
  await expect(page.getByRole('alert')).toHaveText('Số điện thoại chỉ gồm chữ số, dấu cách, +, -, dấu chấm và ngoặc.');
  expect(await seriousViolations(page), 'petitions, form error').toEqual([]);
  await petitionItems(page).first().getByRole('button', { name: 'Xoá' }).click();
  await expect(page.getByRole('button', { name: 'Hoàn tác' })).toBeVisible();
  expect(await seriousViolations(page), 'petitions, undo message').toEqual([]);

  for (const [link, heading] of [['Họp thôn', 'Cuộc họp thôn'], ['Gửi về xã', 'Gửi kiến nghị về xã'], ['Cài đặt', 'Cài đặt']]) {
    await page.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: link })).toHaveAttribute('aria-current', 'page');
    expect(await seriousViolations(page), link).toEqual([]);
    expect(await smallTargets(page), link).toEqual([]);
  }
  // The export page after an export (its message showing).
  await page.getByRole('link', { name: 'Gửi về xã' }).click();
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải tệp về máy' }).click()]);
  await expect(page.getByRole('status')).toContainText('Đã tạo tệp');
  expect(await seriousViolations(page), 'export, done').toEqual([]);
});
