import { chmodSync, closeSync, createWriteStream, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { copyFile, mkdir, readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createGzip } from 'node:zlib'
import { freeBytes, megabytes } from '../lib/disk.ts'
import type { Db } from './types.ts'

const PREFIX = 'bvct-'
const SUFFIX = '.tar.gz'

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)

export function listBackups(dir: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX)).sort().map((f) => join(dir, f))
  } catch {
    return []
  }
}

/**
 * PGlite never fsyncs, so embedded mode keeps rotated snapshots of its data folder: a gzip tarball
 * that `npm run restore -- FILE` loads back. Keeps the newest `keep` files. The backup folder is
 * its owner's only (0700, files 0600): a backup is the whole database.
 */
export async function backupPglite(db: Db, dir: string, keep: number, now = new Date()): Promise<string> {
  if (!db.whileQuiet) throw new Error('Backups of PostgreSQL are made with pg_dump')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (process.platform !== 'win32' && (statSync(dir).mode & 0o077) !== 0) chmodSync(dir, 0o700)
  let file = join(dir, `${PREFIX}${stamp(now)}${SUFFIX}`)
  for (let i = 1; listBackups(dir).includes(file); i++) file = join(dir, `${PREFIX}${stamp(now)}-${i}${SUFFIX}`)
  // Requests wait while the folder is copied (a few tenths of a second for the demo), not while
  // the copy is compressed. The copy is staged in the backup folder, so a backup never takes the
  // data disk's last free space; one left by a crash is replaced.
  const copy = join(dir, '.staging')
  try {
    await db.whileQuiet((dataDir) => {
      const size = folderSize(dataDir)
      // The copy, and a tarball that is at most as big (it is usually a tenth).
      const needed = 2 * size + 16 * 1024 * 1024
      const free = freeBytes(dir)
      if (free < needed) throw new Error(`Not enough space for a backup in ${dir}: it needs about ${megabytes(needed)} and ${megabytes(free)} are free; no backup was written`)
      rmSync(copy, { recursive: true, force: true })
      return copyDir(dataDir, copy)
    })
    await writeTarGz(copy, `${file}.part`)
  } catch (e) {
    rmSync(`${file}.part`, { force: true })
    throw e
  } finally {
    rmSync(copy, { recursive: true, force: true })
  }
  // Rename only a complete file, so a crash mid-write never leaves a truncated "backup".
  renameSync(`${file}.part`, file)
  for (const old of listBackups(dir).slice(0, -keep)) for (const f of [old, `${old}.anchor.json`]) rmSync(f, { force: true })
  return file
}

function folderSize(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) total += folderSize(path)
    else if (entry.isFile()) total += statSync(path).size
  }
  return total
}

async function copyDir(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (entry.isDirectory()) await copyDir(join(from, entry.name), join(to, entry.name))
    else if (entry.isFile()) await copyFile(join(from, entry.name), join(to, entry.name))
  }
}

export const backupSize = (file: string) => statSync(file).size

/**
 * The folder as a gzip tarball (ustar; the format PGlite's dumpDataDir writes and its loadDataDir
 * reads), streamed through one reused buffer: PGlite's own dumpDataDir holds the files, the tar and
 * the gzip in memory at once, ~100 MB more resident memory for the demo's 43 MB folder.
 */
export async function writeTarGz(root: string, file: string): Promise<void> {
  // Level 1: the data files are mostly empty page space, which any level squeezes; higher levels
  // cost twice the CPU for a few per cent.
  const gzip = createGzip({ level: 1 })
  const written = pipeline(gzip, createWriteStream(file, { mode: 0o600 }))
  written.catch(() => {}) // awaited at the end; a write error meanwhile must not crash the process
  // A chunk is handed back by zlib once it has been consumed, so the next read may reuse its buffer.
  const put = (chunk: Buffer) => new Promise<void>((resolve, reject) => gzip.write(chunk, (e) => (e ? reject(e) : resolve())))
  const buffer = Buffer.allocUnsafe(1024 * 1024)
  // Synchronous reads: the files are in the operating system's cache, and a thousand small async
  // reads cost three times the CPU of the whole compression.
  async function add(dir: string) {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name)
      const st = statSync(path)
      const rel = relative(root, path).split(sep).join('/')
      if (st.isDirectory()) {
        await put(tarHeader(rel, 0, st.mode, st.mtimeMs, '5'))
        await add(path)
      } else if (st.isFile()) {
        await put(tarHeader(rel, st.size, st.mode, st.mtimeMs, '0'))
        const fd = openSync(path, 'r')
        try {
          for (let at = 0; at < st.size; ) {
            const n = readSync(fd, buffer, 0, Math.min(buffer.length, st.size - at), at)
            if (n === 0) throw new Error(`${path} shrank while it was being backed up`)
            await put(buffer.subarray(0, n))
            at += n
          }
        } finally {
          closeSync(fd)
        }
        if (st.size % 512) await put(Buffer.alloc(512 - (st.size % 512)))
      }
    }
  }
  try {
    await add(root)
    await put(Buffer.alloc(1024)) // two empty blocks end the archive
    gzip.end()
  } catch (e) {
    gzip.destroy(e as Error)
  }
  await written
}

function tarHeader(name: string, size: number, mode: number, mtimeMs: number, type: '0' | '5'): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`path too long for a tar header: ${name}`)
  const h = Buffer.alloc(512)
  const octal = (n: number, at: number, width: number) => h.write(n.toString(8).padStart(width - 1, '0') + '\0', at, width, 'ascii')
  h.write(name, 0, 100, 'utf8')
  octal(mode & 0o7777, 100, 8)
  octal(0, 108, 8) // uid
  octal(0, 116, 8) // gid
  octal(size, 124, 12)
  octal(Math.floor(mtimeMs / 1000), 136, 12)
  h.write(' '.repeat(8), 148, 8, 'ascii') // the checksum counts its own field as spaces
  h.write(type, 156, 1, 'ascii')
  h.write('ustar\0' + '00', 257, 8, 'ascii')
  let sum = 0
  for (const b of h) sum += b
  h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'ascii')
  return h
}
