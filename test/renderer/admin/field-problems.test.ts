import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/api-error.js';
import { fieldProblems } from '../../../renderer/src/admin/field-problems.js';

const FIELDS = ['name', 'users', 'application'] as const;

describe('a refusal spread over a form', () => {
  it('puts each problem beside the field its JSON path starts with, joining several on one field', () => {
    const error = new ApiError(400, 'the request body is not valid', {
      problems: [
        { path: '$.name', message: 'a name is 1-100 characters' },
        { path: '$.users[1]', message: 'a name must not contain "/"' },
        { path: '$.users[2]', message: 'a name is 1-100 characters' },
      ],
    });
    expect(fieldProblems(error, FIELDS)).toEqual({
      fields: { name: 'a name is 1-100 characters', users: 'a name must not contain "/"; a name is 1-100 characters' },
    });
  });

  it('shows a problem about no field of the form, or about the whole body, above the buttons', () => {
    const error = new ApiError(400, 'the request body is not valid', {
      problems: [
        { path: '$', message: 'unknown key "colour"' },
        { path: '$.label', message: 'too long' },
      ],
    });
    expect(fieldProblems(error, FIELDS)).toEqual({ fields: {}, form: 'unknown key "colour"; too long' });
  });

  it('puts a taken name (409) on the name field', () => {
    expect(fieldProblems(new ApiError(409, 'user "ann" already exists'), FIELDS)).toEqual({ fields: { name: 'User "ann" already exists' } });
  });

  it('lets the form say which field a message without a path is about', () => {
    const error = new ApiError(404, 'application "Nope" does not exist; leave the application out to cover every application');
    const locate = (message: string) => (message.startsWith('application "') ? 'application' : undefined);
    expect(fieldProblems(error, FIELDS, locate).fields.application).toContain('Application "Nope" does not exist');
    expect(fieldProblems(error, FIELDS).form).toContain('does not exist');
  });

  it('shows an unreachable server as a problem of the form', () => {
    expect(fieldProblems(new ApiError(0, 'the server cannot be reached'), FIELDS)).toEqual({ fields: {}, form: 'The server cannot be reached' });
    expect(fieldProblems(new TypeError('boom'), FIELDS)).toEqual({ fields: {}, form: 'boom' });
  });
});
