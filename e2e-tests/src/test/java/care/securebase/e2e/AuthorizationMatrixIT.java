package care.securebase.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation in the services' OpenAPI documents, called by every kind of caller: no token, an
 * expired token, ID tokens (another audience), a tampered and an unsigned token, each realm role (people
 * and machine clients), and staff of another clinic or organisation. What each may do follows from the operation's roles in the
 * document (Quarkus writes {@code @RolesAllowed} into the security requirement): 401 without a valid
 * token for the services, 403 for a role the operation does not allow, 404 for an object of a clinic or
 * organisation that is not the caller's, and never a word of the fixture's client to an outsider. Each
 * refusal is problem+json, and a 401 says no more than "invalid token".
 */
@ExtendWith(Stack.class)
class AuthorizationMatrixIT {

    /** The generated PUTs may have changed the clinic's settings: later tests expect the standard ones. */
    @org.junit.jupiter.api.AfterAll
    static void standardSettings() {
        StandardSettings.restore();
    }

    /** What an answer must be; {@code allowed} = let in: anything but 401, 403 and 5xx. */
    record Expect(Set<Integer> statuses, boolean allowed) {
        static final Expect ALLOWED = new Expect(Set.of(), true);

        boolean matches(int status) {
            return statuses.contains(status)
                    || allowed && status >= 200 && status < 500 && status != 401 && status != 403;
        }

        @Override
        public String toString() {
            return allowed ? "let in" + (statuses.isEmpty() ? "" : " or " + statuses) : statuses.toString();
        }
    }

    /** @param shape why the refusal is not the problem+json it must be, or null */
    record Result(OpenApi.Op op, String caller, String variant, Expect expected, int status, boolean leak, String shape,
                  String detail) {
        boolean ok() {
            return expected.matches(status) && !leak && shape == null;
        }
    }

    /** All a 401 may say: that a token is needed, or that the one given is not valid; never why. */
    static final Set<String> DETAILS_401 = Set.of("A valid bearer token is required", "invalid token");
    static final Set<String> PROBLEM_FIELDS = Set.of("type", "title", "status", "detail", "instance");

    /**
     * Why a 401, 403 or 404 is not shaped as it must be, or null: problem+json with its status in the body,
     * and a 401 with {@code WWW-Authenticate: Bearer} (RFC 6750) that says nothing of why a token failed.
     */
    static String shapeFault(Http.Resp resp) {
        if (resp.status() != 401 && resp.status() != 403 && resp.status() != 404) {
            return null;
        }
        if (!resp.isProblem()) {
            return "not problem+json (" + resp.contentType() + ")";
        }
        JsonNode body;
        try {
            body = OpenApi.JSON.readTree(resp.body());
        } catch (java.io.IOException e) {
            return "a problem+json body that is not JSON";
        }
        if (body.path("status").asInt() != resp.status()) {
            return "status " + body.path("status") + " in the body";
        }
        if (resp.status() == 401) {
            String challenge = resp.wwwAuthenticate();
            if (challenge == null || !challenge.startsWith("Bearer") || challenge.contains("error_description")) {
                return "WWW-Authenticate: " + challenge;
            }
            List<String> fields = new ArrayList<>();
            body.fieldNames().forEachRemaining(fields::add);
            if (!PROBLEM_FIELDS.containsAll(fields) || !DETAILS_401.contains(body.path("detail").asText())) {
                return "a 401 that says more than \"invalid token\"";
            }
        }
        return null;
    }

