package care.securebase.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The operations of the services as their own OpenAPI documents describe them ({@code /q/openapi}),
 * and request bodies generated from the documents' schemas: the tests follow the running services,
 * so a new endpoint is checked without anyone listing it.
 */
public final class OpenApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** A query, path or header parameter. */
    public record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation. {@code roles} are the scopes of its security requirement, which Quarkus's OpenAPI
     * extension writes from {@code @RolesAllowed} once a security scheme is configured
     * ({@code quarkus.smallrye-openapi.security-scheme=jwt} in each service); null means the operation is
     * public ({@code @PermitAll}: the document's {@code none} requirement).
     */
    public record Op(Stack.Service service, JsonNode doc, String method, String path, Set<String> roles,
                     List<Param> params, JsonNode bodySchema) {

        public boolean isPublic() {
            return roles == null;
        }

        public List<Param> pathParams() {
            return params.stream().filter(p -> p.in().equals("path")).toList();
        }

        public List<Param> queryParams() {
            return params.stream().filter(p -> p.in().equals("query")).toList();
        }

        public String label() {
            return service.db() + " " + method + " " + path;
        }
    }

    private OpenApi() {
    }

    /** Every operation of the four services, in document order. */
    public static List<Op> operations() {
        List<Op> all = new ArrayList<>();
        for (Stack.Service service : List.of(Stack.INTAKE, Stack.SESSIONS, Stack.REFERRALS, Stack.NOTIFICATIONS)) {
            Http.Resp resp = Http.send("GET", service.url() + "/q/openapi?format=json", null, null, null);
            if (resp.status() != 200) {
                throw new IllegalStateException(service.module() + " served no OpenAPI document: " + resp.status());
            }
            JsonNode doc;
            try {
                doc = JSON.readTree(resp.body());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
            while (paths.hasNext()) {
                Map.Entry<String, JsonNode> path = paths.next();
                for (String method : METHODS) {
                    JsonNode op = path.getValue().get(method);
                    if (op != null) {
                        all.add(toOp(service, doc, method.toUpperCase(), path.getKey(), op, path.getValue()));
                    }
                }
            }
        }
        return all;
    }

    private static Op toOp(Stack.Service service, JsonNode doc, String method, String path, JsonNode op, JsonNode pathItem) {
        Set<String> roles = null;
        for (JsonNode requirement : op.path("security")) {
            Iterator<Map.Entry<String, JsonNode>> schemes = requirement.fields();
            while (schemes.hasNext()) {
                Map.Entry<String, JsonNode> scheme = schemes.next();
                if (doc.path("components").path("securitySchemes").has(scheme.getKey())) {
                    roles = roles == null ? new LinkedHashSet<>() : roles;
                    for (JsonNode role : scheme.getValue()) {
                        roles.add(role.asText());
                    }
                }
            }
        }
        List<Param> params = new ArrayList<>();
        for (JsonNode p : concat(pathItem.path("parameters"), op.path("parameters"))) {
            params.add(new Param(p.path("name").asText(), p.path("in").asText(), p.path("required").asBoolean(false),
                    p.path("schema")));
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json").get("schema");
        return new Op(service, doc, method, path, roles, params, body);
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> out = new ArrayList<>();
        a.forEach(out::add);
        b.forEach(out::add);
        return out;
    }

    /** The schema with its {@code $ref} followed; keys beside the reference (examples, ...) win. */
    public static JsonNode resolve(JsonNode doc, JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return schema;
        }
        String ref = schema.get("$ref").asText();
        JsonNode target = resolve(doc, doc.at(ref.substring(1)));
        ObjectNode merged = target.deepCopy();
        schema.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("$ref")) {
                merged.set(e.getKey(), e.getValue());
            }
        });
        return merged;
    }

    /** The JSON type of a (resolved) schema: object, array, string, integer, number or boolean. */
    public static String typeOf(JsonNode resolved) {
        if (resolved == null) {
            return "object";
        }
        if (resolved.has("enum")) {
            return "string";
        }
        if (resolved.has("type")) {
            // OpenAPI 3.1 may say ["string", "null"] for a nullable value.
            JsonNode type = resolved.get("type");
            if (type.isArray()) {
                for (JsonNode t : type) {
                    if (!t.asText().equals("null")) {
                        return t.asText();
                    }
                }
            }
            return type.asText();
        }
        return resolved.has("properties") ? "object" : "string";
    }

    /**
     * A request that the schema allows: required properties, and optional ones the document gives an
     * example for; values from the examples, else the first enum constant, else a plain value of the
     * type (false for a flag, a date 30 days ahead). A UUID property is given {@code ids}' value for its name (the fixture's objects), or a
     * random UUID.
     */
    public static JsonNode sample(JsonNode doc, JsonNode schema, String name, Function<String, String> ids) {
        JsonNode own = schema;
        JsonNode s = resolve(doc, schema);
        if (s == null) {
            return NODES.textNode("e2e");
        }
        String format = s.path("format").asText("");
        // Dates are made fresh: examples (2030-...) fall outside rules such as "within two years".
        boolean dated = format.equals("date") || format.equals("date-time") || isDateList(doc, s);
        JsonNode example = dated ? null : exampleOf(own);
        if (example == null && !dated && !s.has("properties") && !format.equals("uuid")) {
            // A component's own example (LocalDate's is in the past) only where no fresh value is made below.
            example = exampleOf(s);
        }
        String type = typeOf(s);
        if (example != null && !(type.equals("string") && "uuid".equals(s.path("format").asText()))) {
            return example.deepCopy();
        }
        if (s.has("enum")) {
            return s.get("enum").get(0).deepCopy();
        }
        switch (type) {
            case "object" -> {
                ObjectNode out = NODES.objectNode();
                Set<String> required = new LinkedHashSet<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                s.path("properties").fields().forEachRemaining(p -> {
                    if (required.contains(p.getKey()) || exampleOf(p.getValue()) != null) {
                        out.set(p.getKey(), sample(doc, p.getValue(), p.getKey(), ids));
                    }
                });
                return out;
            }
            case "array" -> {
                ArrayNode out = NODES.arrayNode();
                if (s.path("minItems").asInt(0) > 0 || dated) {
                    out.add(sample(doc, s.get("items"), name, ids));
                }
                return out;
            }
            case "integer", "number" -> {
                if (s.has("minimum")) {
                    return NODES.numberNode(Math.max(s.get("minimum").asLong(), 1));
                }
                return NODES.numberNode(1);
            }
            case "boolean" -> {
                // false switches nothing on: an active clinician would be given other tests' clients.
                return NODES.booleanNode(false);
            }
            default -> {
                return switch (format) {
                    case "uuid" -> NODES.textNode(ids.apply(name) == null ? UUID.randomUUID().toString() : ids.apply(name));
                    case "date" -> NODES.textNode(LocalDate.now().plusDays(30).toString());
                    case "date-time" -> NODES.textNode(Instant.now().plus(30, ChronoUnit.DAYS)
                            .truncatedTo(ChronoUnit.HOURS).toString());
                    default -> NODES.textNode("e2e");
                };
            }
        }
    }

    private static boolean isDateList(JsonNode doc, JsonNode s) {
        if (!"array".equals(s.path("type").asText()) || !s.has("items")) {
            return false;
        }
        String itemFormat = resolve(doc, s.get("items")).path("format").asText("");
        return itemFormat.equals("date") || itemFormat.equals("date-time");
    }

    private static JsonNode exampleOf(JsonNode schema) {
        if (schema == null) {
            return null;
        }
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0);
        }
        return schema.get("example");
    }
}
