/** Why daemon.json was not touched reaches the user in their language, naming the file or folder: never a bare code. */
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTranslators } from '../support/translators';
import { errorMessage } from '../../src/renderer/src/i18n/messages';

let en: TFunction;
let zh: TFunction;

beforeAll(async () => {
  ({ en, 'zh-CN': zh } = await makeTranslators());
});

describe('a refused daemon.json change', () => {
  const error = { code: 'unsupported' as const, message: 'root must not write /srv/x/daemon.json: config-dir-writable (/srv/x)', details: { reason: 'config-dir-writable', path: '/srv/x' } };

  it('is explained by its reason, with the path, in English and in Chinese', () => {
    expect(errorMessage(en, error)).toBe('Wharf does not write daemon.json as root: other users can write to the folder /srv/x.');
    expect(errorMessage(zh, error)).toBe('Wharf 不会以 root 身份写入 daemon.json：其他用户可以写入目录 /srv/x。');
  });

  it('an unknown reason falls back to the code', () => {
    expect(errorMessage(en, { ...error, details: { reason: 'nope', path: '' } })).toBe(en('errors.unsupported'));
  });
});
