/**
 * The containers list's status text: in English exactly what `docker ps` prints (moby's State.String() with
 * go-units' HumanDuration), in Chinese the same facts in Chinese; text the engine words differently stays as it is.
 */
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTranslators } from '../support/translators';
import { containerStatusText, parseContainerStatus } from '../../src/renderer/src/components/container-status';

let en: TFunction;
let zh: TFunction;

beforeAll(async () => {
  ({ en, 'zh-CN': zh } = await makeTranslators());
});

/** Status texts as dockerd 20.10 and 26.1 write them (seen with docker ps on both). */
const CLI_TEXTS = [
  'Up Less than a second',
  'Up 1 second',
  'Up 42 seconds',
  'Up About a minute',
  'Up 5 minutes',
  'Up About an hour',
  'Up 23 hours',
  'Up 3 days',
  'Up 2 weeks',
  'Up 4 months',
  'Up 2 years',
  'Up 5 minutes (Paused)',
  'Up 5 minutes (healthy)',
  'Up 5 minutes (unhealthy)',
  'Up 7 seconds (health: starting)',
  'Exited (0) 3 minutes ago',
  'Exited (137) About an hour ago',
  'Exited (-1) 2 days ago',
  'Restarting (1) Less than a second ago',
  'Created',
  'Removal In Progress',
  'Dead',
];

describe('container status text', () => {
  it('reads every form the engine writes', () => {
    expect(CLI_TEXTS.filter((text) => parseContainerStatus(text) === null)).toEqual([]);
  });

  it('in English is byte for byte what docker ps prints', () => {
    expect(CLI_TEXTS.map((text) => containerStatusText(en, text))).toEqual(CLI_TEXTS);
  });

  it('in Chinese says the same facts in Chinese, with no English word left', () => {
    expect(containerStatusText(zh, 'Up 5 minutes (healthy)')).toBe('已运行 5 分钟（健康）');
    expect(containerStatusText(zh, 'Up About an hour')).toBe('已运行 大约 1 小时');
    expect(containerStatusText(zh, 'Exited (137) 2 days ago')).toBe('2 天前退出，退出码 137');
    expect(containerStatusText(zh, 'Created')).toBe('已创建，未启动');
    for (const text of CLI_TEXTS) expect(containerStatusText(zh, text), text).not.toMatch(/[A-Za-z]/);
  });

  it('text it does not know stays as the engine wrote it', () => {
    for (const text of ['Up', 'Up forever', 'Exited (x) 3 minutes ago', 'Exited (0) 3 fortnights ago', '', 'Paused']) {
      expect(parseContainerStatus(text)).toBeNull();
      expect(containerStatusText(zh, text)).toBe(text);
    }
  });
});
