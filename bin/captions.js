#!/usr/bin/env node
// Entry point: the CLI compiled and bundled into dist/bundle/ (by `npm install` through the prepare
// script, or `npm run build`; see scripts/bundle.mjs).
import { main } from '../dist/bundle/main.js';

main(process.argv);
