// How a unit is named wherever it appears outside the unit tree (lists, worklists, documents,
// notifications): a sub-unit alone is ambiguous ("Phòng Tổ chức cán bộ" exists in every hospital), so
// it carries its parent's name ("Phòng Tổ chức cán bộ — Bệnh viện Bạch Mai"). SQL fragments, so a
// list names its units in the same query that reads them.

/** The label of unit alias `u`; needs `parentJoin(u, par)` in the FROM clause. */
export const unitLabel = (u = 'u', par = 'par') => `coalesce(${u}.name || ' — ' || ${par}.name, ${u}.name)`

/** The parent of `u`, joined for sub-units only (a unit's parent is not part of its name). */
export const parentJoin = (u = 'u', par = 'par') => `LEFT JOIN unit ${par} ON ${par}.id = ${u}.parent_id AND ${u}.kind = 'subunit'`
