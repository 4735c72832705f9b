#!/usr/bin/env node
// Entry point of the `sozialraum` command: loads TypeScript through tsx and runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
