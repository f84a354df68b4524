import { createRequire } from 'node:module';
import nativeHttp from 'node:http';
import nativeHttps from 'node:https';

/**
 * docker-modem sends every Engine API request through its own copy of follow-redirects (lib/http.js). The engine
 * answers 301 to an unclean path, and following it from a unix socket builds `http:/v1.41/…`, which throws inside a
 * response callback — past every promise, ending the process. Wharf never follows a redirect from the engine: the
 * modem's request functions become Node's own, so a 3xx is an ordinary "(HTTP code 301) unexpected" error.
 */
interface ModemHttpModule {
  http?: { request?: unknown };
  https?: { request?: unknown };
}

let done = false;

export function refuseEngineRedirects(): void {
  if (done) return;
  // The docker-modem instance dockerode itself loads (resolved from dockerode, not from us).
  const fromDockerode = createRequire(createRequire(__filename).resolve('dockerode'));
  const modemHttp = fromDockerode(fromDockerode.resolve('docker-modem/lib/http')) as ModemHttpModule;
  if (typeof modemHttp.http?.request !== 'function' || typeof modemHttp.https?.request !== 'function') {
    // Loud on purpose: a docker-modem whose internals moved must be looked at before it ships.
    throw new Error('docker-modem/lib/http no longer has http.request/https.request: re-check how redirects are refused');
  }
  modemHttp.http.request = (options: nativeHttp.RequestOptions, callback?: (res: nativeHttp.IncomingMessage) => void) =>
    nativeHttp.request(options, callback);
  modemHttp.https.request = (options: nativeHttps.RequestOptions, callback?: (res: nativeHttp.IncomingMessage) => void) =>
    nativeHttps.request(options, callback);
  done = true;
}
