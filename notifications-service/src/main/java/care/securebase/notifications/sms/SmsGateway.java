package care.securebase.notifications.sms;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Hands a text message to the configured HTTP gateway; returns only once the gateway accepted it. */
@ApplicationScoped
public class SmsGateway {

    /** The gateway refused or could not be reached; retried like a failed e-mail. */
    public static class SendFailed extends RuntimeException {
        public SendFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SmsConfig config;
    private final ObjectMapper mapper;
    private final HttpClient http;

    public SmsGateway(SmsConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.timeout()).build();
    }

    public boolean configured() {
        return config.url().filter(u -> !u.isBlank()).isPresent();
    }

    /**
     * @param reference the message's id, so a gateway that deduplicates can drop a resend
     */
    public void send(String to, String text, String reference) {
        String url = config.url().filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException("SMS is off"));
        Map<String, String> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("text", text);
        body.put("reference", reference);
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SendFailed("SMS not serialisable", e);
        }
        config.token().filter(t -> !t.isBlank()).ifPresentOrElse(t -> request.header("Authorization", "Bearer " + t),
                () -> config.username().ifPresent(u -> request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((u + ":" + config.password().orElse("")).getBytes(StandardCharsets.UTF_8)))));
        HttpResponse<Void> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new SendFailed("SMS gateway unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendFailed("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            // The status only: a gateway's body may echo the number or the text.
            throw new SendFailed("SMS gateway answered " + response.statusCode(), null);
        }
    }
}
