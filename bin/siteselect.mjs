#!/usr/bin/env node
// Entry point of the `siteselect` command (package.json "bin"). Runs the TypeScript sources with
// tsx, so the CLI needs no build step and always matches the app's handlers.
import { tsImport } from 'tsx/esm/api';

// `siteselect score … | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { runCli } = await tsImport('../electron/cli/siteselect.ts', import.meta.url);
const code = await runCli(process.argv.slice(2));
if (code >= 0) process.exitCode = code;
