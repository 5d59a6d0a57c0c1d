// `npm start`: the desktop app when the Electron runtime is installed; otherwise one clear line
// saying so, then the browser edition (same renderer, same handlers) with its URL.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    // The electron package exports the binary's path, and throws when the binary was never downloaded.
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
const passThrough = process.argv.slice(2);
if (binary) {
  const child = spawn(binary, ['.', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('Electron runtime not installed here (its binary could not be downloaded), so opening the browser edition instead.');
  const child = spawn(process.execPath, ['bin/siteselect.mjs', 'web', ...passThrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
