// `$(VAR)` references that can never resolve: warnings at the reference's line, never problems.
import { describe, expect, it } from 'vitest';
import { load, service, show } from './helpers.js';

const db = service(
  `
image: postgres:15-bookworm
ports: ["5432"]
`,
  'db',
);

function warningsOf(...docs: string[]): string[] {
  const r = load(docs.join('\n---\n'));
  if (!r.ok) expect.fail(r.problems.map(show).join('\n'));
  return (r.warnings ?? []).map(show);
}

describe('unresolved references', () => {
  it('accepts what resolves: earlier entries, INITSTEPS_, addresses of dependencies, escapes', () => {
    const app = service(
      `
image: busybox:latest
dependsOn: [db]
env:
  - {name: HOST, value: "$(DB_SERVICE_HOST)"}
  - {name: URL, value: "postgres://$(HOST):$(DB_SERVICE_PORT_5432)/$(INITSTEPS_INSTANCE)"}
  - {name: LITERAL, value: "$$(NOT_A_REFERENCE) $HOME \${X} $(unterminated"}
command: ["sh", "-c", "echo $(URL) $(DB_SERVICE_PORT)"]
initSteps:
  - name: step
    env: {STEP_URL: "$(URL)/x", HOST: "$(DB_SERVICE_HOST)"}
    args: ["$(STEP_URL)"]
`,
      'app',
    );
    expect(warningsOf(db, app)).toEqual([]);
  });

  it('warns at the value that names an unknown variable, with a suggestion', () => {
    const app = service(
      `
image: busybox:latest
dependsOn: [db]
env:
  URL: "postgres://$(DB_SERVICE_HOTS):5432"
`,
      'app',
    );
    expect(warningsOf(db, app)).toEqual([
      '18:10 spec.env.URL: $(DB_SERVICE_HOTS) is not one of the address variables of "db" (DB_SERVICE_HOST, DB_SERVICE_PORT, DB_SERVICE_PORT_5432), so it stays as written; did you mean `DB_SERVICE_HOST`?',
    ]);
  });

  it('says when the variable comes later in the list, or is the entry itself', () => {
    const app = service(`
image: busybox:latest
env:
  - {name: A, value: "$(B)"}
  - {name: B, value: "b"}
  - {name: C, value: "$(C)x"}
`);
    expect(warningsOf(app)).toEqual([
      '8:24 spec.env[0].value: $(B) is defined after this entry: an env value sees only the entries above it, so it stays as written',
      '10:24 spec.env[2].value: $(C) refers to its own entry: an env value sees only the entries above it, so it stays as written',
    ]);
  });

  it('follows inheritance: a step sees the service env, its own entries after those it overrides', () => {
    const app = service(`
image: busybox:latest
env: {A: "a", B: "b"}
initSteps:
  - name: s
    env:
      - {name: A, value: "$(NEW)"}
      - {name: NEW, value: "$(A)$(B)"}
    command: ["$(NEW)", "$(MISSING)"]
`);
    expect(warningsOf(app)).toEqual([
      '11:28 spec.initSteps[0].env[0].value: $(NEW) is defined after this entry: an env value sees only the entries above it, so it stays as written',
      '13:27 spec.initSteps[0].command[1]: $(MISSING) is not a variable of this container, so it stays as written',
    ]);
  });

  it('explains an address the service is not given', () => {
    const api = service(
      `
runtime: process
command: ["node", "server.js"]
ports: ["8080"]
`,
      'api',
    );
    const app = service(
      `
image: busybox:latest
dependsOn: [api]
args: ["$(DB_SERVICE_HOST)", "$(API_SERVICE_HOST)", "$(APP_SERVICE_HOST)"]
`,
      'app',
    );
    const cli = service(
      `
runtime: process
command: ["psql", "$(DB_SERVICE_PORT_5433)"]
dependsOn: [db]
`,
      'cli',
    );
    expect(warningsOf(db, api, app, cli)).toEqual([
      '27:10 spec.args[0]: $(DB_SERVICE_HOST) is an address of "db", which this service does not depend on (dependsOn), so it stays as written',
      '27:32 spec.args[1]: $(API_SERVICE_HOST) is an address of "api", a runtime: process service that containers cannot reach, so it stays as written',
      `27:55 spec.args[2]: $(APP_SERVICE_HOST) names this service's own address, which it is not given, so it stays as written`,
      '36:21 spec.command[1]: $(DB_SERVICE_PORT_5433) is not one of the address variables of "db" (DB_SERVICE_HOST, DB_SERVICE_PORT, DB_SERVICE_PORT_5432), so it stays as written; did you mean `DB_SERVICE_PORT_5432`?',
    ]);
  });

  it('leaves shell command substitutions alone, but not a lower-case typo of a variable', () => {
    const app = service(`
image: busybox:latest
env: {dbhost: "db"}
command: [sh, -c]
args: ['echo $(date -u) $(basename "$f") $(hostname) $(psql -tAc "SELECT 1") $(dbhots)']
`);
    expect(warningsOf(app)).toEqual([
      '9:10 spec.args[0]: $(dbhots) is not a variable of this container, so it stays as written; did you mean `dbhost`?',
    ]);
  });

  it('does not look into valueFrom entries', () => {
    const r = load(
      service(`
image: busybox:latest
env:
  - {name: TOKEN, valueFrom: {env: RUN_TOKEN}}
`),
      { env: { RUN_TOKEN: '$(X)' } },
    );
    expect(r.ok && r.warnings).toEqual([]);
  });
});
