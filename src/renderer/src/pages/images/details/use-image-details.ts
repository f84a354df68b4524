import { useEffect, useState } from 'react';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { ImageDetails } from '../../../../../shared/image-details';
import { call, subscribeEvents } from '../../../api';
import { debounce } from '../../../stores/debounce';

/** Container events that change which containers use an image or their state. */
const CONTAINER_ACTIONS = /^(create|destroy|start|die|stop|pause|unpause|rename|restart|kill|oom)$/;

export interface ImageDetailsState {
  details: ImageDetails | null;
  error: WharfErrorInfo | null;
  loading: boolean;
  reload(): void;
}

/**
 * images.inspect for one image, read again (quietly, keeping what is shown) when images or containers
 * change: tags come and go, other images start or stop sharing layers, containers appear.
 */
export function useImageDetails(image: string): ImageDetailsState {
  const [details, setDetails] = useState<ImageDetails | null>(null);
  const [error, setError] = useState<WharfErrorInfo | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let latest = 0;
    const load = (): void => {
      const request = ++latest;
      void call('images.inspect', { image }).then((envelope) => {
        // An older answer arriving after a newer request (or after closing) is dropped.
        if (request !== latest) return;
        setLoading(false);
        if (envelope.ok) {
          setDetails(envelope.value);
          setError(null);
        } else {
          setError(envelope.error);
        }
      });
    };
    load();
    const reload = debounce(load, 400, 1500);
    const unsubscribe = subscribeEvents((event) => {
      if (event.type !== 'docker.event') return;
      const { Type, Action } = event.event;
      if (Type === 'image' || (Type === 'container' && CONTAINER_ACTIONS.test(Action))) reload();
    });
    return () => {
      latest++;
      reload.cancel();
      unsubscribe();
    };
  }, [image, attempt]);

  const retry = (): void => {
    setLoading(true);
    setAttempt((n) => n + 1);
  };
  return { details, error, loading, reload: retry };
}
