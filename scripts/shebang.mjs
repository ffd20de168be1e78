#!/usr/bin/env node
// After the build: give the executable (dist/cli.js) its `#!/usr/bin/env node` line and the execute bit.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';

for (const file of process.argv.slice(2)) {
  const code = readFileSync(file, 'utf8');
  if (!code.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${code}`);
  chmodSync(file, 0o755);
}
