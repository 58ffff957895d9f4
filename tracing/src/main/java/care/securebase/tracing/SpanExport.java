package care.securebase.tracing;

import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import zipkin2.reporter.urlconnection.URLConnectionSender;

/**
 * Where spans go: Zipkin's JSON intake, through {@link RedactingSpanExporter}. Zipkin 3.5 takes no
 * OTLP (its OpenTelemetry collector module is not on Maven Central), so the applications speak Zipkin's
 * own protocol. A {@link SpanExporter} bean also replaces Quarkus' default OTLP exporter, which would
 * otherwise try localhost:4317. Spans leave in batches (quarkus.otel.bsp.*: every 5 s or 512 spans).
 */
@Singleton
public class SpanExport {

    @Produces
    @Singleton
    @Unremovable
    SpanExporter spanExporter(TracingConfig config) {
        return config.zipkinEndpoint()
                .<SpanExporter>map(endpoint -> new RedactingSpanExporter(ZipkinSpanExporter.builder()
                        .setSender(URLConnectionSender.newBuilder().endpoint(endpoint.toString()).build())
                        .build()))
                .orElseGet(SpanExporter::composite);
    }
}
