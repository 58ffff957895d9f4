package care.securebase.e2e;

import static care.securebase.e2e.Browser.open;
import static care.securebase.e2e.Browser.press;
import static care.securebase.e2e.Browser.signIn;
import static care.securebase.e2e.Browser.text;
import static care.securebase.e2e.Browser.type;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.kit.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One trace follows the clinic's work across the packaged applications and Kafka, as exported to the
 * run's {@link SpanReceiver}: a client registered in the portal (portal, intake, and notifications
 * storing the contact from intake's event), an intake (intake, and sessions opening the episode from
 * the event), and a maintenance plan (sessions, and notifications mailing the booster reminder).
 */
@ExtendWith({Stack.class, Browser.class})
class TracesIT {

    // Names hold letters only (the input rules), so the run's mark is letters too.
    private static final String RUN = Fixture.letters(8);
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void aRegistrationInThePortalIsOneTraceToTheStoredContact() {
        signIn("ingrid");
        open("/clients/new");
        type("legalName", "Trace Portal " + RUN);
        type("preferredName", "Trace");
        Browser.driver().executeScript("document.getElementById('dateOfBirth').value = '1986-06-16'");
        type("email", "trace-" + RUN + "@example.org");
        press("Register client");
        assertTrue(text().contains("The client is registered."), text());

        List<JsonNode> trace = await().atMost(WITHIN).until(() -> traceWhere(spans ->
                has(spans, "staff-portal", "SERVER") && has(spans, "intake-service", "SERVER")
                        && has(spans, "intake-service", "PRODUCER") && has(spans, "notifications-service", "CONSUMER")),
                Optional::isPresent).get();
        report("portal registration", trace);
    }

    @Test
    void anIntakeAndAMaintenancePlanAreOneTraceEachAcrossKafka() {
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Clara Moreau", "caseloadLimit", 25, "onCall", true, "active", true))
                .put(Stack.INTAKE.url() + "/clinicians/clara").then().statusCode(200);
        String client = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Trace Api " + RUN, "preferredName", "Tracey", "dateOfBirth", "1984-04-14",
                        "email", "trace-api-" + RUN + "@example.org", "preferredChannel", "EMAIL", "language", "en",
                        "timeZone", ClinicPathIT.afternoonZone(),
                        "consents", List.of(Map.of("scope", "CONTACT_EMAIL", "granted", true, "formVersion", "e2e"))))
                .post(Stack.INTAKE.url() + "/clients").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("modality", "INDIVIDUAL", "clinicianId", "clara", "presentingConcerns", "sleeping badly",
                        "phq9", List.of(1, 1, 1, 0, 0, 1, 0, 0, 0)))
                .post(Stack.INTAKE.url() + "/clients/" + client + "/intakes").then().statusCode(201);
        String episode = await().atMost(WITHIN).pollInterval(Duration.ofMillis(300)).until(() ->
                given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", client).get(Stack.SESSIONS.url() + "/episodes")
                        .then().statusCode(200).extract().<String>path("[0].id"), id -> id != null);

        List<JsonNode> intake = await().atMost(WITHIN).until(() -> traceWhere(spans ->
                spans.stream().anyMatch(s -> "intake-service".equals(SpanReceiver.service(s)) && "SERVER".equals(s.path("kind").asText())
                        && String.valueOf(SpanReceiver.tag(s, "url.path")).equals("/clients/" + client + "/intakes"))
                        && consumerUnderProducer(spans, "intake-service", "sessions-service")),
                Optional::isPresent).get();
        report("intake", intake);

        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body(Map.of("phase", "ACTIVE_TREATMENT"))
                .post(Stack.SESSIONS.url() + "/episodes/" + episode + "/phase").then().statusCode(200)
                .body("phase", equalTo("ACTIVE_TREATMENT"));
        Instant booster = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON)
                .body(Map.of("relapseWarningSigns", List.of("sleeping less"), "copingTools", List.of("walks"),
                        "supports", List.of("friend"), "boosters", List.of(booster.toString())))
                .post(Stack.SESSIONS.url() + "/episodes/" + episode + "/maintenance").then().statusCode(201);

        List<JsonNode> maintenance = await().atMost(WITHIN).until(() -> traceWhere(spans ->
                spans.stream().anyMatch(s -> "sessions-service".equals(SpanReceiver.service(s)) && "SERVER".equals(s.path("kind").asText())
                        && String.valueOf(SpanReceiver.tag(s, "url.path")).equals("/episodes/" + episode + "/maintenance"))
                        && consumerUnderProducer(spans, "sessions-service", "notifications-service")
                        && spans.stream().anyMatch(s -> "notifications-service".equals(SpanReceiver.service(s))
                        && "smtp send".equals(s.path("name").asText()))),
                Optional::isPresent).get();
        report("maintenance to reminder", maintenance);
    }

    /** A trace in which a consumer span of {@code consumer} hangs directly under a producer span of {@code producer}. */
    private static boolean consumerUnderProducer(List<JsonNode> spans, String producer, String consumer) {
        Set<String> producers = spans.stream().filter(s -> producer.equals(SpanReceiver.service(s))
                && "PRODUCER".equals(s.path("kind").asText())).map(s -> s.path("id").asText()).collect(Collectors.toSet());
        return spans.stream().anyMatch(s -> consumer.equals(SpanReceiver.service(s)) && "CONSUMER".equals(s.path("kind").asText())
                && producers.contains(s.path("parentId").asText()));
    }

    private static boolean has(List<JsonNode> spans, String service, String kind) {
        return spans.stream().anyMatch(s -> service.equals(SpanReceiver.service(s)) && kind.equals(s.path("kind").asText()));
    }

    private static Optional<List<JsonNode>> traceWhere(java.util.function.Predicate<List<JsonNode>> wanted) {
        return SpanReceiver.get().traces().values().stream().filter(wanted).findFirst();
    }

    private static void report(String what, List<JsonNode> trace) {
        System.out.println("Trace of the " + what + " (" + trace.get(0).path("traceId").asText() + "): " + trace.stream()
                .sorted(java.util.Comparator.comparingLong(s -> s.path("timestamp").asLong()))
                .map(s -> SpanReceiver.service(s) + " " + s.path("kind").asText("INTERNAL") + " '" + s.path("name").asText() + "'")
                .distinct().collect(Collectors.joining(", ")));
    }
}
