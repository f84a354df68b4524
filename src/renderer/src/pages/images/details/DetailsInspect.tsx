import { useMemo, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImageDetails } from '../../../../../shared/image-details';
import { CopyButton } from '../../../components/CopyButton';

/** Keys, strings, numbers and literals of pretty-printed JSON, in order. */
const TOKEN = /("(?:[^"\\]|\\.)*")(\s*:)?|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|\b(true|false|null)\b/g;

/** JSON.stringify output with its tokens wrapped for color; the text itself is unchanged. */
function highlighted(json: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const m of json.matchAll(TOKEN)) {
    const at = m.index;
    if (at > last) parts.push(json.slice(last, at));
    const [whole, str, colon, num, literal] = m;
    if (str !== undefined) {
      parts.push(
        <span key={at} className={colon ? 'images-inspect__key' : 'images-inspect__string'}>
          {str}
        </span>,
      );
      if (colon) parts.push(colon);
    } else if (num !== undefined) {
      parts.push(<span key={at} className="images-inspect__number">{num}</span>);
    } else if (literal !== undefined) {
      parts.push(<span key={at} className="images-inspect__literal">{literal}</span>);
    }
    last = at + whole.length;
  }
  if (last < json.length) parts.push(json.slice(last));
  return parts;
}

/** `docker image inspect`, verbatim and pretty-printed, ready to copy. */
export function DetailsInspect({ details, reference }: { details: ImageDetails; reference: string }): ReactElement {
  const { t } = useTranslation();
  // The CLI prints an array of one object; so does the copied text, so it pastes like the CLI's output.
  const json = useMemo(() => JSON.stringify([details.inspect], null, 4), [details.inspect]);
  const shown = useMemo(() => highlighted(json), [json]);

  return (
    <div className="images-details__inspect">
      <div className="images-details__bar">
        <span className="muted">
          {t('imageDetails.inspect.hint')} <code className="mono">docker image inspect {reference}</code>
        </span>
        <CopyButton label={t('imageDetails.inspect.copy')} text={() => json} testId="image-inspect-copy" />
      </div>
      <pre className="images-inspect mono" data-testid="image-inspect" tabIndex={0}>
        {shown}
      </pre>
    </div>
  );
}
