package care.securebase.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Well-formed requests for an operation, aimed at the fixture's objects. */
final class Requests {

    /** Optional filters that aim a list at the fixture's client (an outsider's list must stay empty of it). */
    private static final java.util.Set<String> FIXTURE_QUERY = java.util.Set.of("clientId", "subject", "based-on");

    private Requests() {
    }

    /** The operation's URL with the fixture's ids (or random UUIDs) in the path and its required query parameters. */
    static String url(OpenApi.Op op, Fixture f, boolean randomIds) {
        return url(op, f, randomIds, Map.of());
    }

    /** As {@link #url(OpenApi.Op, Fixture, boolean)}, with some parameters' values replaced (raw, encoded here). */
    static String url(OpenApi.Op op, Fixture f, boolean randomIds, Map<String, String> replaced) {
        String path = op.path();
        for (OpenApi.Param p : op.pathParams()) {
            String value = replaced.containsKey(p.name()) ? replaced.get(p.name())
                    : randomIds && isUuid(op, p) ? UUID.randomUUID().toString() : f.pathValue(op.path(), p.name());
            path = path.replace("{" + p.name() + "}", encode(value).replace("+", "%20"));
        }
        List<String> query = new ArrayList<>();
        for (OpenApi.Param p : op.queryParams()) {
            if (replaced.containsKey(p.name())) {
                query.add(p.name() + "=" + encode(replaced.get(p.name())));
            } else if (p.required() || FIXTURE_QUERY.contains(p.name())) {
                query.add(p.name() + "=" + encode(queryValue(op, p, f)));
            }
        }
        return op.service().url() + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    static boolean isUuid(OpenApi.Op op, OpenApi.Param p) {
        return "uuid".equals(OpenApi.resolve(op.doc(), p.schema()).path("format").asText());
    }

    /** A valid value for a query parameter. */
    static String queryValue(OpenApi.Op op, OpenApi.Param p, Fixture f) {
        return switch (p.name()) {
            case "clientId" -> f.client;
            case "subject" -> "Patient/" + f.client;
            case "based-on" -> "ServiceRequest/" + f.referral;
            case "legalName" -> Fixture.NAME + " Fixture";
            case "dateOfBirth" -> "1985-05-05";
            default -> {
                JsonNode sample = OpenApi.sample(op.doc(), p.schema(), p.name(), f::bodyValue);
                yield sample.isTextual() ? sample.asText() : sample.toString();
            }
        };
    }

    /** A request body the schema allows, or null when the operation takes none. */
    static String body(OpenApi.Op op, Fixture f) {
        return op.bodySchema() == null ? null : OpenApi.sample(op.doc(), op.bodySchema(), "body", f::bodyValue).toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
