// Every test runs against the freshly built bundle and command line, as users get them.
const { execFileSync } = require('node:child_process');
const path = require('node:path');

module.exports = () => {
  execFileSync(process.execPath, [path.join(__dirname, '..', 'scripts', 'build.mjs')], {
    stdio: 'pipe',
  });
};
