package care.securebase.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input generated from the services' OpenAPI documents, sent by a caller the operation lets in,
 * aimed at the fixture's objects: for every request body, missing required fields, unknown fields,
 * wrong types, 100k-character strings, a 5 MB body, malformed JSON, SQL and script fragments, numbers
 * and dates out of range; for every query parameter and UUID path parameter, values of the wrong kind.
 * No answer may be a 5xx (or a dropped connection), every 4xx is problem+json whichever layer refuses it
 * (413/414/431 included), and a refused request writes nothing: the service's e2e
 * tables (rows and their content) and its outbox are compared before and after.
 */
@ExtendWith(Stack.class)
class BadInputCorpusIT {

    /** The generated PUTs may have changed the clinic's settings: later tests expect the standard ones. */
    @org.junit.jupiter.api.AfterAll
    static void standardSettings() {
        StandardSettings.restore();
    }

    static final String HUGE = "a".repeat(100_000);
    static final String SQL = "' OR 1=1 --";
    static final String SCRIPT = "<script>alert(1)</script>";
    /** Refused for size (body, URI, headers) before the REST layer: problem+json all the same; counted apart. */
    static final Set<Integer> TRANSPORT = Set.of(413, 414, 431);

    /**
     * @param detail which field or parameter, and what value
     * @param names null, or the field or parameter a 400 problem must name: the case's kind must be refused so
     */
    record Case(OpenApi.Op op, String kind, String detail, String method, String url, String contentType, byte[] body,
                String names) {
        Case(OpenApi.Op op, String kind, String detail, String method, String url, String contentType, byte[] body) {
            this(op, kind, detail, method, url, contentType, body, null);
        }
    }

    static final String HUGE_BODY = "huge body (5 MB)";

    /** Kinds whose acceptance is listed for review. */
    static final Set<String> REVIEW = Set.of("missing required field", "huge string (100k)", HUGE_BODY,
            "date out of range", "number out of range", "invalid path parameter", "wrong content type");

    record Outcome(Case c, int status, boolean problem, List<String> writes, List<String> named) {
        boolean refused() {
            return status >= 400 || status < 0;
        }

        String failure() {
            // Over the 1 MB limit the server answers 413 and closes the connection while the client may
            // still be uploading: the client can see the close before the answer. Refused at the door.
            if (status < 0 && c.kind().equals(HUGE_BODY)) {
                return writes.isEmpty() ? null : "refused but wrote " + writes;
            }
            if (status >= 500 || status < 0) {
                return "server error";
            }
            if (c.names() != null && (status != 400 || !problem)) {
                return "not a 400 problem naming " + c.names();
            }
            if (c.names() != null && !named.contains(c.names())) {
                return "the 400 names " + named + ", not " + c.names();
            }
            if (status >= 400 && !problem) {
                return "4xx not problem+json";
            }
            if (refused() && !writes.isEmpty()) {
                return "refused but wrote " + writes;
            }
            return null;
        }
    }

