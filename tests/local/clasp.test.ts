import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tempDir } from '../helpers/cli';

test('clasp would push exactly dist/Code.js and dist/appsscript.json', () => {
  const root = join(__dirname, '..', '..');
  const r = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', '@google', 'clasp', 'build', 'src', 'index.js'),
      'show-file-status',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      // No credentials are needed to list files; a fresh HOME proves it.
      env: { ...process.env, HOME: tempDir() },
    },
  );
  expect(r.status).toBe(0);
  const tracked = r.stdout.split('Untracked files:')[0] ?? '';
  const files = [...tracked.matchAll(/└─ (\S+)/g)].map((m) => m[1]).sort();
  expect(files).toEqual(['dist/Code.js', 'dist/appsscript.json']);
});
