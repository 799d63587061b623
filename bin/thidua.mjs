#!/usr/bin/env node
// Runs the TypeScript sources on plain Node 20 after `npm ci`: tsx (a runtime dependency) registers
// its loader, then the CLI starts. No build step, so `npm start` always runs what is checked out.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
