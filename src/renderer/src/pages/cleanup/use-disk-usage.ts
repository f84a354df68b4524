import { useCallback, useEffect, useState } from 'react';
import type { DiskUsageDetail } from '../../../../shared/cleanup';
import type { WharfErrorInfo } from '../../../../shared/errors';
import { call } from '../../api';

export interface DiskUsageState {
  detail: DiskUsageDetail | null;
  error: WharfErrorInfo | null;
  loading: boolean;
  refresh(): void;
}

/** `docker system df -v`, measured when the page opens and when asked (after a cleanup, the refresh button). */
export function useDiskUsage(): DiskUsageState {
  const [detail, setDetail] = useState<DiskUsageDetail | null>(null);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    void call('cleanup.diskUsage', {}).then((answer) => {
      if (!live) return;
      setLoading(false);
      if (answer.ok) {
        setDetail(answer.value);
        setError(null);
      } else setError(answer.error);
    });
    return () => {
      live = false;
    };
  }, [generation]);

  const refresh = useCallback(() => {
    setLoading(true);
    setGeneration((g) => g + 1);
  }, []);
  return { detail, error, loading, refresh };
}
