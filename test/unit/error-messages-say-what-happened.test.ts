/**
 * The translated sentence the task panel, notices and fields show for an error says what happened when the core
 * knows more than the code: a pull or push cut by the engine stopping, the engine refusing an operation (HTTP 403),
 * a subnet another network uses, a save path Wharf will not write, pkexec refused (polkit said no, the dialog was
 * dismissed, no agent could ask) — in both languages, never the bare code's text.
 */
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeTranslators } from '../support/translators';
import { errorMessage } from '../../src/renderer/src/i18n/messages';
import type { SaveTargetProblem } from '../../src/shared/save-target';

const SAVE_PROBLEMS: readonly SaveTargetProblem[] = ['folderMissing', 'notAFolder', 'folderIsLink', 'isFolder', 'isLink', 'isDevice', 'isSpecial', 'exists'];

let translators: Awaited<ReturnType<typeof makeTranslators>>;

beforeAll(async () => {
  translators = await makeTranslators();
});

describe.each(['en', 'zh-CN'] as const)('%s', (lng) => {
  const t = (): TFunction => translators[lng];

  it('a pull or push cut by the engine stopping says so, not "cannot be reached"', () => {
    const pull = errorMessage(t(), { code: 'engine-unreachable', message: 'the engine stopped during the pull (aborted)', details: { reason: 'engine-stopped', during: 'pull' } });
    const push = errorMessage(t(), { code: 'engine-unreachable', message: 'the engine stopped during the push (aborted)', details: { reason: 'engine-stopped', during: 'push' } });
    const plain = errorMessage(t(), { code: 'engine-unreachable', message: 'connect ENOENT' });
    expect(pull).toBe(t()('errors.engineStoppedDuringPull'));
    expect(push).toBe(t()('errors.engineStoppedDuringPush'));
    expect(new Set([pull, push, plain]).size).toBe(3);
    if (lng === 'en') {
      expect(pull).toMatch(/stopped during the pull/);
      expect(push).toMatch(/stopped during the push/);
    }
  });

  it('the engine refusing an operation (HTTP 403) is not "permission denied"', () => {
    const forbidden = errorMessage(t(), { code: 'failed', message: 'authorization denied by plugin', details: { reason: 'engine-forbidden' } });
    expect(forbidden).toBe(t()('errors.engineForbidden'));
    expect(forbidden).not.toBe(t()('errors.permission-denied'));
    expect(forbidden).not.toBe(t()('errors.failed'));
  });

  it('pkexec refused: not authorized, dismissed and no agent each have their own sentence, none the bare code\'s', () => {
    const texts = (['not-authorized', 'dismissed', 'no-agent'] as const).map((privilege) =>
      errorMessage(t(), { code: privilege === 'dismissed' ? 'cancelled' : 'permission-denied', message: 'pkexec', details: { privilege, exitCode: 127 } }),
    );
    expect(new Set(texts).size).toBe(3);
    for (const text of texts) {
      expect(text).not.toMatch(/^errors\./);
      expect([t()('errors.permission-denied'), t()('errors.cancelled')]).not.toContain(text);
    }
    if (lng === 'en') expect(texts).toEqual([expect.stringMatching(/^Not authorized/), expect.stringMatching(/cancelled/), expect.stringMatching(/No polkit authentication agent/)]);
  });

  it('every refused save path and the overlapping subnet have their own sentence', () => {
    const texts = SAVE_PROBLEMS.map((problem) => t()(`imageBuild.save.problem.${problem}`, { folder: '/real' }));
    for (const text of texts) expect(text).not.toMatch(/^imageBuild\./);
    expect(new Set(texts).size).toBe(SAVE_PROBLEMS.length);
    expect(t()('imageBuild.save.problem.folderIsLink', { folder: '/real' })).toContain('/real');
    expect(t()('networks.problem.subnetOverlaps')).not.toMatch(/^networks\./);
  });
});
