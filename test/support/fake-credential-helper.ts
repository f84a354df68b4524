/**
 * A docker-credential-<name> program speaking docker-credential-helpers' protocol (store/get/erase/list on
 * stdin/stdout), keeping its secrets in a JSON file beside it: the docker CLI and Wharf must both work with it.
 */
import fs from 'node:fs';
import path from 'node:path';

const SCRIPT = `
const fs = require('node:fs');
const file = process.env.WHARF_FAKE_HELPER_FILE || require('node:path').join(__dirname, 'secrets.json');
const load = () => { try { return JSON.parse(fs.readFileSync(file, 'utf8')); } catch { return {}; } };
const save = (data) => fs.writeFileSync(file, JSON.stringify(data));
let input = '';
process.stdin.on('data', (c) => { input += c; });
process.stdin.on('end', () => {
  const data = load();
  const action = process.argv[2];
  if (action === 'store') { const c = JSON.parse(input); data[c.ServerURL] = { Username: c.Username, Secret: c.Secret }; save(data); return; }
  if (action === 'get') { const server = input.trim(); const c = data[server];
    if (!c) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
    process.stdout.write(JSON.stringify({ ServerURL: server, Username: c.Username, Secret: c.Secret })); return; }
  if (action === 'erase') { const server = input.trim();
    if (!data[server]) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
    delete data[server]; save(data); return; }
  if (action === 'list') { const out = {}; for (const [k, v] of Object.entries(data)) out[k] = v.Username; process.stdout.write(JSON.stringify(out)); return; }
  process.stderr.write('unknown action ' + action + '\\n'); process.exit(2);
});
`;

export interface FakeHelper {
  /** Put first on PATH. */
  binDir: string;
  /** What the helper holds: server → {Username, Secret}. */
  secrets(): Record<string, { Username: string; Secret: string }>;
}

export function installFakeCredentialHelper(dir: string, name: string): FakeHelper {
  const binDir = path.join(dir, 'bin');
  fs.mkdirSync(binDir, { recursive: true });
  const program = path.join(binDir, `docker-credential-${name}`);
  fs.writeFileSync(program, `#!${process.execPath}\n${SCRIPT}`, { mode: 0o755 });
  return {
    binDir,
    secrets: () => {
      try {
        return JSON.parse(fs.readFileSync(path.join(binDir, 'secrets.json'), 'utf8')) as Record<string, { Username: string; Secret: string }>;
      } catch {
        return {};
      }
    },
  };
}
