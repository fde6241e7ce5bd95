#!/usr/bin/env node
// The installed `goodfaith` command. It is committed (unlike dist/) so that npm can link it
// at install time, before the build that `prepare` runs has produced dist/main.js.
import "../dist/main.js";
