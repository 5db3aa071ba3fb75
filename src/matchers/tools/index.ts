// The built-in patterns (docs/spec.md#problem-matchers), each in its own module with where its format
// comes from. Every one needs to know the file, named or from the command line: none reports a bare error.
import type { BuiltinMatcher } from '../types.js';
import { dbmate } from './dbmate.js';
import { flyway } from './flyway.js';
import { golangMigrate } from './golang-migrate.js';
import { liquibase } from './liquibase.js';
import { mysql } from './mysql.js';
import { nodePgMigrate } from './node-pg-migrate.js';
import { prisma } from './prisma.js';
import { psql } from './psql.js';
import { sqlite } from './sqlite.js';

export const BUILTIN_MATCHERS: readonly BuiltinMatcher[] = [
  psql,
  mysql,
  sqlite,
  golangMigrate,
  flyway,
  liquibase,
  nodePgMigrate,
  prisma,
  dbmate,
];
