// pino with pino-elasticsearch (the official Elasticsearch client's bulk helper), shipping to logcentral.
// Usage: node send.js <base url> <token> <index>
const pino = require('pino')
const pinoElastic = require('pino-elasticsearch')

const [url, token, index] = process.argv.slice(2)
const stream = pinoElastic({ node: url, index, esVersion: 8, auth: { apiKey: token }, flushBytes: 100000 })
let failed = null
stream.on('error', error => { failed = error })
stream.on('insertError', error => { failed = error })
stream.on('insert', stats => {
  if (failed || stats.failed > 0) {
    console.error('bulk failed:', failed ? failed.message : JSON.stringify(stats))
    process.exit(1)
  }
  console.log('inserted', stats.successful)
  process.exit(0)
})
setTimeout(() => { console.error('bulk timed out:', failed && failed.message); process.exit(1) }, 30000)

const logger = pino({ level: 'debug' }, stream)
logger.error({ order: 'o-42', service: 'checkout' }, 'payment declined')
logger.info('order placed')
logger.flush()
stream.end()
