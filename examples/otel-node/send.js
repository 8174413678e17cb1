// The OpenTelemetry JS SDK with @opentelemetry/exporter-logs-otlp-http (OTLP/HTTP JSON) sending to logcentral.
// Usage: node send.js <base url> <token> <service.name>
const { diag, DiagConsoleLogger, DiagLogLevel, context, trace, TraceFlags } = require('@opentelemetry/api')
const { SeverityNumber } = require('@opentelemetry/api-logs')
const { OTLPLogExporter } = require('@opentelemetry/exporter-logs-otlp-http')
const { resourceFromAttributes } = require('@opentelemetry/resources')
const { LoggerProvider, SimpleLogRecordProcessor } = require('@opentelemetry/sdk-logs')

const [url, token, service] = process.argv.slice(2)
diag.setLogger(new DiagConsoleLogger(), DiagLogLevel.ERROR)
const exporter = new OTLPLogExporter({ url: url + '/v1/logs', headers: { Authorization: 'Bearer ' + token } })
const provider = new LoggerProvider({
  resource: resourceFromAttributes({ 'service.name': service, 'deployment.environment': 'test' }),
  processors: [new SimpleLogRecordProcessor({ exporter })]
})
const logger = provider.getLogger('shop.cart', '2.0.0')
const traced = trace.setSpanContext(context.active(), {
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
  spanId: '00f067aa0ba902b7',
  traceFlags: TraceFlags.SAMPLED
})

logger.emit({
  timestamp: new Date('2026-11-30T11:00:00.500Z'),
  severityNumber: SeverityNumber.WARN,
  severityText: 'WARN',
  body: 'cart is large',
  attributes: { 'cart.items': 42, 'cart.id': 'c-7' },
  context: traced
})
logger.emit({
  timestamp: new Date('2026-11-30T11:00:01.000Z'),
  severityNumber: SeverityNumber.INFO,
  body: { event: 'checkout', ok: true }
})

provider.forceFlush()
  .then(() => provider.shutdown())
  .then(() => { console.log('exported'); process.exit(0) },
    error => { console.error('export failed:', error); process.exit(1) })
