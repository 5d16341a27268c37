// The audit log's anchor outside the database. The hash chain proves the log is consistent with
// itself, but someone who can write to the database (or a stopped copy of it) can truncate the log
// or rewrite it and recompute every hash. An anchor is the chain's head — last id, entry count,
// hash — signed with a key that is not in the database (derived from the master key, which lives
// outside it: lib/keyring.ts) and written to a folder the operator chooses, on a schedule and with
// every backup. `npm run audit:verify` checks the log against every anchor it holds a key for.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import type { Queryable } from '../../db/types.ts'
import type { MasterKey } from '../../lib/envelope.ts'
import type { Keyring } from '../../lib/keyring.ts'
import { canonicalJson } from './audit.hash.ts'

export const ANCHOR_FILE = 'audit-anchors.jsonl'

/** The chain's head at one moment: what every later state of the log must still contain. */
export interface AuditHead {
  lastId: number
  count: number
  hash: string
}

export interface Anchor extends AuditHead {
  v: 1
  at: string
  /** The master key the MAC key was derived from (a rotation retires keys; their anchors are then skipped). */
  kid: string
  mac: string
}

/** A key for nothing but anchors: a leaked anchor MAC says nothing about the master key. */
const macKey = (master: MasterKey) => Buffer.from(hkdfSync('sha256', master.key, Buffer.alloc(0), 'bvct audit anchor v1', 32))

const macOf = (master: MasterKey, a: Omit<Anchor, 'mac'>) =>
  createHmac('sha256', macKey(master)).update(canonicalJson({ v: a.v, at: a.at, kid: a.kid, lastId: a.lastId, count: a.count, hash: a.hash })).digest('hex')

/** The log's head now. The count reads the whole index; at a few million entries that is tens of milliseconds. */
export async function auditHead(db: Queryable): Promise<AuditHead> {
  const [row] = await db.query<{ id: number | null; hash: string | null; count: number }>(
    'SELECT (SELECT id FROM audit_log ORDER BY id DESC LIMIT 1) AS id, (SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1) AS hash, (SELECT count(*)::int8 FROM audit_log) AS count',
  )
  return { lastId: row.id ?? 0, count: row.count, hash: row.hash ?? '' }
}

export function signAnchor(keys: Keyring, head: AuditHead, at: Date): Anchor {
  const master = keys.current()
  const body = { v: 1 as const, at: at.toISOString(), kid: master.kid, ...head }
  return { ...body, mac: macOf(master, body) }
}

/** 'ok', 'bad' (altered or forged), or 'unknown-key' (signed under a master key this keyring no longer holds). */
export function checkAnchor(keys: Keyring, a: Anchor): 'ok' | 'bad' | 'unknown-key' {
  const master = keys.get(a.kid)
  if (!master) return 'unknown-key'
  const expected = Buffer.from(macOf(master, a), 'hex')
  const given = Buffer.from(String(a.mac), 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'ok' : 'bad'
}

/** Appends one line and forces it to disk: an anchor lost in a crash anchors nothing. */
function appendLine(file: string, line: string) {
  const fd = openSync(file, 'a', 0o600)
  try {
    writeSync(fd, line + '\n')
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** The last line of the anchor file, read from its end (the file grows by a line every few minutes). */
function lastAnchorIn(file: string): Anchor | null {
  let size: number
  try {
    size = statSync(file).size
  } catch {
    return null
  }
  const fd = openSync(file, 'r')
  try {
    const buf = Buffer.alloc(Math.min(size, 4096))
    const got = readSync(fd, buf, 0, buf.length, size - buf.length)
    const lines = buf.subarray(0, got).toString('utf8').trim().split('\n')
    return parseAnchor(lines[lines.length - 1])
  } finally {
    closeSync(fd)
  }
}

function parseAnchor(line: string | undefined): Anchor | null {
  if (!line?.trim()) return null
  try {
    const a = JSON.parse(line) as Anchor
    return a && a.v === 1 && typeof a.lastId === 'number' && typeof a.hash === 'string' ? a : null
  } catch {
    return null
  }
}

/** Every anchor in `dir` (oldest first) and the lines that are not anchors at all. */
export function readAnchors(dir: string): { anchors: Anchor[]; unreadable: number } {
  let text: string
  try {
    text = readFileSync(join(dir, ANCHOR_FILE), 'utf8')
  } catch {
    return { anchors: [], unreadable: 0 }
  }
  const anchors: Anchor[] = []
  let unreadable = 0
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    const a = parseAnchor(line)
    if (a) anchors.push(a)
    else unreadable++
  }
  return { anchors, unreadable }
}

/**
 * Signs the log's head and appends it to `dir`'s anchor file (folder 0700, file 0600), unless the
 * head has not moved since the last anchor there. Returns the anchor, new or unchanged.
 */
export async function writeAnchor(db: Queryable, keys: Keyring, dir: string, now: Date): Promise<{ anchor: Anchor; written: boolean }> {
  const head = await auditHead(db)
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  const file = join(dir, ANCHOR_FILE)
  const last = lastAnchorIn(file)
  if (last && last.lastId === head.lastId && last.hash === head.hash && last.count === head.count && last.kid === keys.current().kid) {
    return { anchor: last, written: false }
  }
  const anchor = signAnchor(keys, head, now)
  appendLine(file, JSON.stringify(anchor))
  return { anchor, written: true }
}

/** A backup's own anchor, beside it: what the backup must contain when it is restored. */
export function writeAnchorBeside(file: string, anchor: Anchor) {
  appendLine(`${file}.anchor.json`, JSON.stringify(anchor))
}
