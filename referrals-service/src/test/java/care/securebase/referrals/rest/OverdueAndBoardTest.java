package care.securebase.referrals.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.ReferralOverdue;
import care.securebase.events.Topics;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import care.securebase.referrals.Referral;
import care.securebase.referrals.TestClock;
import care.securebase.referrals.service.OverdueCheck;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Overdue flags, expiry and the coordinator's board, with a clock the test moves. */
@QuarkusTest
class OverdueAndBoardTest {

    private static final String TOPIC = "test-" + Topics.REFERRALS;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    TestClock clock;
    @Inject
    OverdueCheck check;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A referral sent by carmen, due in {@code days}. */
    private static String sentDueIn(int days) {
        Map<String, Object> body = Fixtures.referral(Fixtures.addProgram(Fixtures.RIVERSIDE, true));
        body.put("respondBy", LocalDate.now(LONDON).plusDays(days).toString());
        return Fixtures.create("carmen", body);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    private static long outboxRows(String id, String type, String fragment) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) Referral.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where event_key = :id and type = :type"
                        + " and payload like :p", Long.class)
                .setParameter("id", id).setParameter("type", type).setParameter("p", "%" + fragment + "%")
                .getSingleResult());
    }

    private static JsonPath board() {
        return given().auth().oauth2(Tokens.of("carmen")).get("/referrals/board")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void unansweredIsFlaggedOnceThenExpires() throws Exception {
        String id = sentDueIn(1);
        LocalDate respondBy = LocalDate.now(LONDON).plusDays(1);
        String received = sentDueIn(1);
        given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + received).then().statusCode(200);

        clock.fix(startOf(respondBy).plusSeconds(3600));
        check.run();
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id).then().body("overdue", nullValue());
        assertEquals(0, outboxRows(id, "referral-overdue", "UNANSWERED"));

        clock.fix(startOf(respondBy.plusDays(1)).plusSeconds(60));
        check.run();
        check.run();
        for (String r : List.of(id, received)) {
            assertEquals(1, outboxRows(r, "referral-overdue", "UNANSWERED"), r);
            given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + r)
                    .then().body("overdue", equalTo("UNANSWERED"));
        }
        // The partner is not shown the clinic's flag.
        given().auth().oauth2(Tokens.of("sam")).get("/referrals/" + received).then().body("overdue", nullValue());
        JsonPath board = board();
        assertEquals("UNANSWERED", board.getString("columns.find { it.status == 'SENT' }.referrals[0].overdue"));
        assertTrue(board.getInt("overdue") >= 2);

        List<EventEnvelope> events = TestKafka.read(TOPIC, Duration.ofSeconds(20), seen -> seen.stream()
                .anyMatch(e -> e.subject().equals(id) && e.type().equals("referral-overdue")));
        ReferralOverdue overdue = events.stream().filter(e -> e.subject().equals(id)
                        && e.type().equals("referral-overdue")).findFirst().orElseThrow()
                .payload(ReferralOverdue.class, TestKafka.MAPPER);
        assertEquals("UNANSWERED", overdue.kind());
        assertEquals("carmen", overdue.coordinatorId());
        assertEquals("northside", overdue.clinicId());
        assertEquals(Fixtures.RIVERSIDE, overdue.organisationId());

        // A week past the respond-by day, nobody having answered, it expires.
        clock.fix(startOf(respondBy.plusDays(7)).plusSeconds(60));
        check.run();
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + id).then().body("status", equalTo("SENT"));
        clock.fix(startOf(respondBy.plusDays(8)).plusSeconds(60));
        check.run();
        check.run();
        for (String r : List.of(id, received)) {
            given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + r)
                    .then().body("status", equalTo("EXPIRED"))
                    .body("overdue", nullValue())
                    .body("history[-1].by", equalTo("system"))
                    .body("history[-1].code", equalTo("NO_RESPONSE"));
            assertEquals(1, outboxRows(r, "referral-status-changed", "EXPIRED"), r);
        }
        assertEquals(1, outboxRows(id, "referral-overdue", "UNANSWERED"));
        given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + id + "/accept").then().statusCode(409);
    }

    @Test
    void acceptedButNotStartedIsFlaggedOnce() {
        String idle = sentDueIn(10);
        String scheduled = sentDueIn(10);
        Instant accepted = Instant.now();
        for (String id : List.of(idle, scheduled)) {
            given().auth().oauth2(Tokens.of("sam")).post("/referrals/" + id + "/accept").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().plusDays(30).toString()))
                .post("/referrals/" + scheduled + "/schedule").then().statusCode(200);

        clock.fix(accepted.plus(Duration.ofDays(13)));
        check.run();
        assertEquals(0, outboxRows(idle, "referral-overdue", "NOT_STARTED"));

        clock.fix(accepted.plus(Duration.ofDays(15)));
        check.run();
        check.run();
        assertEquals(1, outboxRows(idle, "referral-overdue", "NOT_STARTED"));
        assertEquals(0, outboxRows(scheduled, "referral-overdue", "NOT_STARTED"));
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + idle).then().body("overdue", equalTo("NOT_STARTED"));
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/" + scheduled).then().body("overdue", nullValue());
        JsonPath board = board();
        assertEquals(idle, board.getString("columns.find { it.status == 'ACCEPTED' }.referrals[0].id"));
    }

    @Test
    void theBoardGroupsTheClinicsOpenReferralsOverdueFirst() {
        String late = sentDueIn(1);
        String onTime = sentDueIn(2);
        Map<String, Object> draftBody = Fixtures.referral(Fixtures.addProgram(Fixtures.RIVERSIDE, true));
        draftBody.put("send", false);
        String draft = Fixtures.create("clara", draftBody);
        String declined = sentDueIn(5);
        given().auth().oauth2(Tokens.of("sam")).contentType(ContentType.JSON).body(Map.of("reason", "OUT_OF_AREA"))
                .post("/referrals/" + declined + "/decline").then().statusCode(200);

        clock.fix(startOf(LocalDate.now(LONDON).plusDays(2)).plusSeconds(60));
        given().auth().oauth2(Tokens.of("carmen")).get("/referrals/board").then().statusCode(200)
                .body("columns.status", equalTo(List.of("DRAFT", "SENT", "RECEIVED", "ACCEPTED", "SCHEDULED",
                        "IN_PROGRESS")))
                .body("columns.find { it.status == 'DRAFT' }.referrals.id", hasItem(draft))
                .body("columns.find { it.status == 'SENT' }.referrals.id", hasItem(late))
                .body("columns.referrals.flatten().id", not(hasItem(declined)));
        List<String> sent = board().getList("columns.find { it.status == 'SENT' }.referrals.id");
        assertTrue(sent.indexOf(late) < sent.indexOf(onTime), "overdue first");
        assertEquals("UNANSWERED", board().getString(
                "columns.find { it.status == 'SENT' }.referrals.find { it.id == '" + late + "' }.overdue"));

        // Only the caller's own, on request; another clinic sees none of these; partners have no board.
        given().auth().oauth2(Tokens.of("carmen")).queryParam("mine", true).get("/referrals/board")
                .then().body("columns.find { it.status == 'DRAFT' }.referrals.id", not(hasItem(draft)));
        given().auth().oauth2(Tokens.of("carl")).get("/referrals/board")
                .then().statusCode(200).body("columns.find { it.status == 'SENT' }.referrals.id", not(hasItem(late)));
        given().auth().oauth2(Tokens.of("sam")).get("/referrals/board").then().statusCode(403);
        given().auth().oauth2(Tokens.of("carmen")).queryParam("mine", "perhaps").get("/referrals/board")
                .then().statusCode(400).body("errors[0].field", equalTo("mine"));
    }
}
