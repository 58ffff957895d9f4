package care.securebase.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * Stands in for Zipkin's span intake ({@code POST /api/v2/spans}, JSON v2, as the applications' exporter
 * sends it) for the whole e2e run, so the tests read every span the packaged applications exported: raw,
 * for the leak check, and parsed, to follow a trace across them.
 */
final class SpanReceiver {

    private static SpanReceiver instance;

    private final HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final List<JsonNode> spans = new ArrayList<>();

    private SpanReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/api/v2/spans", this::receive);
        server.start();
    }

    static synchronized SpanReceiver get() {
        if (instance == null) {
            try {
                instance = new SpanReceiver();
            } catch (IOException e) {
                throw new IllegalStateException("The span receiver did not start", e);
            }
        }
        return instance;
    }

    void stop() {
        server.stop(0);
    }

    String endpoint() {
        return "http://localhost:" + server.getAddress().getPort() + "/api/v2/spans";
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            InputStream in = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            JsonNode batch = OpenApi.JSON.readTree(body);
            synchronized (this) {
                bodies.add(body);
                batch.forEach(spans::add);
            }
            exchange.sendResponseHeaders(202, -1);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    /** Every batch as it arrived, for searching the raw text. */
    synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    synchronized List<JsonNode> spans() {
        return List.copyOf(spans);
    }

    /** The spans of each trace, by trace id. */
    Map<String, List<JsonNode>> traces() {
        return spans().stream().collect(Collectors.groupingBy(s -> s.path("traceId").asText()));
    }

    static String service(JsonNode span) {
        return span.path("localEndpoint").path("serviceName").asText();
    }

    static String tag(JsonNode span, String name) {
        return span.path("tags").path(name).asText(null);
    }
}
