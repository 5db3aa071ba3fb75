#!/usr/bin/env node
// The published CLI runs the bundle, which holds every dependency.
import '../dist/cli/index.js';
