// winston with the winston-loki transport, pushing to logcentral as it would to Loki.
// Usage: node send.js <base url> <token> <app label> [json|protobuf]   (protobuf + snappy is winston-loki's default)
const winston = require('winston')
const LokiTransport = require('winston-loki')

const [url, token, app, encoding = 'protobuf'] = process.argv.slice(2)
let failed = null
const loki = new LokiTransport({
  host: url,
  basicAuth: `logcentral:${token}`,
  json: encoding === 'json',
  labels: { app, env: 'test' },
  replaceTimestamp: false,
  format: winston.format.printf(info => info.message),
  onConnectionError: error => { failed = error }
})
const logger = winston.createLogger({ transports: [loki] })

logger.log({ level: 'error', message: 'disk almost full on /var', timestamp: '2026-11-30T08:00:00.250Z' })
logger.log({ level: 'warn', message: 'slow request /api/orders', timestamp: '2026-11-30T08:00:01Z' })

loki.flush().then(
  () => {
    if (failed) { console.error('push failed:', failed.message); process.exit(1) }
    console.log('pushed')
    process.exit(0)
  },
  error => { console.error('push failed:', error.message); process.exit(1) })
