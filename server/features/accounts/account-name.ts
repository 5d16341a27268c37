// How a person who did something is named on every page: by full name, as colleagues know them
// (not "officer.bvbm"); an account with no person (a service or demo account) by its username.

/** The display name of account alias `a` (a LEFT JOIN'd account may be null: the name is then null). */
export const accountName = (a: string) => `coalesce((SELECT p.full_name FROM person p WHERE p.id = ${a}.person_id), ${a}.username)`
