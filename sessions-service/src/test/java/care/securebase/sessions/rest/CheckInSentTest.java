package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.events.CheckInSent;
import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import care.securebase.sessions.TestClock;
import care.securebase.sessions.service.CheckInScheduler;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** notifications' check-in-sent (published here with a plain Kafka client) as the episode's check-ins show it. */
@QuarkusTest
class CheckInSentTest {

    static final String NOTIFICATIONS = "test-notifications-events";
    static final List<Integer> SAME = List.of(1, 1, 1, 1, 1, 1, 1, 1, 0, 1);

    @Inject
    TestClock clock;
    @Inject
    CheckInScheduler scheduler;

    @BeforeEach
    void standing() {
        Practitioners.demoStanding();
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    record Due(String episode, UUID client, UUID checkIn, String link, Instant expiresAt) {
    }

    static Due firstCheckIn() {
        String episode = Episodes.open("northside");
        Episodes.move(Episodes.clinicianOf("northside"), episode, "ACTIVE_TREATMENT", null).statusCode(200);
        String client = CheckIns.clientOf("clara", episode);
        CheckIns.put("clara", episode, CheckIns.weekly("PHQ9")).statusCode(200);
        EventEnvelope due = CheckIns.due(client, 1);
        return new Due(episode, UUID.fromString(client), UUID.fromString(due.data().path("checkInId").asText()),
                due.data().path("link").asText(), Instant.parse(due.data().path("expiresAt").asText()));
    }

    static ValidatableResponse checkIns(String episode) {
        return given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-ins").then()
                .statusCode(200).header("X-Total-Count", "1");
    }

    static Instant sentAtOf(String episode) {
        return Instant.parse(checkIns(episode).extract().path("[0].sentAt"));
    }

    /** Events of one client are read in order: once this one is handled, every earlier one is. */
    static void awaitHandled(EventEnvelope envelope) {
        await().atMost(Episodes.WAIT).pollInterval(Duration.ofMillis(250)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                        .createNativeQuery("select count(*) from processed_event where event_id = :id")
                        .setParameter("id", envelope.id()).getSingleResult()).longValue() == 1));
    }

    @Test
    void aSentCheckInShowsWhenItWentOnceHoweverOftenAnnounced() {
        Due due = firstCheckIn();
        checkIns(due.episode()).body("[0].status", equalTo("DUE")).body("[0].sentAt", nullValue());

        // Not this client's check-in, or no check-in of ours: nothing changes.
        EventEnvelope stray = TestKafka.publish(NOTIFICATIONS, new CheckInSent(due.checkIn(), UUID.randomUUID(),
                "northside", Instant.now(), "EMAIL"));
        EventEnvelope unknown = TestKafka.publish(NOTIFICATIONS, new CheckInSent(UUID.randomUUID(), due.client(),
                "northside", Instant.now(), "EMAIL"));
        awaitHandled(stray);
        awaitHandled(unknown);
        checkIns(due.episode()).body("[0].status", equalTo("DUE")).body("[0].sentAt", nullValue());

        // Redelivered, then announced again under a new id: the first announcement stands.
        Instant sentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope sent = TestKafka.publish(NOTIFICATIONS, new CheckInSent(due.checkIn(), due.client(), "northside",
                sentAt, "SMS"));
        TestKafka.publish(NOTIFICATIONS, sent);
        EventEnvelope again = TestKafka.publish(NOTIFICATIONS, new CheckInSent(due.checkIn(), due.client(), "northside",
                sentAt.plus(Duration.ofMinutes(5)), "EMAIL"));
        awaitHandled(again);
        checkIns(due.episode()).body("[0].status", equalTo("SENT")).body("[0].answeredAt", nullValue());
        assertEquals(sentAt, sentAtOf(due.episode()));

        // Still the client's to answer; answered, it keeps when it was sent.
        given().get("/links/check-ins/" + due.link()).then().statusCode(200);
        CheckIns.submit(due.link(), CheckIns.answers("PHQ-9", SAME, null)).statusCode(200);
        checkIns(due.episode()).body("[0].status", equalTo("ANSWERED"));
        assertEquals(sentAt, sentAtOf(due.episode()));
    }

    @Test
    void anAnswerBeforeTheAnnouncementStaysAnswered() {
        Due due = firstCheckIn();
        CheckIns.submit(due.link(), CheckIns.answers("PHQ-9", SAME, null)).statusCode(200);
        String answeredAt = checkIns(due.episode()).body("[0].status", equalTo("ANSWERED")).extract()
                .path("[0].answeredAt");

        Instant sentAt = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope sent = TestKafka.publish(NOTIFICATIONS, new CheckInSent(due.checkIn(), due.client(), "northside",
                sentAt, "EMAIL"));
        TestKafka.publish(NOTIFICATIONS, sent);
        awaitHandled(sent);
        checkIns(due.episode()).body("[0].status", equalTo("ANSWERED")).body("[0].answeredAt", equalTo(answeredAt));
        assertEquals(sentAt, sentAtOf(due.episode()));
    }

    @Test
    void anExpiredCheckInAnnouncedLateStaysExpiredAndShowsItWasSent() {
        Due due = firstCheckIn();
        clock.fix(due.expiresAt());
        scheduler.run();
        checkIns(due.episode()).body("[0].status", equalTo("EXPIRED"));

        Instant sentAt = due.expiresAt().minus(Duration.ofHours(70)).truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope sent = TestKafka.publish(NOTIFICATIONS, new CheckInSent(due.checkIn(), due.client(), "northside",
                sentAt, "EMAIL"));
        awaitHandled(sent);
        checkIns(due.episode()).body("[0].status", equalTo("EXPIRED"));
        assertEquals(sentAt, sentAtOf(due.episode()));
    }
}
