// The roles an account can have, in the order staff pages offer them (most accounts are agents).
// What each role may do is decided only in src/auth/authorize.ts.
export const ROLES = ["agent", "viewer", "national"] as const;
export type Role = (typeof ROLES)[number];
