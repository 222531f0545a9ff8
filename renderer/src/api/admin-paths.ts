/** Admin API paths (after `/_studio/api/v1`) of an application and what it holds, each name percent-encoded. */
export const applicationPath = (name: string) => `/applications/${encodeURIComponent(name)}`;
export const flowPath = (application: string, flow: string) => `${applicationPath(application)}/actionflows/${encodeURIComponent(flow)}`;
export const tablePath = (application: string, table: string) => `${applicationPath(application)}/tables/${encodeURIComponent(table)}`;
