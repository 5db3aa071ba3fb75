import { describe, expect, it } from 'vitest';
import { isRunnerVariable, withoutRunnerVariables } from '../../../src/spec/runner-env.js';
import { expectProblems, resolved, service } from './helpers.js';

/** What the runner sets for a JavaScript action's step (tokens, file commands, inputs, saved state). */
const RUNNER_ENV = {
  ACTIONS_RUNTIME_TOKEN: 'runtime-token',
  ACTIONS_RUNTIME_URL: 'https://pipelines.example/',
  ACTIONS_RESULTS_URL: 'https://results.example/',
  ACTIONS_CACHE_URL: 'https://cache.example/',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-token',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/',
  GITHUB_STATE: '/runner/_temp/_runner_file_commands/save_state_1',
  GITHUB_OUTPUT: '/runner/_temp/_runner_file_commands/set_output_1',
  GITHUB_ENV: '/runner/_temp/_runner_file_commands/set_env_1',
  GITHUB_PATH: '/runner/_temp/_runner_file_commands/add_path_1',
  GITHUB_STEP_SUMMARY: '/runner/_temp/_runner_file_commands/step_summary_1',
  INPUT_SPEC: 'initsteps.yaml',
  STATE_cache_pending: '[]',
};

describe('runner variables', () => {
  it('are the tokens, file-command files, the action inputs and its state, in any case', () => {
    for (const name of Object.keys(RUNNER_ENV)) expect(isRunnerVariable(name), name).toBe(true);
    expect(isRunnerVariable('actions_runtime_token')).toBe(true);
    expect(isRunnerVariable('github_output')).toBe(true);
  });

  it('leave the rest of the environment, the other GITHUB_* and RUNNER_* included', () => {
    const kept = {
      PATH: '/usr/bin',
      HOME: '/home/runner',
      GITHUB_WORKSPACE: '/w',
      GITHUB_SHA: 'abc',
      RUNNER_TEMP: '/t',
      DATABASE_URL: 'postgres://x',
      MY_ACTIONS_FLAG: '1',
    };
    expect(withoutRunnerVariables({ ...RUNNER_ENV, ...kept, UNSET: undefined })).toEqual(kept);
  });

  it('cannot be named by valueFrom.env, even when set', () => {
    expectProblems(
      service(
        'image: x\nenv:\n  - {name: T, valueFrom: {env: »ACTIONS_RUNTIME_TOKEN}}\n  - {name: O, valueFrom: {env: »GITHUB_OUTPUT}}',
      ),
      [/"ACTIONS_RUNTIME_TOKEN" is reserved for the runner/, /"GITHUB_OUTPUT" is reserved for the runner/],
      { env: RUNNER_ENV },
    );
  });

  it('leave valueFrom of other variables as it was', () => {
    const p = resolved(service('image: x\nenv:\n  - {name: T, valueFrom: {env: DEPLOY_KEY}}'), {
      env: { ...RUNNER_ENV, DEPLOY_KEY: 'k' },
    });
    expect(p.services[0]?.template.env).toEqual([{ name: 'T', value: 'k', secret: true }]);
  });
});
