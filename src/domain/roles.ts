// The roles an account can have, in the order staff pages offer them (most accounts are agents).
// What each role may do is decided only in src/auth/authorize.ts.
// "municipal" is the municipal agent (kunta-agentti): reads the regions of one cooperation area,
// changes none.
export const ROLES = ["agent", "viewer", "municipal", "national"] as const;
export type Role = (typeof ROLES)[number];