    @Test
    void noHostileInputBreaksAServiceOrWritesWhenRefused() {
        Fixture f = Fixture.get();
        List<OpenApi.Op> ops = OpenApi.operations();
        Map<String, Db> dbs = new HashMap<>();
        for (Stack.Service s : List.of(Stack.INTAKE, Stack.SESSIONS, Stack.REFERRALS, Stack.NOTIFICATIONS)) {
            dbs.put(s.db(), new Db(s));
        }
        long started = System.nanoTime();
        // The fixture's events settle first: their effects are not the requests' writes.
        dbs.values().forEach(db -> db.quiet(20_000));

        List<Outcome> outcomes = new ArrayList<>();
        for (OpenApi.Op op : ops) {
            Optional<Callers.Caller> caller = Callers.ALL.stream()
                    .filter(c -> AuthorizationMatrixIT.expected(op, c).allowed()).findFirst();
            if (caller.isEmpty()) {
                continue;
            }
            Db db = dbs.get(op.service().db());
            for (Case c : cases(op, f)) {
                outcomes.add(send(c, caller.get(), db));
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        dbs.values().forEach(Db::close);

        List<Outcome> failures = outcomes.stream().filter(o -> o.failure() != null).toList();
        Report report = new Report().title("Bad-input corpus")
                .line(outcomes.size() + " hostile requests to " + outcomes.stream().map(o -> o.c().op()).distinct().count()
                        + " operations in " + seconds + " s; " + failures.size() + " failures (5xx, 4xx without "
                        + "problem+json, or a write by a refused request).")
                .line("");
        report.table(List.of("kind", "requests", "2xx", "400", "404", "409", "413/414/431", "other 4xx", "5xx/drop", "failures"),
                summary(outcomes));
        report.table(List.of("service", "requests", "refused", "accepted", "failures"), byService(outcomes));
        List<Outcome> review = outcomes.stream().filter(o -> o.failure() == null && !o.refused()
                && REVIEW.contains(o.c().kind())).toList();
        if (!review.isEmpty()) {
            // Not failures: input the services took that a reader may want to question.
            report.title("Accepted although hostile (for review)").table(List.of("operation", "case", "status"),
                    review.stream().map(o -> List.of(o.c().op().label(), o.c().kind() + " " + o.c().detail(),
                            String.valueOf(o.status()))).toList());
        }
        if (!failures.isEmpty()) {
            report.title("Failures").table(List.of("operation", "case", "status", "why"), failures.stream()
                    .map(o -> List.of(o.c().op().label(), o.c().kind() + " " + o.c().detail(), String.valueOf(o.status()),
                            o.failure())).toList());
        }
        String text = report.publish("bad-input-corpus");
        assertTrue(outcomes.size() > 500, "the corpus ran");
        if (!failures.isEmpty()) {
            fail(failures.size() + " failures in the bad-input corpus:\n" + text);
        }
    }

    private static Outcome send(Case c, Callers.Caller caller, Db db) {
        Map<String, String> before = db.snapshot();
        Http.Resp resp = Http.send(c.method(), c.url(), caller.token(), c.contentType(), c.body());
        List<String> writes = Db.changed(before, db.snapshot());
        if ((resp.status() >= 400 || resp.status() < 0) && !writes.isEmpty()) {
            // Background work (the relay, a consumer) may have written meanwhile: once more, when all is quiet.
            before = db.quiet(10_000);
            resp = Http.send(c.method(), c.url(), caller.token(), c.contentType(), c.body());
            writes = Db.changed(before, db.snapshot());
        }
        return new Outcome(c, resp.status(), resp.isProblem(), writes, named(resp));
    }

    /** The fields and parameters a problem's errors name. */
    private static List<String> named(Http.Resp resp) {
        List<String> fields = new ArrayList<>();
        if (resp.isProblem()) {
            try {
                OpenApi.JSON.readTree(resp.body()).path("errors").forEach(e -> fields.add(e.path("field").asText()));
            } catch (Exception e) {
                fields.add("(unreadable problem)");
            }
        }
        return fields;
    }

    static List<Case> cases(OpenApi.Op op, Fixture f) {
        List<Case> out = new ArrayList<>();
        String url = Requests.url(op, f, false);
        if (op.bodySchema() != null) {
            ObjectNode base = (ObjectNode) OpenApi.sample(op.doc(), op.bodySchema(), "body", f::bodyValue);
            JsonNode schema = OpenApi.resolve(op.doc(), op.bodySchema());
            Map<String, JsonNode> props = new LinkedHashMap<>();
            schema.path("properties").fields().forEachRemaining(p -> props.put(p.getKey(), OpenApi.resolve(op.doc(), p.getValue())));
            for (JsonNode required : schema.path("required")) {
                ObjectNode body = base.deepCopy();
                body.remove(required.asText());
                out.add(json(op, "missing required field", required.asText(), url, body.toString()));
            }
            out.add(json(op, "missing required field", "{}", url, "{}"));
            ObjectNode unknown = base.deepCopy();
            unknown.put("e2eUnknownField", "x");
            unknown.putObject("__proto__").put("admin", true);
            out.add(json(op, "unknown fields", "", url, unknown.toString()));
            String firstString = null;
            for (Map.Entry<String, JsonNode> p : props.entrySet()) {
                String name = p.getKey();
                JsonNode s = p.getValue();
                String type = OpenApi.typeOf(s);
                String format = s.path("format").asText("");
                out.add(json(op, "wrong type", name, url, with(base, name, wrongType(type, s))));
                if (type.equals("string") && !s.has("enum")) {
                    firstString = firstString == null ? name : firstString;
                    out.add(json(op, "huge string (100k)", name, url, with(base, name, OpenApi.NODES.textNode(HUGE))));
                    out.add(json(op, "SQL fragment", name, url, with(base, name, OpenApi.NODES.textNode(SQL))));
                    out.add(json(op, "script fragment", name, url, with(base, name, OpenApi.NODES.textNode(SCRIPT))));
                }
                if (type.equals("array") && OpenApi.typeOf(OpenApi.resolve(op.doc(), s.get("items"))).equals("string")) {
                    out.add(json(op, "huge string (100k)", name + "[0]", url,
                            with(base, name, OpenApi.NODES.arrayNode().add(HUGE))));
                    out.add(json(op, "SQL fragment", name + "[0]", url, with(base, name, OpenApi.NODES.arrayNode().add(SQL))));
                }
                if (type.equals("integer") || type.equals("number")) {
                    for (String n : List.of("-1", "2147483648", "1e308", "-99999999999")) {
                        out.add(json(op, "number out of range", name + "=" + n, url, with(base, name, number(n))));
                    }
                }
                if (format.equals("date")) {
                    for (String d : List.of("0000-01-01", "99999-12-31", "-0001-01-01", "2024-02-30")) {
                        out.add(json(op, "date out of range", name + "=" + d, url, with(base, name, OpenApi.NODES.textNode(d))));
                    }
                }
                if (format.equals("date-time")) {
                    for (String d : List.of("0000-01-01T00:00:00Z", "+99999-01-01T00:00:00Z", "-0001-01-01T00:00:00Z",
                            "2024-02-30T10:00:00Z")) {
                        out.add(json(op, "date out of range", name + "=" + d, url, with(base, name, OpenApi.NODES.textNode(d))));
                    }
                }
                if (type.equals("array") && !s.path("items").isMissingNode()) {
                    // A date inside a list (booster dates) is a date too.
                    JsonNode items = OpenApi.resolve(op.doc(), s.get("items"));
                    if (items.path("format").asText("").startsWith("date")) {
                        out.add(json(op, "date out of range", name + "[0]=+99999", url,
                                with(base, name, OpenApi.NODES.arrayNode().add("+99999-01-01T00:00:00Z"))));
                    }
                }
            }
            String field = firstString == null ? "e2ePadding" : firstString;
            out.add(json(op, HUGE_BODY, "in " + field, url, with(base, field, OpenApi.NODES.textNode("b".repeat(5 * 1024 * 1024)))));
            for (String malformed : List.of("{\"a\":", "not json", "[]", "null", "", "{\"a\":\"\\ud800\"}", "{{{{")) {
                out.add(json(op, "malformed JSON", malformed.isEmpty() ? "(empty)" : malformed, url, malformed));
            }
            out.add(new Case(op, "wrong content type", "text/plain", op.method(), url, "text/plain",
                    base.toString().getBytes(StandardCharsets.UTF_8)));
        }
        String body = Requests.body(op, f);
        for (OpenApi.Param p : op.queryParams()) {
            JsonNode s = OpenApi.resolve(op.doc(), p.schema());
            List<String> values = new ArrayList<>(List.of("a".repeat(3000), SQL, SCRIPT, "-1", "99999999999", "abc",
                    "99999-01-01", "not-a-uuid", "%00"));
            for (String v : values) {
                out.add(json(op, "bad query parameter", p.name() + "=" + abbreviate(v), Requests.url(op, f, false, Map.of(p.name(), v)), body));
            }
            out.add(json(op, "bad query parameter", p.name() + "=" + abbreviate(HUGE), Requests.url(op, f, false, Map.of(p.name(), HUGE)), body));
            if (OpenApi.typeOf(s).equals("integer")) {
                out.add(json(op, "bad query parameter", p.name() + "=2147483648", Requests.url(op, f, false, Map.of(p.name(), "2147483648")), body));
            }
        }
        out.addAll(strictCases(op, f));
        for (OpenApi.Param p : op.pathParams()) {
            for (String v : List.of("not-a-uuid", SQL, "..%2F..%2Fetc%2Fpasswd", "00000000-0000-0000-0000-00000000000g", HUGE.substring(0, 2000))) {
                out.add(json(op, "invalid path parameter", p.name() + "=" + abbreviate(v), Requests.url(op, f, false, Map.of(p.name(), v)), body));
            }
        }
        return out;
    }

    /** Kinds that must be refused with a 400 problem naming the field or parameter (issue 17). */
    static final String NUL_TEXT = "NUL in text";
    static final String SURROGATE_TEXT = "lone surrogate in text";
    static final String FRACTION = "fraction in an integer";
    static final String DUPLICATE_KEY = "key given twice";
    static final String HIDDEN_CHARACTER = "control/format character or lone surrogate";
    static final String UNKNOWN_ENUM = "unknown enum value in a query";
    static final String UNPARSEABLE_QUERY = "unparseable query value";
    static final String PAST_MAXIMUM = "query value past its maximum";
    /** Becomes the escape of a lone high surrogate in the body text: a Java string cannot carry one to the wire. */
    private static final String LONE_SURROGATE = "e2eLoneSurrogate";

    /** A value somewhere in a body: the property names and array positions (0) that lead to it, and its schema. */
    record Leaf(String path, List<Object> steps, List<JsonNode> schemas) {
        JsonNode schema() {
            return schemas.get(schemas.size() - 1);
        }

        Leaf then(Object step, JsonNode schema) {
            List<Object> s = new ArrayList<>(steps);
            s.add(step);
            List<JsonNode> n = new ArrayList<>(schemas);
            n.add(schema);
            String next = step instanceof Integer i ? path + "[" + i + "]"
                    : path.isEmpty() ? (String) step : path + "." + step;
            return new Leaf(next, s, n);
        }
    }

    /**
     * Every body's every text and integer value (nested objects and lists included), every body once with a key
     * given twice, and every query parameter with what it cannot hold: each a 400 naming it, nothing written.
     */
    static List<Case> strictCases(OpenApi.Op op, Fixture f) {
        List<Case> out = new ArrayList<>();
        String url = Requests.url(op, f, false);
        if (op.bodySchema() != null && OpenApi.typeOf(OpenApi.resolve(op.doc(), op.bodySchema())).equals("object")) {
            ObjectNode base = (ObjectNode) OpenApi.sample(op.doc(), op.bodySchema(), "body", f::bodyValue);
            List<Leaf> leaves = new ArrayList<>();
            leaves(op.doc(), new Leaf("", List.of(), List.of(OpenApi.resolve(op.doc(), op.bodySchema()))), 0, leaves);
            for (Leaf leaf : leaves) {
                JsonNode schema = leaf.schema();
                String type = OpenApi.typeOf(schema);
                if (type.equals("string")) {
                    out.add(strict(op, NUL_TEXT, leaf.path(), url,
                            at(op, f, base, leaf, OpenApi.NODES.textNode("e2e\u0000e2e"))));
                    out.add(strict(op, SURROGATE_TEXT, leaf.path(), url,
                            at(op, f, base, leaf, OpenApi.NODES.textNode("e2e" + LONE_SURROGATE))
                                    .replace(LONE_SURROGATE, "\\ud800")));
                }
                if (type.equals("integer")) {
                    out.add(strict(op, FRACTION, leaf.path() + "=1.5", leaf.path(), url,
                            at(op, f, base, leaf, OpenApi.NODES.numberNode(new java.math.BigDecimal("1.5")))));
                }
                // "\S" is only how the document shows @NotBlank: free text, where a tab or a newline is fine.
                if (type.equals("string") && schema.has("pattern") && !schema.get("pattern").asText().equals("\\S")) {
                    for (String v : List.of("Jo\u0007", "Jo\u202eeel", "\u200b\u200b", "Jo" + LONE_SURROGATE)) {
                        out.add(strict(op, HIDDEN_CHARACTER, leaf.path() + "=" + visible(v), leaf.path(), url,
                                at(op, f, base, leaf, OpenApi.NODES.textNode(v)).replace(LONE_SURROGATE, "\\ud800")));
                    }
                }
            }
            ObjectNode keyed = base.deepCopy();
            JsonNode properties = OpenApi.resolve(op.doc(), op.bodySchema()).path("properties");
            if (keyed.isEmpty() && properties.fieldNames().hasNext()) {
                String first = properties.fieldNames().next();
                keyed.set(first, OpenApi.sample(op.doc(), properties.get(first), first, f::bodyValue));
            }
            if (!keyed.isEmpty()) {
                String key = keyed.fieldNames().next();
                String twice = "{\"" + key + "\":" + keyed.get(key) + "," + keyed.toString().substring(1);
                out.add(strict(op, DUPLICATE_KEY, key, url, twice));
            }
        }
        String body = Requests.body(op, f);
        for (OpenApi.Param p : op.queryParams()) {
            JsonNode s = OpenApi.resolve(op.doc(), p.schema());
            String type = OpenApi.typeOf(s);
            String format = s.path("format").asText("");
            Map<String, String> values = new LinkedHashMap<>();
            values.put("e2e\u0000e2e", NUL_TEXT);
            if (s.has("enum")) {
                values.put("NOT_ONE_OF_THEM", UNKNOWN_ENUM);
            } else if (type.equals("integer")) {
                values.put("2147483648", UNPARSEABLE_QUERY);
                values.put("1.5", UNPARSEABLE_QUERY);
                if (s.has("maximum")) {
                    values.put(String.valueOf(s.get("maximum").asLong() + 1), PAST_MAXIMUM);
                    values.put("2147483647", PAST_MAXIMUM);
                }
            } else if (type.equals("boolean")) {
                values.put("maybe", UNPARSEABLE_QUERY);
            } else if (format.equals("date")) {
                values.put("2026-13-01", UNPARSEABLE_QUERY);
            } else if (format.equals("date-time")) {
                values.put("2026-13-01T00:00:00Z", UNPARSEABLE_QUERY);
            } else if (format.equals("uuid")) {
                values.put("not-a-uuid", UNPARSEABLE_QUERY);
            }
            values.forEach((v, kind) -> out.add(strict(op, kind, p.name() + "=" + visible(v), p.name(),
                    Requests.url(op, f, false, Map.of(p.name(), v)), body)));
        }
        return out;
    }

    private static void leaves(JsonNode doc, Leaf at, int depth, List<Leaf> out) {
        JsonNode s = at.schema();
        if (s == null || depth > 6) {
            return;
        }
        String type = OpenApi.typeOf(s);
        if (type.equals("object")) {
            s.path("properties").fields().forEachRemaining(p ->
                    leaves(doc, at.then(p.getKey(), OpenApi.resolve(doc, p.getValue())), depth + 1, out));
            JsonNode more = OpenApi.resolve(doc, s.get("additionalProperties"));
            if (more != null && more.isObject() && OpenApi.typeOf(more).equals("string")) {
                out.add(at.then("e2eKey", more));
            }
        } else if (type.equals("array") && s.has("items")) {
            leaves(doc, at.then(0, OpenApi.resolve(doc, s.get("items"))), depth + 1, out);
        } else if (!at.steps().isEmpty()) {
            out.add(at);
        }
    }

    /** The base body with the value put at the leaf, the objects and lists on the way made from their schemas. */
    private static String at(OpenApi.Op op, Fixture f, ObjectNode base, Leaf leaf, JsonNode value) {
        ObjectNode body = base.deepCopy();
        JsonNode node = body;
        for (int i = 0; i < leaf.steps().size(); i++) {
            Object step = leaf.steps().get(i);
            JsonNode schema = leaf.schemas().get(i + 1);
            boolean last = i == leaf.steps().size() - 1;
            boolean list = OpenApi.typeOf(schema).equals("array");
            if (step instanceof String name) {
                ObjectNode object = (ObjectNode) node;
                if (last) {
                    object.set(name, value);
                    break;
                }
                JsonNode child = object.get(name);
                if (child == null || (list ? !child.isArray() : !child.isObject())) {
                    child = list ? OpenApi.NODES.arrayNode() : OpenApi.sample(op.doc(), schema, name, f::bodyValue);
                    object.set(name, child);
                }
                node = child;
            } else {
                ArrayNode array = (ArrayNode) node;
                if (last) {
                    array.removeAll().add(value);
                    break;
                }
                if (array.isEmpty() || (list ? !array.get(0).isArray() : !array.get(0).isObject())) {
                    array.removeAll().add(list ? OpenApi.NODES.arrayNode()
                            : OpenApi.sample(op.doc(), schema, "item", f::bodyValue));
                }
                node = array.get(0);
            }
        }
        return body.toString();
    }

    private static Case strict(OpenApi.Op op, String kind, String field, String url, String body) {
        return strict(op, kind, field, field, url, body);
    }

    private static Case strict(OpenApi.Op op, String kind, String detail, String field, String url, String body) {
        return new Case(op, kind, detail, op.method(), url, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8), field);
    }

    /** The value as a reader of the report can see it. */
    private static String visible(String value) {
        StringBuilder out = new StringBuilder();
        value.replace(LONE_SURROGATE, "\\ud800").codePoints().forEach(c -> out.append(
                Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? String.format("\\u%04x", c)
                        : new String(Character.toChars(c))));
        return out.toString();
    }

    private static String abbreviate(String v) {
        return v.length() > 40 ? v.substring(0, 3) + "... (" + v.length() + " chars)" : v;
    }

    private static Case json(OpenApi.Op op, String kind, String detail, String url, String body) {
        return new Case(op, kind, detail, op.method(), url, body == null ? null : "application/json",
                body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static String with(ObjectNode base, String field, JsonNode value) {
        ObjectNode body = base.deepCopy();
        body.set(field, value);
        return body.toString();
    }

    private static JsonNode number(String n) {
        return n.contains("e") ? OpenApi.NODES.numberNode(Double.parseDouble(n))
                : OpenApi.NODES.numberNode(new java.math.BigInteger(n));
    }

    private static JsonNode wrongType(String type, JsonNode schema) {
        if (schema.has("enum")) {
            return OpenApi.NODES.textNode("NOT_ONE_OF_THEM");
        }
        return switch (type) {
            case "string" -> OpenApi.NODES.objectNode().put("a", 1);
            case "integer", "number" -> OpenApi.NODES.textNode("abc");
            case "boolean" -> OpenApi.NODES.textNode("maybe");
            case "array" -> OpenApi.NODES.textNode("not a list");
            default -> OpenApi.NODES.arrayNode().add(1);
        };
    }

    private static List<List<String>> summary(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
        outcomes.forEach(o -> byKind.computeIfAbsent(o.c().kind(), k -> new ArrayList<>()).add(o));
        byKind.put("all", outcomes);
        List<List<String>> rows = new ArrayList<>();
        byKind.forEach((kind, os) -> rows.add(List.of(kind, String.valueOf(os.size()),
                count(os, o -> o.status() >= 200 && o.status() < 300), count(os, o -> o.status() == 400),
                count(os, o -> o.status() == 404), count(os, o -> o.status() == 409),
                count(os, o -> TRANSPORT.contains(o.status())),
                count(os, o -> o.status() >= 400 && o.status() < 500
                        && !Set.of(400, 404, 409).contains(o.status()) && !TRANSPORT.contains(o.status())),
                count(os, o -> o.status() >= 500 || o.status() < 0), count(os, o -> o.failure() != null))));
        return rows;
    }

    private static List<List<String>> byService(List<Outcome> outcomes) {
        Map<String, List<Outcome>> by = new LinkedHashMap<>();
        outcomes.forEach(o -> by.computeIfAbsent(o.c().op().service().db(), k -> new ArrayList<>()).add(o));
        List<List<String>> rows = new ArrayList<>();
        by.forEach((service, os) -> rows.add(List.of(service, String.valueOf(os.size()), count(os, Outcome::refused),
                count(os, o -> !o.refused()), count(os, o -> o.failure() != null))));
        return rows;
    }

    private static String count(List<Outcome> os, java.util.function.Predicate<Outcome> p) {
        return String.valueOf(os.stream().filter(p).count());
    }
}