    @Test
    void everyOperationAnswersEveryCallerAsItsRolesSay() {
        Fixture f = Fixture.get();
        List<OpenApi.Op> ops = OpenApi.operations();
        long started = System.nanoTime();
        List<Result> results = new ArrayList<>();

        // Refusals first, then who is let in: their writes must not change what the refusals met.
        for (OpenApi.Op op : ops) {
            for (Callers.Caller caller : Callers.ALL) {
                Expect expect = expected(op, caller);
                if (!expect.allowed()) {
                    results.add(call(op, caller, f, false, expect, Requests.body(op, f)));
                }
            }
            randomIdCaller(op).ifPresent(caller ->
                    results.add(call(op, caller, f, true, new Expect(Set.of(404), false), Requests.body(op, f))));
        }
        for (OpenApi.Op op : ops) {
            for (Callers.Caller caller : Callers.ALL) {
                Expect expect = expected(op, caller);
                if (expect.allowed()) {
                    results.add(call(op, caller, f, false, expect, currentState(op, caller, f)));
                }
            }
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        List<Result> mismatches = results.stream().filter(r -> !r.ok()).toList();
        Report report = new Report().title("Authorization matrix")
                .line(ops.size() + " operations (from /q/openapi of intake, sessions, referrals, notifications) x "
                        + Callers.ALL.size() + " callers, plus random ids: " + results.size() + " requests in "
                        + seconds + " s; " + mismatches.size() + " mismatches.")
                .line("")
                .line("Every 401, 403 and 404 must be problem+json with its status, and a 401 say no more than "
                        + "\"invalid token\" (WWW-Authenticate: Bearer).")
                .line("")
                .line("Callers: none = no token; expired = ada's token after expiry; other-aud = ada's ID token "
                        + "(aud securebase-tests); portal-id = ada's ID token of the portal's code flow (aud staff-portal); "
                        + "tampered = sam's token claiming clinic-admin, signature kept; alg-none = ada's claims unsigned; "
                        + "hana = harbour's clinic-admin (sees the network); "
                        + "colin/ivan/carl = harbour staff; sofia = oak-community. Fixture: clinic northside, org riverside-family.")
                .line("");
        report.table(summaryHeader(), summaryRows(results));
        report.title("Status per operation and caller (* = mismatch, ! = fixture text leaked, # = refusal not shaped "
                        + "as problem+json must be; rnd = random ids)")
                .table(gridHeader(), gridRows(ops, results));
        if (!mismatches.isEmpty()) {
            report.title("Mismatches").table(List.of("operation", "caller", "expected", "got", "leak", "shape", "answer"),
                    mismatches.stream().map(r -> List.of(r.op().label(), r.caller() + r.variant(),
                            r.expected().toString(), String.valueOf(r.status()), r.leak() ? "LEAK" : "",
                            r.shape() == null ? "" : r.shape(), r.detail().replace("|", "/"))).toList());
        }
        String text = report.publish("authorization-matrix");
        assertTrue(results.size() > ops.size() * 10, "the matrix ran");
        if (!mismatches.isEmpty()) {
            fail(mismatches.size() + " mismatches in the authorization matrix:\n" + text);
        }
    }

    /** Notes are edited and signed by their author only (clara wrote the fixture's): sessions-service's rule, not a role. */
    private static final java.util.Set<String> AUTHOR_ONLY = java.util.Set.of("PUT /notes/{id}", "POST /notes/{id}/sign");

    static Expect expected(OpenApi.Op op, Callers.Caller caller) {
        if (op.isPublic()) {
            // Open to all, but a token that is presented must be valid (Quarkus authenticates it anyway).
            return caller.kind() == Callers.Kind.UNAUTHENTICATED && !caller.name().equals("none")
                    ? new Expect(Set.of(401), true) : Expect.ALLOWED;
        }
        if (caller.kind() == Callers.Kind.UNAUTHENTICATED) {
            return new Expect(Set.of(401), false);
        }
        if (Collections.disjoint(op.roles(), caller.roles())) {
            return new Expect(Set.of(403), false);
        }
        if (!Fixture.sees(caller, Fixture.ownerOf(op))) {
            return new Expect(Set.of(404), false);
        }
        if (AUTHOR_ONLY.contains(op.method() + " " + op.path()) && !caller.name().equals("clara")) {
            return new Expect(Set.of(403), false);
        }
        return Expect.ALLOWED;
    }

    /** Who asks for random ids: someone who would be let in to the fixture's object. */
    private static java.util.Optional<Callers.Caller> randomIdCaller(OpenApi.Op op) {
        if (Fixture.ownerOf(op) == Fixture.Owner.NONE
                || op.pathParams().stream().noneMatch(p -> Requests.isUuid(op, p))) {
            return java.util.Optional.empty();
        }
        return Callers.ALL.stream().filter(c -> expected(op, c).allowed() && c.kind() == Callers.Kind.IDENTIFIED)
                .findFirst();
    }

    /**
     * For a PUT that someone let in makes, what the same path holds now (GET), so that the run's other
     * tests find settings, organisations and plans as they left them; the generated sample otherwise.
     */
    private static String currentState(OpenApi.Op op, Callers.Caller caller, Fixture f) {
        if (op.method().equals("PUT")) {
            Http.Resp current = Http.json("GET", Requests.url(op, f, false), caller.token(), null);
            if (current.status() == 200 && current.body().trim().startsWith("{")) {
                return current.body();
            }
        }
        return Requests.body(op, f);
    }

    private static Result call(OpenApi.Op op, Callers.Caller caller, Fixture f, boolean randomIds, Expect expect,
                               String body) {
        String url = Requests.url(op, f, randomIds);
        Http.Resp resp = Http.json(op.method(), url, caller.token(), body);
        boolean leak = caller.outsider() && Fixture.leaks(resp.body());
        // What the service said, for a mismatch (never the body of a leak: that is the fixture's text).
        String detail = leak || resp.body() == null ? "" : resp.body().replaceAll("\\s+", " ");
        return new Result(op, caller.name(), randomIds ? " (rnd)" : "", expect, resp.status(), leak, shapeFault(resp),
                detail.substring(0, Math.min(160, detail.length())));
    }

    private static List<String> summaryHeader() {
        List<String> header = new ArrayList<>(List.of("service"));
        Callers.ALL.forEach(c -> header.add(c.name()));
        header.add("rnd");
        return header;
    }

    /** Per service and caller: answers as expected / mismatches. */
    private static List<List<String>> summaryRows(List<Result> results) {
        Map<String, List<Result>> byService = new LinkedHashMap<>();
        results.forEach(r -> byService.computeIfAbsent(r.op().service().db(), k -> new ArrayList<>()).add(r));
        byService.put("all", results);
        List<List<String>> rows = new ArrayList<>();
        byService.forEach((service, rs) -> {
            List<String> row = new ArrayList<>(List.of(service));
            for (Callers.Caller c : Callers.ALL) {
                row.add(cell(rs.stream().filter(r -> r.caller().equals(c.name()) && r.variant().isEmpty()).toList()));
            }
            row.add(cell(rs.stream().filter(r -> !r.variant().isEmpty()).toList()));
            rows.add(row);
        });
        return rows;
    }

    private static String cell(List<Result> rs) {
        long bad = rs.stream().filter(r -> !r.ok()).count();
        return (rs.size() - bad) + "/" + bad;
    }

    private static List<String> gridHeader() {
        List<String> header = new ArrayList<>(List.of("operation", "roles"));
        Callers.ALL.forEach(c -> header.add(c.name()));
        header.add("rnd");
        return header;
    }

    private static List<List<String>> gridRows(List<OpenApi.Op> ops, List<Result> results) {
        List<List<String>> rows = new ArrayList<>();
        for (OpenApi.Op op : ops) {
            List<String> row = new ArrayList<>(List.of(op.label(), op.isPublic() ? "(public)" : String.join(",", op.roles())));
            for (Callers.Caller c : Callers.ALL) {
                row.add(results.stream().filter(r -> r.op() == op && r.caller().equals(c.name()) && r.variant().isEmpty())
                        .map(AuthorizationMatrixIT::status).findFirst().orElse(""));
            }
            row.add(results.stream().filter(r -> r.op() == op && !r.variant().isEmpty())
                    .map(AuthorizationMatrixIT::status).findFirst().orElse(""));
            rows.add(row);
        }
        return rows;
    }

    private static String status(Result r) {
        return r.status() + (r.expected().matches(r.status()) ? "" : "*") + (r.leak() ? "!" : "")
                + (r.shape() == null ? "" : "#");
    }
}
