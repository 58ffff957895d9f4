package care.securebase.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local SMS gateway: records every POST; numbers starting "+48 000" are refused with a 500. */
public final class SmsStub implements AutoCloseable {

    public record Received(JsonNode body, String authorization) {
    }

    private final HttpServer server;
    public final List<Received> received = new CopyOnWriteArrayList<>();

    public SmsStub(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/messages", exchange -> {
            JsonNode body = new ObjectMapper().readTree(exchange.getRequestBody());
            int status;
            if (!"POST".equals(exchange.getRequestMethod())) {
                status = 405;
            } else if (body.path("to").asText().startsWith("+48 000")) {
                status = 500;
            } else {
                received.add(new Received(body, exchange.getRequestHeaders().getFirst("Authorization")));
                status = 202;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public List<Received> to(String phone) {
        return received.stream().filter(r -> r.body().path("to").asText().equals(phone)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
