package care.securebase.portal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the four services: one small HTTP server whose answers each test sets
 * ({@link #answer}) and which records every request it gets ({@link #requests}), so tests see what
 * the portal sent, token included. {@link #hangUp} makes a path drop the connection without an
 * answer, as a service that went down mid-request.
 */
public class FakeServices implements QuarkusTestResourceLifecycleManager {

    public record Request(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        Answer(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final List<Request> REQUESTS = new CopyOnWriteArrayList<>();
    private static final int HANG_UP = -1;

    private HttpServer server;

    /** Answers {@code "GET /intake/clients"} (method, service prefix and path, no query) with JSON. */
    public static void answer(String methodAndPath, int status, String json) {
        ANSWERS.put(methodAndPath, new Answer(status, status >= 400 ? "application/problem+json"
                : "application/json", json));
    }

    /** Answers with an HTML page (200), as a service's printable page. */
    public static void answerHtml(String methodAndPath, String html) {
        ANSWERS.put(methodAndPath, new Answer(200, "text/html;charset=UTF-8", html, Map.of()));
    }

    /** The same with response headers, e.g. {@code X-Total-Count}. */
    public static void answer(String methodAndPath, int status, String json, Map<String, String> headers) {
        ANSWERS.put(methodAndPath, new Answer(status, status >= 400 ? "application/problem+json"
                : "application/json", json, Map.copyOf(headers)));
    }

    /** Drops the connection of every request to this path without answering. */
    public static void hangUp(String methodAndPath) {
        ANSWERS.put(methodAndPath, new Answer(HANG_UP, null, ""));
    }

    public static List<Request> requests() {
        return List.copyOf(REQUESTS);
    }

    public static Request last(String methodAndPath) {
        List<Request> all = requests();
        for (int i = all.size() - 1; i >= 0; i--) {
            Request r = all.get(i);
            if ((r.method() + " " + r.path()).equals(methodAndPath)) {
                return r;
            }
        }
        return null;
    }

    public static void reset() {
        ANSWERS.clear();
        REQUESTS.clear();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        String base = "http://localhost:" + server.getAddress().getPort();
        return Map.of(
                "securebase.services.intake-url", base + "/intake",
                "securebase.services.sessions-url", base + "/sessions",
                "securebase.services.referrals-url", base + "/referrals",
                "securebase.services.notifications-url", base + "/notifications");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        REQUESTS.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = ANSWERS.getOrDefault(exchange.getRequestMethod() + " " + path, new Answer(404,
                "application/problem+json", "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No such resource\"}"));
        if (answer.status() == HANG_UP) {
            exchange.close();
            return;
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", answer.contentType());
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
