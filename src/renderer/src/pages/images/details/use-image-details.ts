import { useEffect } from 'react';
import type { WharfErrorInfo } from '../../../../../shared/errors';
import type { ImageDetails } from '../../../../../shared/image-details';
import { subscribeEvents } from '../../../api';
import { useCall } from '../../../hooks/use-call';
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
  const { data, error, loading, refresh } = useCall('images.inspect', { image });

  useEffect(() => {
    const reload = debounce(refresh, 400, 1500);
    const unsubscribe = subscribeEvents((event) => {
      if (event.type !== 'docker.event') return;
      const { Type, Action } = event.event;
      if (Type === 'image' || (Type === 'container' && CONTAINER_ACTIONS.test(Action))) reload();
    });
    return () => {
      reload.cancel();
      unsubscribe();
    };
  }, [refresh]);

  return { details: data ?? null, error: error ?? null, loading, reload: refresh };
}
