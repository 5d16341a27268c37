export { parseDirectiveText } from './parse-text.ts'
export { extractText } from './extract.ts'
export { parseDirectiveFile } from './parse-file.ts'
export { ParseInputError } from './errors.ts'
