package care.securebase.sessions.rest;

import static care.securebase.sessions.rest.Episodes.awaitEpisodes;
import static care.securebase.sessions.rest.Episodes.eventsAbout;
import static care.securebase.sessions.rest.Episodes.move;
import static care.securebase.sessions.rest.Episodes.open;
import static care.securebase.sessions.rest.Episodes.plan;
import static care.securebase.sessions.rest.Episodes.startMaintenance;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import care.securebase.events.ClientRegistered;
import care.securebase.events.EpisodeOpened;
import care.securebase.events.EventEnvelope;
import care.securebase.events.IntakeCompleted;
import care.securebase.events.MaintenanceStarted;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import care.securebase.sessions.Booster;
import care.securebase.sessions.MaintenancePlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EpisodeResourceTest {

    @Test
    void aCompletedIntakeOpensExactlyOneEpisodeHoweverOftenItIsDelivered() throws Exception {
        UUID clientId = UUID.randomUUID();
        IntakeCompleted first = Episodes.intake(clientId, "northside");
        EventEnvelope envelope = Episodes.publish(first);
        TestKafka.publish(Episodes.INTAKE_TOPIC, envelope);
        // The same intake announced again under a new event id, and an event sessions ignores.
        Episodes.publish(first);
        TestKafka.publish(Episodes.INTAKE_TOPIC, new ClientRegistered(clientId, "northside", "Jo",
                "jo@example.org", null, "EMAIL", "en", "Europe/London"));
        // A later intake of the same client: same key, so it is handled after all of the above.
        IntakeCompleted second = Episodes.intake(clientId, "northside");
        Episodes.publish(second);

        awaitEpisodes(clientId, "northside", 2);
        List<String> intakes = given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                .get("/episodes").then().statusCode(200).body("$", hasSize(2))
                .body("phase", everyItem(equalTo("ASSESSMENT")))
                .extract().path("intakeId");
        assertEquals(List.of(second.intakeId().toString(), first.intakeId().toString()), intakes);

        String episodeId = given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", clientId)
                .get("/episodes").then().extract().path("[1].id");
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + episodeId)
                .then().statusCode(200)
                .body("clientId", equalTo(clientId.toString()))
                .body("clinicId", equalTo("northside"))
                .body("clinicianId", equalTo(first.clinicianId()))
                .body("priority", equalTo("SOON"))
                .body("riskLevel", equalTo("MODERATE"))
                .body("modality", equalTo("INDIVIDUAL"))
                .body("openedAt", notNullValue())
                .body("phaseChangedBy", equalTo("intake-service"))
                .body("nextPhases", equalTo(List.of("ACTIVE_TREATMENT", "DISCHARGED")))
                .body("history", hasSize(1))
                .body("history[0].to", equalTo("ASSESSMENT"));

        List<EventEnvelope> opened = eventsAbout(clientId, seen -> seen.stream()
                .filter(e -> e.type().equals("episode-opened")).count() >= 2).stream()
                .filter(e -> e.type().equals("episode-opened")).toList();
        assertEquals(2, opened.size());
        EpisodeOpened payload = opened.get(0).payload(EpisodeOpened.class, TestKafka.MAPPER);
        assertEquals(episodeId, payload.episodeId().toString());
        assertEquals(first.intakeId(), payload.intakeId());
        assertEquals("northside", payload.clinicId());
        assertEquals(first.clinicianId(), payload.clinicianId());
        assertEquals("sessions-service", opened.get(0).source());
    }

    @Test
    void treatmentThenMaintenanceSchedulesAndAnnouncesTheBoosters() throws Exception {
        IntakeCompleted intake = Episodes.intake("northside");
        Episodes.publish(intake);
        String id = awaitEpisodes(intake.clientId(), "northside", 1);

        move("clara", id, "ACTIVE_TREATMENT", "formulation agreed")
                .statusCode(200).body("phase", equalTo("ACTIVE_TREATMENT"))
                .body("phaseChangedBy", equalTo("clara"))
                .body("history[1].reason", equalTo("formulation agreed"));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Instant> asked = List.of(now.plus(Duration.ofDays(14)), now.plus(Duration.ofDays(60)),
                now.plus(Duration.ofDays(200)));
        List<String> boosterIds = startMaintenance("clara", id, plan(asked.stream().map(Instant::toString).toList()))
                .statusCode(201)
                .header("Location", containsString("/episodes/" + id + "/maintenance"))
                .body("episodeId", equalTo(id))
                .body("copingTools", hasSize(2))
                .body("boosters", hasSize(3))
                .body("boosters.status", everyItem(equalTo("SCHEDULED")))
                .body("endedAt", nullValue())
                .extract().path("boosters.id");

        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id)
                .then().statusCode(200).body("phase", equalTo("MAINTENANCE"))
                .body("nextPhases", equalTo(List.of("ACTIVE_TREATMENT", "DISCHARGED")));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id + "/maintenance")
                .then().statusCode(200)
                .body("relapseWarningSigns[0]", containsString("sleeping badly"))
                .body("supports", hasSize(1))
                .body("boosters.id", equalTo(boosterIds))
                .body("createdBy", equalTo("clara"));

        EventEnvelope started = eventsAbout(intake.clientId(), seen -> seen.stream()
                .anyMatch(e -> e.type().equals("maintenance-started"))).stream()
                .filter(e -> e.type().equals("maintenance-started")).findFirst().orElseThrow();
        MaintenanceStarted payload = started.payload(MaintenanceStarted.class, TestKafka.MAPPER);
        assertEquals(id, payload.episodeId().toString());
        assertEquals(intake.clientId(), payload.clientId());
        assertEquals("northside", payload.clinicId());
        assertEquals(intake.clinicianId(), payload.clinicianId());
        assertEquals(asked, payload.boosters().stream().map(MaintenanceStarted.Booster::dueAt).toList());
        assertEquals(boosterIds, payload.boosters().stream().map(b -> b.boosterId().toString()).toList());
        // The plan's words stay in sessions-service.
        assertFalse(started.data().toString().contains("SEEDED-PLAN"));
    }

    @Test
    void withoutBoostersTheDefaultScheduleApplies() {
        String id = open("northside");
        move("clara", id, "ACTIVE_TREATMENT", null).statusCode(200);
        List<String> due = startMaintenance("clara", id, plan(null)).statusCode(201)
                .body("boosters", hasSize(4)).extract().path("boosters.dueAt");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Instant> expected = List.of(1, 3, 6, 12).stream()
                .map(m -> today.plusMonths(m).atTime(10, 0).toInstant(ZoneOffset.UTC)).toList();
        assertEquals(expected, due.stream().map(Instant::parse).toList());
    }

    @Test
    void aRelapseEndsThePlanAndALaterPlanStartsAfresh() {
        String id = open("northside");
        move("clara", id, "ACTIVE_TREATMENT", null).statusCode(200);
        var firstPlan = startMaintenance("clara", id, plan(null)).statusCode(201).extract();
        String firstPlanId = firstPlan.path("id");
        List<String> firstBoosters = firstPlan.path("boosters.id");

        move("clara", id, "ACTIVE_TREATMENT", "warning signs back for three weeks")
                .statusCode(200).body("phase", equalTo("ACTIVE_TREATMENT"));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id + "/maintenance")
                .then().statusCode(200).body("id", equalTo(firstPlanId)).body("endedAt", notNullValue())
                .body("boosters.status", everyItem(equalTo("CANCELLED")));
        // Notifications hears that these boosters will not happen, and nothing of the reason.
        EventEnvelope ended = TestKafka.read("test-sessions-events", Duration.ofSeconds(20), seen -> seen.stream()
                        .anyMatch(e -> e.type().equals("maintenance-ended") && e.data().path("episodeId").asText().equals(id)))
                .stream().filter(e -> e.type().equals("maintenance-ended") && e.data().path("episodeId").asText().equals(id))
                .findFirst().orElseThrow();
        List<String> cancelled = new ArrayList<>();
        ended.data().path("cancelledBoosterIds").forEach(n -> cancelled.add(n.asText()));
        assertEquals(new HashSet<>(firstBoosters), new HashSet<>(cancelled));
        assertEquals("ACTIVE_TREATMENT", ended.data().path("newPhase").asText());
        assertFalse(ended.data().toString().contains("warning signs back"));

        String secondPlan = startMaintenance("clara", id, plan(null)).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id + "/maintenance")
                .then().statusCode(200).body("id", equalTo(secondPlan)).body("endedAt", nullValue());
        // A clinic-admin may discharge too; the reason is kept in the history.
        move("ada", id, "DISCHARGED", "goals met, client moving away").statusCode(200)
                .body("phase", equalTo("DISCHARGED")).body("nextPhases", hasSize(0))
                .body("history.to", equalTo(List.of("ASSESSMENT", "ACTIVE_TREATMENT", "MAINTENANCE",
                        "ACTIVE_TREATMENT", "MAINTENANCE", "DISCHARGED")));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id + "/maintenance")
                .then().body("id", equalTo(secondPlan)).body("endedAt", notNullValue());
        // Intake hears the caseload place is free; the reason stays here.
        EventEnvelope discharged = TestKafka.read("test-sessions-events", Duration.ofSeconds(20), seen -> seen.stream()
                        .anyMatch(e -> e.type().equals("episode-discharged") && e.data().path("episodeId").asText().equals(id)))
                .stream().filter(e -> e.type().equals("episode-discharged") && e.data().path("episodeId").asText().equals(id))
                .findFirst().orElseThrow();
        assertFalse(discharged.data().toString().contains("moving away"));
        assertEquals("northside", discharged.data().path("clinicId").asText());
    }

    @Test
    void riskFlagsRaisedAtIntakeShowOnTheEpisodeEvenWhenTheyCameFirst() {
        IntakeCompleted intake = Episodes.intake("northside");
        // A client flagged while waiting: the flag arrives before the episode can open.
        EventEnvelope flag = TestKafka.publish("test-intake-events", new care.securebase.events.RiskFlagRaised(
                intake.clientId(), "northside", intake.intakeId(), "HIGH", "CSSRS_SCREEN", null, "clara"));
        TestKafka.publish("test-intake-events", flag);
        Episodes.publish(intake);
        String id = awaitEpisodes(intake.clientId(), "northside", 1);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id)
                        .then().statusCode(200)
                        .body("riskFlags", hasSize(1))
                        .body("riskFlags[0].level", equalTo("HIGH"))
                        .body("riskFlags[0].source", equalTo("CSSRS_SCREEN")));
        // On the caseload's flags too, attached to the episode that opened after it, once.
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id + "/flags").then().statusCode(200)
                .body("kind", equalTo(List.of("RISK"))).body("[0].detail", equalTo("HIGH CSSRS_SCREEN"));
        // Lists stay light: no flags per row.
        given().auth().oauth2(Tokens.of("clara")).queryParam("clientId", intake.clientId()).get("/episodes")
                .then().body("[0].riskFlags", nullValue());
    }

    @Test
    void onlyCliniciansAndAdminsOfTheEpisodesClinicGetIn() {
        String id = open("northside");
        String path = "/episodes/" + id;

        given().get("/episodes").then().statusCode(401);
        given().get(path).then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("phase", "ACTIVE_TREATMENT"))
                .post(path + "/phase").then().statusCode(401);

        for (String outsider : List.of("sam", "ingrid")) {
            given().auth().oauth2(Tokens.of(outsider)).get("/episodes").then().statusCode(403);
            given().auth().oauth2(Tokens.of(outsider)).get(path).then().statusCode(403);
            move(outsider, id, "ACTIVE_TREATMENT", null).statusCode(403);
            startMaintenance(outsider, id, plan(null)).statusCode(403);
            given().auth().oauth2(Tokens.of(outsider)).get(path + "/maintenance").then().statusCode(403);
        }

        // Another clinic's clinician: as if it did not exist, and nothing changes.
        given().auth().oauth2(Tokens.of("colin")).get(path)
                .then().statusCode(404).contentType("application/problem+json");
        move("colin", id, "ACTIVE_TREATMENT", null).statusCode(404);
        startMaintenance("colin", id, plan(null)).statusCode(404);
        given().auth().oauth2(Tokens.of("colin")).get(path + "/maintenance").then().statusCode(404);
        given().auth().oauth2(Tokens.of("colin")).get("/episodes").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("colin")).queryParam("clinicId", "northside").get("/episodes")
                .then().statusCode(200).body("id", not(hasItem(id)));
        given().auth().oauth2(Tokens.of("clara")).get(path).then().statusCode(200).body("phase", equalTo("ASSESSMENT"));

        // A clinic-admin sees the network.
        given().auth().oauth2(Tokens.of("hana")).get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.of("hana")).queryParam("clinicId", "northside").get("/episodes")
                .then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void illegalMovesAreConflicts() {
        String id = open("northside");

        move("clara", id, "MAINTENANCE", null)
                .statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", containsString("/episodes/{id}/maintenance"));
        startMaintenance("clara", id, plan(null))
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ASSESSMENT"));
        move("clara", id, "ASSESSMENT", null).statusCode(409);
        move("clara", id, "DISCHARGED", " ")
                .statusCode(400).body("errors[0].field", equalTo("reason"));
        move("clara", id, "DISCHARGED", "client declined treatment").statusCode(200);

        move("clara", id, "ACTIVE_TREATMENT", null)
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("final"));
        move("clara", id, "DISCHARGED", "again").statusCode(409);
        startMaintenance("clara", id, plan(null)).statusCode(409);
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id + "/maintenance").then().statusCode(404);
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void badMaintenanceInputIsRefusedNamingTheFieldAndWritesNothing() {
        String id = open("northside");
        move("clara", id, "ACTIVE_TREATMENT", null).statusCode(200);
        long plans = count(MaintenancePlan.class);
        long boosters = count(Booster.class);
        Instant now = Instant.now();

        startMaintenance("clara", id, plan(List.of(now.plus(Duration.ofDays(30)).toString(),
                now.minus(Duration.ofDays(1)).toString())))
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("boosters[1]"));
        startMaintenance("clara", id, plan(List.of(now.plus(Duration.ofDays(30)).toString(),
                now.plus(Duration.ofDays(30)).toString())))
                .statusCode(400).body("errors[0].field", equalTo("boosters[1]"));
        startMaintenance("clara", id, plan(List.of(now.plus(Duration.ofDays(30)).toString(), "next tuesday")))
                .statusCode(400).body("errors[0].field", equalTo("boosters[1]"));
        List<String> thirteen = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            thirteen.add(now.plus(Duration.ofDays(i)).toString());
        }
        startMaintenance("clara", id, plan(thirteen)).statusCode(400).body("errors[0].field", equalTo("boosters"));
        var blankTool = new java.util.HashMap<>(plan(null));
        blankTool.put("copingTools", List.of("  "));
        blankTool.remove("relapseWarningSigns");
        startMaintenance("clara", id, blankTool).statusCode(400)
                .body("errors.field", equalTo(List.of("copingTools[0]", "relapseWarningSigns")));
        given().auth().oauth2(Tokens.of("clara")).contentType(ContentType.JSON).body("{\"copingTools\": ")
                .post("/episodes/" + id + "/maintenance").then().statusCode(400).body("errors[0].field", equalTo("body"));
        move("clara", id, "PAUSED", null).statusCode(400).body("errors[0].field", equalTo("phase"));

        assertEquals(plans, count(MaintenancePlan.class));
        assertEquals(boosters, count(Booster.class));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id)
                .then().body("phase", equalTo("ACTIVE_TREATMENT")).body("history", hasSize(2));
        given().auth().oauth2(Tokens.of("clara")).get("/episodes/" + id + "/maintenance").then().statusCode(404);
    }

    private static long count(Class<?> entity) {
        return QuarkusTransaction.requiringNew().call(() -> entity == Booster.class ? Booster.count()
                : MaintenancePlan.count());
    }
}
