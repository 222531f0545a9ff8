import { describe, expect, it } from 'vitest';
import { instanceNameProblem, pollPath, triggerPath } from '../../shared/urls.js';

describe('endpoint URLs', () => {
  it('builds the version 11 trigger path with percent-encoded names', () => {
    expect(triggerPath({ application: 'Demo', actionflow: 'Companies Since' })).toBe('/phixflow/api/1/action/Demo/Companies%20Since/trigger');
  });

  it('builds the deprecated version 10 form without the application', () => {
    expect(triggerPath({ actionflow: 'Companies Since', instance: 'acme' })).toBe('/acme/api/1/action/Companies%20Since/trigger');
  });

  it('builds poll paths in the same form as the trigger', () => {
    expect(pollPath({ application: 'A&B', actionflow: 'Ünïcode?' }, 'abc')).toBe('/phixflow/api/1/action/A%26B/%C3%9Cn%C3%AFcode%3F/poll/abc');
    expect(pollPath({ actionflow: 'x' }, 'abc')).toBe('/phixflow/api/1/action/x/poll/abc');
  });

  it('accepts letters, digits, - and _ as an instance, but not the designer path', () => {
    expect(instanceNameProblem('my-instance_2')).toBeNull();
    expect(instanceNameProblem('bad name')).toContain('letters, digits');
    expect(instanceNameProblem('_studio')).toContain('reserved');
  });
});
