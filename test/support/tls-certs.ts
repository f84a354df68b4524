/**
 * TLS material for a private dockerd listening on tcp://127.0.0.1 with --tlsverify, made with openssl as Docker's
 * "Protect the Docker daemon socket" guide makes it: a CA, a server certificate for IP 127.0.0.1, and a client
 * certificate with clientAuth. A second, unrelated CA stands for "the wrong CA".
 */
import fs from 'node:fs';
import path from 'node:path';
import { runOk } from './exec';

const OPENSSL = '/usr/bin/openssl';

export interface TlsMaterial {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A CA that signed neither certificate. */
  otherCa: string;
}

async function makeCa(dir: string, name: string): Promise<{ cert: string; key: string }> {
  const key = path.join(dir, `${name}-key.pem`);
  const cert = path.join(dir, `${name}.pem`);
  await runOk(OPENSSL, ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', `/CN=${name}`]);
  return { cert, key };
}

async function signed(dir: string, name: string, ca: { cert: string; key: string }, extensions: string): Promise<{ cert: string; key: string }> {
  const key = path.join(dir, `${name}-key.pem`);
  const csr = path.join(dir, `${name}.csr`);
  const cert = path.join(dir, `${name}-cert.pem`);
  const ext = path.join(dir, `${name}.ext`);
  fs.writeFileSync(ext, `${extensions}\n`);
  await runOk(OPENSSL, ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-subj', `/CN=${name}`]);
  await runOk(OPENSSL, ['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-out', cert, '-days', '2', '-extfile', ext]);
  fs.chmodSync(key, 0o600);
  return { cert, key };
}

export async function makeTlsMaterial(dir: string): Promise<TlsMaterial> {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const ca = await makeCa(dir, 'ca');
  const other = await makeCa(dir, 'other-ca');
  const server = await signed(dir, 'server', ca, 'subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth');
  const client = await signed(dir, 'client', ca, 'extendedKeyUsage = clientAuth');
  return { dir, ca: ca.cert, serverCert: server.cert, serverKey: server.key, clientCert: client.cert, clientKey: client.key, otherCa: other.cert };
}

/** dockerd flags for a TLS-verified TCP listener beside the harness's unix socket. */
export function tlsDaemonArgs(material: TlsMaterial, port: number): string[] {
  return ['--tlsverify', `--tlscacert=${material.ca}`, `--tlscert=${material.serverCert}`, `--tlskey=${material.serverKey}`, `--host=tcp://127.0.0.1:${port}`];
}
