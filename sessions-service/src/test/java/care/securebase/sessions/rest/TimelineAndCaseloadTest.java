package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.IntakeCompleted;
import care.securebase.events.ReferralOverdue;
import care.securebase.events.ReferralSent;
import care.securebase.events.ReferralStatusChanged;
import care.securebase.events.ReminderSent;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TimelineAndCaseloadTest {

    @Test
    void theTimelineAndCaseloadGatherEverythingAboutTheClient() {
        Practitioners.demoStanding();
        UUID client = UUID.randomUUID();
        IntakeCompleted intake = new IntakeCompleted(UUID.randomUUID(), client, "northside", "tara", "SOON", "LOW",
                "INDIVIDUAL", List.of(new IntakeCompleted.ScoreSummary("PHQ-9", "total", 14, "moderate")));
        Episodes.publish(intake);
        String episode = Episodes.awaitEpisodes(client, "northside", 1);

        String future = Sessions.schedule("tara", episode, Sessions.session(Instant.now().plus(Duration.ofDays(2))))
                .statusCode(201).extract().path("id");
        String late = Sessions.attended("tara", episode, Duration.ofDays(5));
        Sessions.writeNote("tara", late, Sessions.dap("TL-secret")).statusCode(201);
        String signed = Sessions.signedNote("tara", episode, "TL-secret");
        OutcomeResourceTest.give("tara", episode, "PHQ-9", List.of(1, 1, 1, 1, 0, 0, 0, 0, 0)).statusCode(201);

        UUID referral = UUID.randomUUID();
        TestKafka.publish("test-referrals-events", new ReferralSent(referral, client, "northside", "riverside-family",
                "SOON", LocalDate.now().plusDays(10), "carmen", "referrals@example.org"));
        // A referral-sent of version 2, with the program, as records still on the topic are: read, the program not kept.
        UUID earlier = UUID.randomUUID();
        ObjectNode version2 = TestKafka.MAPPER.valueToTree(new ReferralSent(earlier, client, "northside", "oak",
                "ROUTINE", null, "carmen", null));
        version2.put("programId", UUID.randomUUID().toString()).put("programName", "Couples in conflict support")
                .put("programKind", "SUPPORT_GROUP");
        TestKafka.publish("test-referrals-events", new EventEnvelope(UUID.randomUUID(), "referral-sent",
                "referrals-service", Instant.now(), earlier.toString(), 2, version2));
        TestKafka.publish("test-referrals-events", new ReferralStatusChanged(referral, client, "northside",
                "riverside-family", "ACCEPTED", null, null));
        EventEnvelope overdue = TestKafka.publish("test-referrals-events", new ReferralOverdue(referral, client,
                "northside", "riverside-family", "carmen", "NOT_STARTED"));
        TestKafka.publish("test-referrals-events", overdue);
        // Not ours: a referral of an unknown client, and a status change of an unknown referral.
        UUID stray = UUID.randomUUID();
        TestKafka.publish("test-referrals-events", new ReferralSent(stray, UUID.randomUUID(), "northside", "oak",
                "ROUTINE", null, "carmen", null));
        TestKafka.publish("test-referrals-events", new ReferralStatusChanged(UUID.randomUUID(), client, "northside",
                "oak", "DECLINED", "NO_CAPACITY", null));
        UUID reminder = UUID.randomUUID();
        TestKafka.publish("test-notifications-events", new ReminderSent(reminder, UUID.randomUUID(),
                UUID.fromString(episode), client, "northside", "EMAIL", Instant.now()));

        await().atMost(Episodes.WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("tara")).get("/episodes/" + episode + "/timeline").then()
                        .statusCode(200)
                        .body("type", hasItems("REFERRAL_SENT", "REFERRAL_STATUS_CHANGED", "REFERRAL_OVERDUE",
                                "REMINDER_SENT"))
                        .body("refId", hasItem(earlier.toString())));
        var timeline = given().auth().oauth2(Tokens.of("ada")).get("/episodes/" + episode + "/timeline").then()
                .statusCode(200)
                .body("type", hasItems("INTAKE", "PHASE_CHANGE", "SESSION", "NOTE_SIGNED", "OUTCOME", "FLAG_RAISED"))
                .body("find { it.type == 'INTAKE' }.details.scores[0].value", equalTo(14))
                .body("find { it.type == 'NOTE_SIGNED' }.refId", equalTo(signed))
                .body("find { it.type == 'NOTE_SIGNED' }.by", equalTo("tara"))
                .body("findAll { it.type == 'REFERRAL_SENT' }.refId", hasItems(referral.toString(), earlier.toString()))
                .body("find { it.refId == '" + referral + "' && it.type == 'REFERRAL_SENT' }.details.urgency",
                        equalTo("SOON"))
                .body("find { it.refId == '" + earlier + "' }.details.organisationId", equalTo("oak"))
                .body("find { it.type == 'REFERRAL_STATUS_CHANGED' }.details.status", equalTo("ACCEPTED"))
                .body("find { it.type == 'FLAG_RAISED' }.details.kind", equalTo("OVERDUE_REFERRAL"))
                .extract();
        List<String> at = timeline.path("at");
        assertEquals(at.stream().map(Instant::parse).sorted().toList(), at.stream().map(Instant::parse).toList());
        assertEquals(1L, timeline.jsonPath().getList("type").stream().filter("REFERRAL_OVERDUE"::equals).count());
        assertFalse(timeline.asString().contains("TL-secret"));
        assertFalse(timeline.asString().contains("Couples in conflict") || timeline.asString().contains("programName"));
        assertEquals(0, Rows.count("referral_event where referral_id = '" + stray + "'"));
        assertEquals(1, Rows.count("flag where kind = 'OVERDUE_REFERRAL' and source_ref = '" + referral + "'"));
        given().auth().oauth2(Tokens.of("colin")).get("/episodes/" + episode + "/timeline").then().statusCode(404);
        given().auth().oauth2(Tokens.of("sam")).get("/episodes/" + episode + "/timeline").then().statusCode(403);
        given().get("/episodes/" + episode + "/timeline").then().statusCode(401);

        // Tara's caseload: her client, the session to come, the overdue draft, the open flag.
        var row = "find { it.episodeId == '" + episode + "' }";
        given().auth().oauth2(Tokens.of("tara")).get("/caseload").then().statusCode(200)
                .body(row + ".clientId", equalTo(client.toString()))
                .body(row + ".phase", equalTo("ASSESSMENT"))
                .body(row + ".nextSession", notNullValue())
                .body(row + ".overdueNotes", equalTo(1))
                .body(row + ".openFlags.OVERDUE_REFERRAL", equalTo(1))
                .body("clinicianId", org.hamcrest.Matchers.everyItem(equalTo("tara")));
        given().auth().oauth2(Tokens.of("tara")).queryParam("clinicianId", "clara").get("/caseload").then()
                .statusCode(403);
        // Her supervisor and the clinic-admin see the clinic's; another clinic sees none of it.
        given().auth().oauth2(Tokens.of("clara")).queryParam("clinicianId", "tara").get("/caseload").then()
                .statusCode(200).body("episodeId", hasItem(episode));
        given().auth().oauth2(Tokens.of("ada")).get("/caseload").then().statusCode(200).body("episodeId", hasItem(episode));
        given().auth().oauth2(Tokens.of("hana")).get("/caseload").then().statusCode(200)
                .body("episodeId", not(hasItem(episode)));
        given().auth().oauth2(Tokens.of("colin")).get("/caseload").then().statusCode(200)
                .body("episodeId", not(hasItem(episode)));
        given().auth().oauth2(Tokens.of("ingrid")).get("/caseload").then().statusCode(403);
        assertTrue(future != null);
    }

    @Test
    void aClinicsCaseloadComesOnePageAtATimeThoseNeedingAttentionFirst() {
        String clinician = "clin-paged-" + UUID.randomUUID();
        List<UUID> clients = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            IntakeCompleted intake = new IntakeCompleted(UUID.randomUUID(), UUID.randomUUID(), "northside", clinician,
                    "SOON", "LOW", "INDIVIDUAL", List.of());
            Episodes.publish(intake);
            Episodes.awaitEpisodes(intake.clientId(), "northside", 1);
            clients.add(intake.clientId());
        }
        // The newest episode gets a risk flag: it comes first on the first page, before older ones.
        UUID flagged = clients.get(3);
        TestKafka.publish("test-intake-events", new care.securebase.events.RiskFlagRaised(flagged, "northside",
                UUID.randomUUID(), "HIGH", "CSSRS_SCREEN", null, "clara"));
        await().atMost(Episodes.WAIT).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                caseloadPage(clinician, 0, 2).statusCode(200).body("[0].clientId", equalTo(flagged.toString())));

        List<String> seen = new java.util.ArrayList<>();
        for (int page = 0; page < 3; page++) {
            var found = caseloadPage(clinician, page, 2).statusCode(200).header("X-Total-Count", "4").extract();
            List<String> ids = found.jsonPath().getList("clientId");
            assertEquals(page < 2 ? 2 : 0, ids.size());
            seen.addAll(ids);
        }
        assertEquals(clients.stream().map(UUID::toString).sorted().toList(), seen.stream().sorted().toList());
        // The three without flags keep the order they were opened in.
        assertEquals(clients.subList(0, 3).stream().map(UUID::toString).toList(), seen.subList(1, 4));

        caseloadPage(clinician, 0, 0).statusCode(400).body("errors[0].field", equalTo("size"));
        caseloadPage(clinician, 0, 201).statusCode(400).body("errors[0].field", equalTo("size"));
        caseloadPage(clinician, -1, 10).statusCode(400).body("errors[0].field", equalTo("page"));
        given().auth().oauth2(Tokens.of("ada")).queryParam("clinicianId", clinician).get("/caseload").then()
                .statusCode(200).header("X-Total-Count", "4");
        // A clinician's own caseload is paged the same way.
        given().auth().oauth2(Tokens.of("tara")).queryParam("size", 1).get("/caseload").then().statusCode(200)
                .body("clinicianId", org.hamcrest.Matchers.everyItem(equalTo("tara")));
    }

    private static io.restassured.response.ValidatableResponse caseloadPage(String clinician, int page, int size) {
        return given().auth().oauth2(Tokens.of("clara")).queryParam("clinicianId", clinician)
                .queryParam("page", page).queryParam("size", size).get("/caseload").then();
    }
}
