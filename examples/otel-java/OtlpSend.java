import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Sends two logs through the OpenTelemetry Java SDK's OtlpHttpLogRecordExporter (protobuf), as an application
 * instrumented with OpenTelemetry would. Arguments: base URL, token, service name.
 */
public class OtlpSend {

    public static void main(String[] args) {
        String url = args[0];
        String token = args[1];
        String service = args[2];
        OtlpHttpLogRecordExporter exporter = OtlpHttpLogRecordExporter.builder()
                .setEndpoint(url + "/v1/logs")
                .addHeader("Authorization", "Bearer " + token)
                .build();
        Resource resource = Resource.getDefault()
                .merge(Resource.create(Attributes.of(stringKey("service.name"), service, stringKey("host.name"), "web-1")));
        SdkLoggerProvider provider = SdkLoggerProvider.builder()
                .setResource(resource)
                .addLogRecordProcessor(BatchLogRecordProcessor.builder(exporter).build())
                .build();
        Logger logger = provider.get("checkout.payments");
        Context traced = Context.root()
                .with(Span.wrap(SpanContext.create(
                        "5b8efff798038103d269b633813fc60c",
                        "eee19b7ec3c1b174",
                        TraceFlags.getSampled(),
                        TraceState.getDefault())));
        logger.logRecordBuilder()
                .setTimestamp(Instant.parse("2026-11-30T10:15:30.123456Z"))
                .setSeverity(Severity.ERROR)
                .setSeverityText("ERROR")
                .setBody("payment declined for order o-42")
                .setAttribute(stringKey("order.id"), "o-42")
                .setAttribute(longKey("amount.cents"), 1999L)
                .setContext(traced)
                .emit();
        logger.logRecordBuilder()
                .setTimestamp(Instant.parse("2026-11-30T10:15:31Z"))
                .setSeverity(Severity.WARN2)
                .setBody("retrying payment")
                .emit();
        boolean flushed = provider.forceFlush().join(20, TimeUnit.SECONDS).isSuccess();
        provider.shutdown().join(10, TimeUnit.SECONDS);
        System.out.println(flushed ? "exported" : "export failed");
        System.exit(flushed ? 0 : 1);
    }
}
