import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'

/**
 * A workbook made with exceljs' streaming writer, returned as the file's bytes. Each row goes into
 * the zip when it is committed, so an export of tens of thousands of rows holds the compressed
 * file (and the table of distinct strings), not every cell as an object: the in-memory Workbook of
 * a 50,000-position register was hundreds of MB. Widths must be set before a sheet's first row is
 * committed (a streamed sheet writes its columns first); commit each row and each sheet.
 * Import this module lazily (with the export's first request): exceljs is 15–25 MB resident.
 */
export async function streamedWorkbook(write: (wb: ExcelJS.stream.xlsx.WorkbookWriter) => Promise<void> | void): Promise<Buffer> {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (part: Buffer) => parts.push(part))
  const ended = new Promise<void>((resolve, reject) => out.once('end', resolve).once('error', reject))
  // Shared strings: what the in-memory writer made, and what the register's import reads back.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true })
  wb.creator = 'BVCT'
  await write(wb)
  await wb.commit()
  await ended
  return Buffer.concat(parts)
}
