#!/usr/bin/env node
// `npm run audit:electron`: Electronegativity over src/, offline. Exits 1 on any finding or any file it could not
// parse (a file it cannot read is a file it did not check). Notes reviewed as false positives are disabled where
// they occur, with the reason beside them (`eng-disable CHECK` comments), so each exception is visible in the code.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const electronVersion = require('electron/package.json').version;
// Another folder may be named to audit instead (e.g. an old checkout); src/ by default.
const input = process.argv[2] ?? join(root, 'src');

const { issues, errors, atomicChecks, globalChecks } = await run(
  {
    input,
    isSarif: false,
    customScan: [],
    // It downloads Electron's release list from GitHub: not possible offline. The version is pinned in package.json.
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    isRelative: true,
    isVerbose: true,
    // Read from the installed electron package: src/ has no package.json for the tool to find it in.
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
);

const unparsed = errors.filter((e) => !e.tolerable);
for (const e of errors) console.error(`${e.tolerable ? 'warning' : 'error'}: could not fully parse ${e.file}: ${e.message}`);
for (const i of issues) {
  console.error(`${i.id} ${i.severity.name}/${i.confidence.name} ${i.file}:${i.location.line}:${i.location.column} ${i.description}${i.sample ? `\n    ${i.sample}` : ''}\n    ${i.shortenedURL}`);
}
console.log(`electronegativity (Electron ${electronVersion}, ${atomicChecks} atomic + ${globalChecks} global checks): ${issues.length} finding(s), ${unparsed.length} unparsed file(s)`);
process.exit(issues.length > 0 || unparsed.length > 0 ? 1 : 0);
