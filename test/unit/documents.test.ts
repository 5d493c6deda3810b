import { describe, expect, it } from 'vitest';
import { setUpStation, station, tempDir, SETUP } from './helpers';
import { pdfInfo, pdfText } from './pdf';

describe('recovery sheet', () => {
  it('prints the code once issued, in Kazakh with all Kazakh letters, and in Russian, on A4', async () => {
    const s = station();
    const { recoveryCode } = await s.call('setup.create', {
      ...SETUP,
      station: { ...SETUP.station, address: 'Алматы, ӘҒҚҢӨҰҮҺІ әғқңөұүһі көшесі, 5' },
    });
    const kk = Buffer.from((await s.call('recovery.sheet', { language: 'kk' })).base64, 'base64');
    const text = pdfText(kk);
    expect(text).toContain(recoveryCode);
    expect(text).toContain('ҚОЛЖЕТІМДІЛІКТІ ҚАЛПЫНА КЕЛТІРУ ПАРАҒЫ');
    expect(text).toContain('№ 17 «Шұғыла» учаскелік полиция пункті');
    expect(text).toContain('Әбдіқадыров');
    for (const ch of 'ӘҒҚҢӨҰҮҺІәғқңөұүһі') expect(text, ch).toContain(ch);
    expect(pdfInfo(kk)['Page size']).toMatch(/595.* x 841.*\(A4\)/);

    const ru = pdfText(Buffer.from((await s.call('recovery.sheet', { language: 'ru' })).base64, 'base64'));
    expect(ru).toContain('ЛИСТ ВОССТАНОВЛЕНИЯ ДОСТУПА');
    expect(ru).toContain(recoveryCode);
    expect(ru).toContain('Страница 1 из 1');
    expect(ru.replace(/\s+/g, ' ')).toContain('копий вне этого ПК нет');
  });

  it('says where the copies go and that the code opens any of them', async () => {
    const s = await setUpStation();
    const usb = tempDir();
    await s.call('backup.setFolders', { folders: [usb] });
    const { recoveryCode } = await s.call('recovery.regenerate', { password: 'Qwerty-2026' });
    const ru = pdfText(Buffer.from((await s.call('recovery.sheet', { language: 'ru' })).base64, 'base64'));
    expect(ru).toContain(recoveryCode);
    const flat = ru.replace(/\s+/g, ' ');
    // pdftotext joins a path broken at a hyphen at the end of a line without the hyphen
    expect(flat.replace(/-/g, '')).toContain(`папка данных программы на этом ПК; ${usb}`.replace(/-/g, ''));
    expect(flat).toContain('Этот же код открывает любую из них');
  });

  it('is gone after lock: the code is not kept anywhere', async () => {
    const s = await setUpStation();
    s.backend.lock();
    await s.call('auth.unlock', { login: 'abdikadyrov', password: 'Qwerty-2026' });
    expect(await s.fail('recovery.sheet', { language: 'ru' })).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.recoverySheetGone',
    });
  });
});
