/**
 * Why pkexec ran nothing: polkit refused ("not-authorized"), the user dismissed the password dialog ("dismissed"), or
 * no authentication agent could ask ("no-agent": SSH, a session without a polkit agent). Carried in an error's
 * details as `{ privilege }` beside its code, so the UI says which one — not a string to parse.
 */
export const PRIVILEGE_REFUSALS = ['not-authorized', 'dismissed', 'no-agent'] as const;

export type PrivilegeRefusal = (typeof PRIVILEGE_REFUSALS)[number];

export interface PrivilegeRefusalDetails {
  privilege: PrivilegeRefusal;
}

export function isPrivilegeRefusalDetails(details: unknown): details is PrivilegeRefusalDetails {
  if (typeof details !== 'object' || details === null) return false;
  return (PRIVILEGE_REFUSALS as readonly unknown[]).includes(Reflect.get(details, 'privilege'));
}
