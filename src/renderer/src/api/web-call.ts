import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/contract';
import { errorEnvelope, isEnvelope, type Envelope } from '../../../shared/errors';
import { SERVER_UNREACHABLE } from './server-unreachable';
import type { Transport } from './transport';
import { retryAfterOf, type WebSession } from './web-session';

/**
 * One call in web mode: POST /api/<channel> with the input as JSON and the session header. A handled call always
 * answers HTTP 200 with the envelope; other statuses come from the server's own checks (session, Origin, body,
 * rate limit).
 */
export function createWebCall(session: WebSession): Transport['call'] {
  return async function webCall<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Envelope<ChannelOutput<C>>> {
    await session.ready();
    const headers = session.headers();
    if (!headers) return errorEnvelope('permission-denied', 'This page is not signed in to the Wharf server; open the URL that `npm run serve` printed');
    let response: Response;
    try {
      response = await fetch(`/api/${channel}`, {
        method: 'POST',
        // Nothing ambient: the session header is the one credential.
        credentials: 'omit',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...headers },
        body: JSON.stringify(input),
      });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return errorEnvelope('failed', `The Wharf server is unreachable (${detail})`, { reason: SERVER_UNREACHABLE });
    }

    if (response.status === 401) {
      session.refused();
      return errorEnvelope('permission-denied', 'The Wharf server no longer accepts this page’s session; open the URL it printed again');
    }
    if (response.status === 403) return errorEnvelope('permission-denied', `The Wharf server refused the request (HTTP 403): ${await safeText(response)}`);
    if (response.status === 429) {
      return errorEnvelope('failed', `Too many failed sign-in attempts from this address; try again in ${retryAfterOf(response) ?? 60} s`);
    }
    if (response.status === 400) {
      return errorEnvelope('invalid-input', `The Wharf server rejected the request (HTTP 400): ${await safeText(response)}`);
    }
    if (response.status !== 200) {
      return errorEnvelope('failed', `The Wharf server answered HTTP ${response.status}: ${await safeText(response)}`);
    }

    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return errorEnvelope('failed', 'The Wharf server answered with a body that is not JSON');
    }
    if (!isEnvelope(body)) return errorEnvelope('failed', 'The Wharf server answered with a body that is not a result envelope');
    // The server builds this body from the same contract; its value type is the channel's output.
    return body as Envelope<ChannelOutput<C>>;
  };
}

async function safeText(response: Response): Promise<string> {
  try {
    return (await response.text()).slice(0, 300);
  } catch {
    return ''; // the body broke off: the status alone tells the failure
  }
}
