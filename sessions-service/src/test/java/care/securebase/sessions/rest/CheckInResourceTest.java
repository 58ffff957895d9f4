package care.securebase.sessions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.kit.testing.Tokens;
import care.securebase.sessions.TestClock;
import care.securebase.sessions.service.CheckInScheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckInResourceTest {

    static final String DIARY = "CHECKIN-DIARY-5e1b told Sam I felt left out instead of going quiet";
    static final List<Integer> WORSE = List.of(3, 3, 3, 3, 3, 3, 3, 3, 0, 1);

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

    static String inTreatment(String clinic) {
        String episode = Episodes.open(clinic);
        Episodes.move(Episodes.clinicianOf(clinic), episode, "ACTIVE_TREATMENT", null).statusCode(200);
        return episode;
    }

    @Test
    void aWeeklyCheckInFallsDueOnceAndItsLinkTakesTheAnswersOnce() {
        String episode = inTreatment("northside");
        String client = CheckIns.clientOf("clara", episode);
        CheckIns.put("clara", episode, CheckIns.weekly("PHQ9")).statusCode(200)
                .body("instruments", equalTo(List.of("PHQ-9"))).body("frequency", equalTo("WEEKLY"))
                .body("upcoming", hasSize(5)).body("createdBy", equalTo("clara"));

        EventEnvelope due = CheckIns.due(client, 1);
        String link = due.data().path("link").asText();
        String checkIn = due.data().path("checkInId").asText();
        assertTrue(link.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+") && link.length() <= 64, link);
        assertFalse(due.data().toString().contains("PHQ"), "no instrument in the event: " + due.data());
        assertEquals(episode, due.data().path("episodeId").asText());
        Instant dueAt = Instant.parse(due.data().path("dueAt").asText());
        assertEquals(dueAt.plus(Duration.ofHours(72)), Instant.parse(due.data().path("expiresAt").asText()));

        // Several scheduler rounds later there is still exactly one.
        scheduler.run();
        scheduler.run();
        assertEquals(1, CheckIns.of(Episodes.eventsAbout(UUID.fromString(client),
                seen -> !CheckIns.of(seen, "check-in-due").isEmpty()), "check-in-due").size());
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-ins").then().statusCode(200)
                .header("X-Total-Count", "1").body("[0].id", equalTo(checkIn)).body("[0].status", equalTo("DUE"));

        // The page needs no account and shows nothing of the client.
        String form = given().get("/links/check-ins/" + link).then().statusCode(200)
                .body("clinicName", equalTo("Northside Clinic")).body("crisisLine", containsString("Northside"))
                .body("steps", hasSize(1)).body("steps[0].instrument", equalTo("PHQ-9"))
                .body("steps[0].items", hasSize(10)).body("steps[0].items[0].options", hasSize(4))
                .body("steps[0].prompt", startsWith("Over the last 2 weeks"))
                // The page shows the crisis line as soon as item 9 is answered above 0.
                .body("steps[0].riskRules[0].level", equalTo("MODERATE"))
                .body("steps[0].riskRules[0].anyOf[0].item", equalTo(9))
                .body("steps[0].riskRules[0].anyOf[0].atLeast", equalTo(1))
                .body("warningSigns", hasSize(0)).body("copingTools", hasSize(0)).body("diaryPrompt", equalTo(true))
                .extract().asString();
        assertFalse(form.contains(client) || form.contains(episode) || form.contains(checkIn), form);

        // Incomplete: 400 naming the item, nothing written, the link still works.
        CheckIns.submit(link, CheckIns.answers("PHQ-9", List.of(1, 1, 1, 1, 1, 1, 1, 1), null)).statusCode(400)
                .body("errors[0].field", equalTo("answers.PHQ-9[8]"));
        CheckIns.submit(link, CheckIns.answers("GAD-7", List.of(1, 1, 1, 1, 1, 1, 1), null)).statusCode(400)
                .body("errors[0].field", equalTo("answers.PHQ-9"));
        Map<String, Object> tooMuch = CheckIns.answers("PHQ-9", WORSE, DIARY);
        tooMuch.put("warningSigns", List.of(0));
        CheckIns.submit(link, tooMuch).statusCode(400).body("errors[0].field", equalTo("warningSigns[0]"));
        given().get("/links/check-ins/" + link).then().statusCode(200);

        // Baseline 12 (intake); 24 is a reliable deterioration.
        CheckIns.submit(link, CheckIns.answers("PHQ-9", WORSE, DIARY)).statusCode(200)
                .body("crisis", equalTo(false)).body("crisisLine", containsString("Northside"));

        for (String again : List.of(link, link.substring(0, link.length() - 1) + (link.endsWith("A") ? "B" : "A"),
                "not-a-link", "x".repeat(80))) {
            given().get("/links/check-ins/" + again).then().statusCode(404)
                    .contentType(containsString("application/problem+json")).body("title", equalTo("Not Found"))
                    .body("instance", nullValue());
            CheckIns.submit(again, CheckIns.answers("PHQ-9", WORSE, null)).statusCode(404).body("title", equalTo("Not Found"));
        }

        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-ins").then().statusCode(200)
                .body("[0].status", equalTo("ANSWERED")).body("[0].answeredAt", notNullValue())
                .body("[0].totals.PHQ-9", equalTo(24)).body("[0].flags", equalTo(List.of("DETERIORATION")))
                .body("[0]", not(hasKey("diary")));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/outcomes").then().statusCode(200)
                .body("find { it.instrument == 'PHQ-9' }.trajectory.selfReported", equalTo(List.of(false, true)))
                .body("find { it.instrument == 'PHQ-9' }.reliableChange", equalTo("DETERIORATED"));
        given().auth().oauth2(Tokens.of("clara")).queryParam("open", true).get("/episodes/" + episode + "/flags")
                .then().statusCode(200).body("kind", hasItem("DETERIORATION"));
        String clinician = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode).then()
                .extract().path("clinicianId");
        given().auth().oauth2(Tokens.of("clara")).queryParam("clinicianId", clinician).get("/caseload").then()
                .statusCode(200).body("find { it.episodeId == '" + episode + "' }.openFlags.DETERIORATION", equalTo(1));

        // The answers are clinical: the clinician reads them, and the read is recorded.
        given().auth().oauth2(Tokens.of("clara")).get("/check-ins/" + checkIn).then().statusCode(200)
                .body("diary", equalTo(DIARY)).body("instruments[0].instrument", equalTo("PHQ-9"))
                .body("instruments[0].items[0].answer", equalTo(3))
                .body("instruments[0].items[0].answerLabel", equalTo("Nearly every day"))
                .body("instruments[0].scores.find { it.scale == 'total' }.value", equalTo(24));
        given().auth().oauth2(Tokens.of("ada")).queryParam("noteId", checkIn).get("/note-access").then()
                .statusCode(200).body("$", hasSize(1)).body("[0].staffId", equalTo("clara"))
                .body("[0].kind", equalTo("CHECK_IN"));
        given().auth().oauth2(Tokens.of("ada")).get("/check-ins/" + checkIn).then().statusCode(403);
        given().auth().oauth2(Tokens.of("colin")).get("/check-ins/" + checkIn).then().statusCode(404);
        given().auth().oauth2(Tokens.of("colin")).get("/episodes/" + episode + "/check-ins").then().statusCode(404);

        List<EventEnvelope> events = Episodes.eventsAbout(UUID.fromString(client),
                seen -> CheckIns.of(seen, "check-in-flagged").size() >= 1);
        EventEnvelope flagged = CheckIns.of(events, "check-in-flagged").get(0);
        assertEquals("DETERIORATION", flagged.data().path("kind").asText());
        assertEquals(checkIn, flagged.data().path("checkInId").asText());
        assertEquals(clinician, flagged.data().path("clinicianId").asText());
        events.forEach(e -> assertFalse(e.data().toString().contains("CHECKIN-DIARY"), e.toString()));
    }

    @Test
    void aRiskAnswerShowsTheCrisisLineAndTellsTheOnCallClinician() {
        Map<String, Object> before = settings("hana");
        putSettings("hana", before, Map.of("onCallClinicianId", "colin")).statusCode(200)
                .body("onCallClinicianId", equalTo("colin"));
        try {
            String episode = inTreatment("harbour");
            String client = CheckIns.clientOf("colin", episode);
            CheckIns.put("colin", episode, CheckIns.weekly("PHQ-9", "GAD-7")).statusCode(200);
            String link = CheckIns.due(client, 1).data().path("link").asText();
            given().get("/links/check-ins/" + link).then().statusCode(200)
                    .body("clinicName", equalTo("Harbour Clinic")).body("steps.instrument", equalTo(List.of("PHQ-9", "GAD-7")));
            Map<String, Object> body = new HashMap<>();
            body.put("answers", Map.of("PHQ9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 2), "GAD7", List.of(0, 0, 0, 0, 0, 0, 0)));
            CheckIns.submit(link, body).statusCode(200).body("crisis", equalTo(true))
                    .body("crisisLine", containsString("Harbour crisis line"));

            EventEnvelope flagged = CheckIns.of(Episodes.eventsAbout(UUID.fromString(client),
                    seen -> !CheckIns.of(seen, "check-in-flagged").isEmpty()), "check-in-flagged").get(0);
            assertEquals("RISK", flagged.data().path("kind").asText());
            assertEquals("colin", flagged.data().path("onCallClinicianId").asText());
            given().auth().oauth2(Tokens.of("colin")).queryParam("open", true).get("/episodes/" + episode + "/flags")
                    .then().statusCode(200).body("kind", hasItem("RISK"))
                    .body("find { it.kind == 'RISK' }.detail", equalTo("HIGH PHQ9_ITEM9 CHECK_IN"));
        } finally {
            putSettings("hana", before, Map.of("onCallClinicianId", "")).statusCode(200)
                    .body("onCallClinicianId", nullValue());
        }
    }

    @Test
    void anUnansweredCheckInExpiresAndMissedOnesInARowRaiseAFlag() {
        Map<String, Object> before = settings("hana");
        putSettings("hana", before, Map.of("missedCheckInsFlag", 1, "checkInExpiryHours", 48)).statusCode(200);
        try {
            String episode = inTreatment("harbour");
            String client = CheckIns.clientOf("colin", episode);
            CheckIns.put("colin", episode, CheckIns.weekly("GAD-7")).statusCode(200);
            EventEnvelope due = CheckIns.due(client, 1);
            String link = due.data().path("link").asText();
            assertEquals(Duration.ofHours(48), Duration.between(Instant.parse(due.data().path("dueAt").asText()),
                    Instant.parse(due.data().path("expiresAt").asText())));
            given().get("/links/check-ins/" + link).then().statusCode(200);

            clock.fix(Instant.parse(due.data().path("expiresAt").asText()));
            scheduler.run();
            given().get("/links/check-ins/" + link).then().statusCode(404).body("title", equalTo("Not Found"));
            given().auth().oauth2(Tokens.of("colin")).get("/episodes/" + episode + "/check-ins").then()
                    .body("[0].status", equalTo("EXPIRED")).body("[0].flags", equalTo(List.of("MISSED")));
            given().auth().oauth2(Tokens.of("colin")).queryParam("open", true).get("/episodes/" + episode + "/flags")
                    .then().body("kind", hasItem("MISSED_CHECK_INS"));
            EventEnvelope flagged = CheckIns.of(Episodes.eventsAbout(UUID.fromString(client),
                    seen -> !CheckIns.of(seen, "check-in-flagged").isEmpty()), "check-in-flagged").get(0);
            assertEquals("MISSED", flagged.data().path("kind").asText());
            assertTrue(flagged.data().path("onCallClinicianId").isNull());
        } finally {
            putSettings("hana", before, Map.of()).statusCode(200);
        }
    }

    @Test
    void schedulesAreCheckedAndBelongToCliniciansOfTheClinic() {
        String assessing = Episodes.open("northside");
        CheckIns.put("clara", assessing, CheckIns.weekly("PHQ-9")).statusCode(409);
        String episode = inTreatment("northside");
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-in-schedule").then()
                .statusCode(404);
        Map<String, Object> unknown = CheckIns.weekly("PHQ-9", "NOPE-1");
        CheckIns.put("clara", episode, unknown).statusCode(400).body("errors[0].field", equalTo("instruments[1]"));
        CheckIns.put("clara", episode, CheckIns.weekly("C-SSRS-SCREEN")).statusCode(400)
                .body("errors[0].field", equalTo("instruments[0]"));
        CheckIns.put("clara", episode, CheckIns.weekly("PHQ-9", "phq9")).statusCode(400)
                .body("errors[0].field", equalTo("instruments[1]"));
        Map<String, Object> datesOnWeekly = CheckIns.weekly("PHQ-9");
        datesOnWeekly.put("dates", List.of(LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()));
        CheckIns.put("clara", episode, datesOnWeekly).statusCode(400).body("errors[0].field", equalTo("dates"));
        Map<String, Object> noDates = CheckIns.weekly("PHQ-9");
        noDates.put("frequency", "DATES");
        CheckIns.put("clara", episode, noDates).statusCode(400).body("errors[0].field", equalTo("dates"));
        Map<String, Object> past = CheckIns.weekly("PHQ-9");
        past.put("until", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        CheckIns.put("clara", episode, past).statusCode(400).body("errors[0].field", equalTo("until"));
        Map<String, Object> signs = CheckIns.weekly("PHQ-9");
        signs.put("includeWarningSigns", true);
        CheckIns.put("clara", episode, signs).statusCode(400).body("errors[0].field", equalTo("includeWarningSigns"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-in-schedule").then()
                .statusCode(404);

        CheckIns.put("colin", episode, CheckIns.weekly("PHQ-9")).statusCode(404);
        CheckIns.put("colin", episode, datesOnWeekly).statusCode(404);
        CheckIns.put("ada", episode, CheckIns.weekly("PHQ-9")).statusCode(403);
        given().contentType(ContentType.JSON).body(CheckIns.weekly("PHQ-9"))
                .put("/episodes/" + episode + "/check-in-schedule").then().statusCode(401);

        Map<String, Object> dates = CheckIns.weekly("PHQ-9");
        LocalDate inAWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        dates.put("frequency", "DATES");
        dates.put("dates", List.of(inAWeek.plusDays(7).toString(), inAWeek.toString()));
        CheckIns.put("clara", episode, dates).statusCode(200).body("upcoming", equalTo(List.of(
                inAWeek + "T09:00:00Z", inAWeek.plusDays(7) + "T09:00:00Z")));
        given().auth().oauth2(Tokens.of("ada")).get("/episodes/" + episode + "/check-in-schedule").then()
                .statusCode(200).body("frequency", equalTo("DATES"));

        String client = CheckIns.clientOf("clara", episode);
        given().auth().oauth2(Tokens.of("clara")).delete("/episodes/" + episode + "/check-in-schedule").then()
                .statusCode(204);
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-in-schedule").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.of("clara")).delete("/episodes/" + episode + "/check-in-schedule").then()
                .statusCode(404);
        Episodes.eventsAbout(UUID.fromString(client), seen -> !CheckIns.of(seen, "check-ins-ended").isEmpty());
    }

    @Test
    void aMaintenancePlanStartsTheClinicsScheduleAndRelapseEndsItWithItsLinks() {
        Map<String, Object> before = settings("ada");
        putSettings("ada", before, Map.of("maintenanceCheckIns", "MONTHLY")).statusCode(200)
                .body("maintenanceCheckIns", equalTo("MONTHLY"));
        String episode;
        try {
            episode = inTreatment("northside");
            Episodes.startMaintenance("clara", episode, Episodes.plan(null)).statusCode(201);
        } finally {
            putSettings("ada", before, Map.of("maintenanceCheckIns", "NONE")).statusCode(200)
                    .body("maintenanceCheckIns", nullValue());
        }
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-in-schedule").then()
                .statusCode(200).body("frequency", equalTo("MONTHLY")).body("instruments", equalTo(List.of("PHQ-9")))
                .body("includeWarningSigns", equalTo(true)).body("includeCopingTools", equalTo(true))
                .body("warningSignThreshold", equalTo(1));
        String client = CheckIns.clientOf("clara", episode);
        String link = CheckIns.due(client, 1).data().path("link").asText();
        given().get("/links/check-ins/" + link).then().statusCode(200)
                .body("warningSigns[0].text", equalTo("SEEDED-PLAN-4c1d sleeping badly for a week"))
                .body("copingTools.index", equalTo(List.of(0, 1)));

        // One warning sign noticed reaches the threshold of 1.
        Map<String, Object> body = CheckIns.answers("PHQ-9", List.of(1, 1, 1, 1, 1, 1, 1, 1, 0), null);
        body.put("warningSigns", List.of(0));
        body.put("copingTools", List.of(1));
        CheckIns.submit(link, body).statusCode(200).body("crisis", equalTo(false));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-ins").then().log().ifValidationFails()
                .statusCode(200).body("[0].flags", equalTo(List.of("WARNING_SIGNS")));
        String checkIn = given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-ins").then()
                .extract().path("[0].id");
        given().auth().oauth2(Tokens.of("clara")).get("/check-ins/" + checkIn).then()
                .body("warningSignsNoticed", equalTo(List.of("SEEDED-PLAN-4c1d sleeping badly for a week")))
                .body("copingToolsUsed", equalTo(List.of("walk before work")));

        Episodes.move("clara", episode, "ACTIVE_TREATMENT", "relapse").statusCode(200);
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episode + "/check-in-schedule").then()
                .statusCode(404);
        Episodes.eventsAbout(UUID.fromString(client), seen -> !CheckIns.of(seen, "check-ins-ended").isEmpty());
    }

    @Test
    void eachAddressHasAnAllowanceOnTheLinks() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 200));
        int allowed = 0;
        int status;
        do {
            status = given().header("X-Forwarded-For", address).get("/links/check-ins/no-such-link").then()
                    .extract().statusCode();
            if (status == 404) {
                allowed++;
            }
        } while (status == 404 && allowed <= 400);
        assertEquals(100, allowed, "the test allowance (securebase.links.rate-limit.requests)");
        given().header("X-Forwarded-For", address).contentType(ContentType.JSON).body("{}")
                .post("/links/appointments/no-such-link").then().statusCode(429)
                .contentType(containsString("application/problem+json")).header("Retry-After", notNullValue())
                .body("title", equalTo("Too Many Requests"));
        given().header("X-Forwarded-For", "198.51.100.77").get("/links/check-ins/no-such-link").then().statusCode(404);
    }

    @Test
    void theDocumentShowsTheLinksWithoutABearerAndEverythingElseWithItsRoles() {
        io.restassured.path.json.JsonPath doc = given().queryParam("format", "json").get("/q/openapi").then()
                .statusCode(200).extract().jsonPath();
        for (String path : List.of("/links/check-ins/{token}", "/links/appointments/{token}")) {
            for (String method : List.of("get", "post")) {
                Object security = doc.get("paths.'" + path + "'." + method + ".security");
                assertEquals(null, security, method + " " + path);
            }
        }
        assertEquals(List.of(List.of("clinician")),
                doc.getList("paths.'/check-ins/{id}'.get.security.SecurityScheme"));
        // With a token or without, a link is the credential; a token that is presented must be valid.
        given().auth().oauth2(Tokens.of("clara")).get("/links/check-ins/no-such-link").then().statusCode(404);
        given().auth().oauth2("not.a.token").get("/links/check-ins/no-such-link").then().statusCode(401);
    }

    static Map<String, Object> settings(String admin) {
        return given().auth().oauth2(Tokens.of(admin)).get("/settings").then().statusCode(200).extract().as(Map.class);
    }

    static io.restassured.response.ValidatableResponse putSettings(String admin, Map<String, Object> current,
                                                                   Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        body.put("noteFormat", current.get("noteFormat"));
        body.put("overdueNoteDays", current.get("overdueNoteDays"));
        body.put("checkInExpiryHours", current.get("checkInExpiryHours"));
        body.put("missedCheckInsFlag", current.get("missedCheckInsFlag"));
        body.putAll(changes);
        return given().auth().oauth2(Tokens.of(admin)).contentType(ContentType.JSON).body(body).put("/settings").then();
    }
}
