package care.securebase.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Plain HTTP: hostile requests need bodies and headers exactly as written, and nothing logged. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();

    /** @param contentType the Content-Type header, or null; @param wwwAuthenticate that header, or null */
    public record Resp(int status, String contentType, String body, String wwwAuthenticate) {
        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    private Http() {
    }

    public static Resp send(String method, String url, String token, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.header("Accept", "application/json, application/fhir+json, text/html, */*");
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Resp(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    new String(response.body(), StandardCharsets.UTF_8),
                    response.headers().firstValue("WWW-Authenticate").orElse(null));
        } catch (IOException e) {
            // A connection the server closed on us (e.g. an oversized body) is an answer too.
            return new Resp(-1, null, e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Resp json(String method, String url, String token, String json) {
        return send(method, url, token, json == null ? null : "application/json",
                json == null ? null : json.getBytes(StandardCharsets.UTF_8));
    }
}
