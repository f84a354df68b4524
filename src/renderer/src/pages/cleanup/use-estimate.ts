import { useEffect, useState } from 'react';
import { call } from '../../api';

/** The core's estimate for the ticked items (shared layers once); null while it is being asked. */
export function useEstimate(previewId: string, keys: readonly string[], initial: number): number | null {
  const joined = keys.join('\n');
  const [answer, setAnswer] = useState<{ for: string; bytes: number } | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void call('cleanup.estimate', { previewId, keys: joined ? joined.split('\n') : [] }).then((envelope) => {
        if (live && envelope.ok) setAnswer({ for: `${previewId}\n${joined}`, bytes: envelope.value.bytes });
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [previewId, joined]);
  if (answer?.for === `${previewId}\n${joined}`) return answer.bytes;
  // Until the first answer, the preview's own total holds for its default selection.
  return answer === null ? initial : null;
}
