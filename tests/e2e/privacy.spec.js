// A tố cáo petitioner's identity is protected by law (SPEC §4 Privacy): it never appears in
// printouts of the list. The commune office still receives it in the bundle (export.spec.js).
import { test, expect } from '@playwright/test';
import { setUpByHand, addPetition, petitionItems } from './fixtures/app.js';

test('a printout of the petition list does not show a confidential petitioner', async ({ page }) => {
  await setUpByHand(page);
  await addPetition(page, { content: 'Tố cáo việc thu tiền sai quy định', field: 'Khác', kind: 'Tố cáo', names: 'Phạm Văn Đức', address: 'Xóm 7', phone: '0912 345 678' });
  await addPetition(page, { content: 'Đề nghị sửa đường', field: 'Xây dựng cơ bản', names: 'Trần Văn An' });
  await page.emulateMedia({ media: 'print' });
  const list = page.getByRole('list').filter({ has: page.getByText('Tố cáo việc thu tiền') });
  await expect(list.getByText('Tố cáo việc thu tiền sai quy định')).toBeVisible();
  await expect(list.getByText('Trần Văn An')).toBeVisible();
  for (const secret of ['Phạm Văn Đức', '0912 345 678']) {
    await expect(page.getByText(secret), secret).toBeHidden({ timeout: 3000 });
  }
  await page.emulateMedia({ media: 'screen' });
  await expect(petitionItems(page)).toHaveCount(2);
});
