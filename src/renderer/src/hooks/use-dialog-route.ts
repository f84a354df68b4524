import { useCallback, useMemo } from 'react';
import { useRouteStore, type RouteQuery } from '../stores/route-store';

/**
 * How a page's dialog is written in its URL: `#/images?dialog=details&image=sha256:…`. Only dialogs that ask
 * before doing anything are addressable; a confirmation that deletes or stops is never, so no link can land on it.
 */
export interface DialogCodec<D> {
  /** Every query key the dialogs use (besides `dialog`), so opening one never keeps another's arguments. */
  keys: readonly string[];
  /** null: the dialog has no URL (it stays in memory only). */
  encode(dialog: D): Readonly<Record<string, string | undefined>> | null;
  decode(query: RouteQuery): D | null;
}

/**
 * A dialog state kept in the hash: reload keeps it open, Back closes it, Forward opens it again. Dialogs the codec
 * cannot encode stay in memory only (`transient`), and close when the URL changes.
 */
export function useDialogRoute<D>(codec: DialogCodec<D>, transient: D | null, setTransient: (d: D | null) => void): [D | null, (d: D | null) => void] {
  const page = useRouteStore((s) => s.page);
  const query = useRouteStore((s) => s.query);
  const navigate = useRouteStore((s) => s.navigate);
  const fromUrl = useMemo(() => (query.dialog ? codec.decode(query) : null), [codec, query]);
  const set = useCallback(
    (dialog: D | null) => {
      const rest = Object.fromEntries(Object.entries(query).filter(([k]) => k !== 'dialog' && !codec.keys.includes(k)));
      const raw = dialog === null ? null : codec.encode(dialog);
      const encoded = raw === null ? null : (Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as RouteQuery);
      setTransient(encoded === null ? dialog : null);
      if (encoded !== null || fromUrl !== null) navigate(page, { query: { ...rest, ...(encoded ?? {}) } });
    },
    [codec, query, page, navigate, fromUrl, setTransient],
  );
  return [fromUrl ?? transient, set];
}
