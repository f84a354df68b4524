/** Default log limits in daemon.json: the checks dockerd makes, and `log-opts` edited with every other option kept. */
import { describe, expect, it } from 'vitest';
import { checkLogDefaults } from '../../src/shared/container-logs';
import { contentPlan } from '../../src/main/core/registry-mirrors/plan';

const none = { registryMirrors: [], insecureRegistries: [] };

describe('log defaults', () => {
  it('checks max-size (a number with k, m or g), max-file (1 or more; with json-file more than 1 needs max-size) and the driver name', () => {
    expect(checkLogDefaults({ driver: '', maxSize: '10m', maxFile: '3' })).toEqual({});
    expect(checkLogDefaults({ driver: 'local', maxSize: '', maxFile: '3' })).toEqual({});
    expect(checkLogDefaults({ driver: '', maxSize: '10 MB', maxFile: '' })).toEqual({ maxSize: 'max-size' });
    expect(checkLogDefaults({ driver: '', maxSize: '', maxFile: '0' })).toEqual({ maxFile: 'max-file' });
    expect(checkLogDefaults({ driver: '', maxSize: '', maxFile: '3' })).toEqual({ maxFile: 'max-file-needs-size' });
    expect(checkLogDefaults({ driver: 'Json File', maxSize: '', maxFile: '' })).toEqual({ driver: 'driver' });
  });

  it('edits max-size and max-file in log-opts, keeping its other options and every other byte', () => {
    const text = '{\n  "log-driver": "json-file",\n  "log-opts": {"labels": "team", "max-size": "1g"},\n  "debug": true\n}\n';
    const plan = contentPlan('/x', text, { ...none, logDefaults: { driver: '', maxSize: '10M', maxFile: '3' } });
    expect(plan.valid).toBe(true);
    expect(plan.newText).toBe('{\n  "log-driver": "json-file",\n  "log-opts": {"labels": "team", "max-size": "10m", "max-file": "3"},\n  "debug": true\n}\n');
    expect(plan.logDefaults?.changed).toBe(true);
  });

  it('an empty driver leaves the file`s driver (never "log-driver": ""); the same values again change nothing', () => {
    const text = '{"log-driver": "local", "log-opts": {"max-size": "20m"}}';
    const plan = contentPlan('/x', text, { ...none, logDefaults: { driver: '', maxSize: '20m', maxFile: '' } });
    expect(plan.unchanged).toBe(true);
    expect(plan.logDefaults?.changed).toBe(false);
    expect(contentPlan('/x', '{}', { ...none, logDefaults: { driver: '', maxSize: '', maxFile: '' } }).newText).toBe('{}');
  });
});
