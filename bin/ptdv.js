#!/usr/bin/env node
// Runs the bundled command line; `npm run build` (or `npm start`) produces it.
const path = require('node:path');
const fs = require('node:fs');

const built = path.join(__dirname, '..', 'build', 'ptdv.js');
if (!fs.existsSync(built)) {
  process.stderr.write('Chưa build: hãy chạy "npm run build" trước (Run "npm run build" first).\n');
  process.exit(1);
}
require(built);
