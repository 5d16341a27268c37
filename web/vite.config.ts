import react from '@vitejs/plugin-react'
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { defineConfig, type Plugin } from 'vite'

const webRoot = fileURLToPath(new URL('.', import.meta.url))

// Vendor code split by library, so no single chunk is huge and an app-only change leaves the
// vendor chunks (and the browser's cache of them) untouched. Checked in order; first match wins.
const VENDOR_GROUPS: [name: string, test: RegExp][] = [
  ['react', /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/],
  ['antd-icons', /node_modules[\\/]@ant-design[\\/]icons/],
  ['antd-rc', /node_modules[\\/](@rc-component|rc-[^\\/]+)[\\/]/],
  ['antd-style', /node_modules[\\/]@ant-design[\\/](cssinjs|cssinjs-utils|colors|fast-color)[\\/]/],
  ['antd-data', /node_modules[\\/]antd[\\/]es[\\/](table|tree|tree-select|date-picker|calendar|time-picker|pagination|descriptions|steps|qr-code|qrcode)[\\/]/],
  ['antd', /node_modules[\\/](antd|@ant-design)[\\/]/],
  // The overview's charts: their own chunk, loaded with that page only.
  ['charts', /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant)[\\/]/],
  ['vendor', /node_modules[\\/]/],
]

/**
 * Writes a .br and a .gz beside every text asset once, at build time and at the best ratio, so the
 * server sends them as they are (@fastify/static's preCompressed) instead of compressing per request.
 */
function precompress(): Plugin {
  return {
    name: 'bvct-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? join(webRoot, 'dist')
      const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(d, e.name)) : [join(d, e.name)]))
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|svg|json|txt)$/.test(file)) continue
        const bytes = readFileSync(file)
        if (bytes.length < 1024) continue
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }))
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }))
      }
    },
  }
}

export default defineConfig({
  root: webRoot,
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS.map(([name, test], i) => ({ name, test, priority: VENDOR_GROUPS.length - i })),
        },
      },
    },
  },
  server: {
    // `npm run dev` serves the API on 3000; `npm run dev:web` proxies to it.
    proxy: { '/api': 'http://localhost:3000' },
  },
})
