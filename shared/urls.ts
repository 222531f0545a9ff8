/** The instance path segment used when the setting is absent. */
export const DEFAULT_INSTANCE = 'phixflow';

/** Letters, digits, `-` and `_` (DESIGN §5). */
export const INSTANCE_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Path segments that belong to the designer and the admin API; an instance may not take them. */
export const RESERVED_INSTANCE_NAMES = ['_studio'] as const;

/** Where the designer's assets and the admin API live: never a valid instance name. */
export const STUDIO_PREFIX = '/_studio';
export const ADMIN_API_PREFIX = `${STUDIO_PREFIX}/api/v1`;

export interface EndpointAddress {
  instance?: string;
  /** Absent for the deprecated version 10 form. */
  application?: string;
  actionflow: string;
}

function actionBase({ instance = DEFAULT_INSTANCE, application, actionflow }: EndpointAddress): string {
  const app = application === undefined ? '' : `/${encodeURIComponent(application)}`;
  return `/${encodeURIComponent(instance)}/api/1/action${app}/${encodeURIComponent(actionflow)}`;
}

/** The trigger path: `/{instance}/api/1/action/{Application}/{Actionflow}/trigger` (v11), or without the application (v10). */
export function triggerPath(address: EndpointAddress): string {
  return `${actionBase(address)}/trigger`;
}

/** The poll path of a run, in the same form as the trigger. */
export function pollPath(address: EndpointAddress, processId: string): string {
  return `${actionBase(address)}/poll/${encodeURIComponent(processId)}`;
}

/** A full URL from a base such as `http://127.0.0.1:8080` or a public base URL with a path. */
export function absoluteUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** Why an instance name is not acceptable, or null. */
export function instanceNameProblem(instance: string): string | null {
  if (!INSTANCE_PATTERN.test(instance)) return 'the instance name is letters, digits, "-" and "_"';
  if ((RESERVED_INSTANCE_NAMES as readonly string[]).includes(instance)) return `"${instance}" is reserved for the designer`;
  return null;
}
