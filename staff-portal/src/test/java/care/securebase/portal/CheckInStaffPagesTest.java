package care.securebase.portal;

import static care.securebase.portal.PagesTest.as;
import static care.securebase.portal.PagesTest.csrfCookie;
import static care.securebase.portal.PagesTest.form;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff's side of check-ins and appointment reminders against stand-in services: the schedule
 * (set, change, stop), what was sent, answered and missed, one check-in's answers, self-reported
 * points on the outcome chart, the next session's confirmation on the caseload, and the new staff
 * notices in the inbox.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class CheckInStaffPagesTest {

    static final String EPISODE_ID = PagesTest.EPISODE_ID;
    static final String CLIENT_ID = PagesTest.CLIENT_ID;
    static final String CHECK_IN_ID = "8d0c1f5e-0000-4000-8000-0000000000k1";
    static final String SCHEDULE = """
            {"id":"cs-1","episodeId":"%s","instruments":["PHQ-9","GAD-7"],"frequency":"WEEKLY","dates":[],
             "until":"2030-03-01","includeWarningSigns":true,"includeCopingTools":false,"diaryPrompt":true,
             "warningSignThreshold":2,"upcoming":["2030-01-21T09:00:00Z","2030-01-28T09:00:00Z"],"createdBy":"clara"}"""
            .formatted(PagesTest.EPISODE_ID);

    @BeforeEach
    void clean() {
        FakeServices.reset();
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID, 200, PagesTest.CLIENT);
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, PagesTest.episode("MAINTENANCE", "\"DISCHARGED\""));
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/timeline", 200, "[]");
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/sessions", 200, "[]");
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/flags", 200, "[]");
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/maintenance", 404, "{\"status\":404}");
        FakeServices.answer("GET /intake/instruments", 200, """
                [{"code":"PHQ-9","version":1,"title":"Patient Health Questionnaire","latest":true},
                 {"code":"GAD-7","version":1,"title":"Generalised Anxiety Disorder","latest":true},
                 {"code":"ECR-R","version":1,"title":"Experiences in Close Relationships","latest":true}]""");
    }

    static void checkIns() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/check-ins", 200, """
                [{"id":"%s","dueAt":"2030-01-14T09:00:00Z","sentAt":"2030-01-14T09:00:05Z","expiresAt":"2030-01-17T09:00:00Z",
                  "status":"ANSWERED","answeredAt":"2030-01-14T20:00:00Z","totals":{"PHQ-9":14,"GAD-7":9},
                  "flags":["DETERIORATION"]},
                 {"id":"k-2","dueAt":"2030-01-07T09:00:00Z","sentAt":"2030-01-07T09:00:05Z","status":"EXPIRED"},
                 {"id":"k-3","dueAt":"2030-01-21T09:00:00Z","sentAt":"2030-01-21T09:00:05Z","status":"SENT"}]
                """.formatted(CHECK_IN_ID), Map.of("X-Total-Count", "3"));
    }

    @Test
    void theEpisodePageSaysWhetherCheckInsAreScheduled() {
        as("clara").get("/episodes/" + EPISODE_ID).then().statusCode(200)
                .body(containsString("No check-in schedule."), containsString("Set up check-ins"),
                        containsString("href=\"/episodes/" + EPISODE_ID + "/check-ins\""));
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/check-in-schedule", 200, SCHEDULE);
        as("clara").get("/episodes/" + EPISODE_ID).then().statusCode(200)
                .body(containsString("Weekly: PHQ-9, GAD-7; warning signs, diary; until 1 Mar 2030"));
    }

    @Test
    void theCheckInsPageShowsTheScheduleAndWhatWasSentAnsweredAndMissed() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/check-in-schedule", 200, SCHEDULE);
        checkIns();
        String html = as("clara").get("/episodes/" + EPISODE_ID + "/check-ins").then().statusCode(200)
                .body(containsString("<h1>Check-ins: Jo</h1>"), containsString("Change the schedule"),
                        containsString("Next: 21 Jan 2030"),
                        containsString("badge-answered\">Answered"), containsString("badge-expired\">Missed"),
                        containsString("badge-sent\">Sent, waiting"), containsString("PHQ-9 14, GAD-7 9"),
                        containsString("Reliable deterioration"),
                        containsString("href=\"/episodes/" + EPISODE_ID + "/check-ins/" + CHECK_IN_ID + "\""),
                        containsString("action=\"/episodes/" + EPISODE_ID + "/check-ins/schedule/stop\""))
                .extract().asString();
        assertTrue(html.contains("value=\"PHQ-9\" checked") && html.contains("value=\"GAD-7\" checked")
                && html.contains("value=\"ECR-R\">"), "the catalog, the schedule's instruments ticked");
        assertTrue(html.contains("id=\"includeWarningSigns\" name=\"includeWarningSigns\" value=\"true\" checked"));
        assertTrue(!html.contains("id=\"includeCopingTools\" name=\"includeCopingTools\" value=\"true\" checked"));
        assertTrue(html.contains("<option value=\"WEEKLY\" selected>Weekly</option>"));
        ClinicianPagesTest.checkLabels("check-ins", html);
        ClinicianPagesTest.checkHeadings("check-ins", html);
        assertEquals("page=0&size=20", FakeServices.last("GET /sessions/episodes/" + EPISODE_ID + "/check-ins").query());
        assertEquals("Bearer " + KeycloakTokens.of("clara"),
                FakeServices.last("GET /sessions/episodes/" + EPISODE_ID + "/check-in-schedule").header("Authorization"));
        // A clinic-admin sees them but has no form and no link to the answers.
        as("ada").get("/episodes/" + EPISODE_ID + "/check-ins").then().statusCode(200)
                .body(not(containsString("Change the schedule")), not(containsString("/check-ins/" + CHECK_IN_ID + "\"")));
        // Discharge ends the schedule: a discharged episode's check-ins are history, with no form.
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, PagesTest.episode("DISCHARGED", ""));
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/check-in-schedule", 404, "{\"status\":404}");
        as("clara").get("/episodes/" + EPISODE_ID + "/check-ins").then().statusCode(200)
                .body(containsString("No check-in schedule."), not(containsString("Set up check-ins")),
                        containsString("badge-answered\">Answered"));
    }

    @Test
    void settingTheScheduleSendsItWholeAndNamesWhatIsWrong() throws Exception {
        String csrf = csrfCookie("clara");
        FakeServices.answer("PUT /sessions/episodes/" + EPISODE_ID + "/check-in-schedule", 200, SCHEDULE);
        form("clara", csrf).formParam("instruments", "PHQ-9").formParam("instruments", "ECR-R")
                .formParam("frequency", "FORTNIGHTLY").formParam("until", "2030-06-30")
                .formParam("includeWarningSigns", "true").formParam("diaryPrompt", "true")
                .formParam("warningSignThreshold", "3").formParam("dates", "")
                .post("/episodes/" + EPISODE_ID + "/check-ins/schedule")
                .then().statusCode(303).header("Location", containsString("/episodes/" + EPISODE_ID + "/check-ins?done=schedule"));
        JsonNode sent = PublicPagesTest.JSON.readTree(FakeServices.last("PUT /sessions/episodes/" + EPISODE_ID
                + "/check-in-schedule").body());
        assertEquals("[\"PHQ-9\",\"ECR-R\"]", sent.path("instruments").toString());
        assertEquals("FORTNIGHTLY", sent.path("frequency").asText());
        assertEquals("2030-06-30", sent.path("until").asText());
        assertTrue(sent.path("includeWarningSigns").asBoolean());
        assertTrue(!sent.path("includeCopingTools").asBoolean() && sent.path("includeCopingTools").isBoolean());
        assertTrue(sent.path("diaryPrompt").asBoolean());
        assertEquals(3, sent.path("warningSignThreshold").asInt());
        assertTrue(sent.path("dates").isMissingNode(), "dates only for DATES");
        assertTrue(sent.path("upcoming").isMissingNode(), "what the service computes is not sent back");

        // Given dates, one per line; what the portal cannot read is named before anything is sent.
        FakeServices.reset();
        clean();
        form("clara", csrf).formParam("instruments", "PHQ-9").formParam("frequency", "DATES")
                .formParam("dates", "2030-02-01\nnext tuesday").formParam("until", "soon")
                .post("/episodes/" + EPISODE_ID + "/check-ins/schedule")
                .then().statusCode(400).body(containsString("line 2 is not"), containsString("must be a date such as"));
        assertNull(FakeServices.last("PUT /sessions/episodes/" + EPISODE_ID + "/check-in-schedule"));
        form("clara", csrf).formParam("frequency", "WEEKLY")
                .post("/episodes/" + EPISODE_ID + "/check-ins/schedule")
                .then().statusCode(400).body(containsString("choose at least one instrument"));

        // The service's own refusal is shown at its field.
        FakeServices.answer("PUT /sessions/episodes/" + EPISODE_ID + "/check-in-schedule", 400, """
                {"title":"Bad Request","status":400,"errors":[{"field":"until","message":"must be after today"}]}""");
        form("clara", csrf).formParam("instruments", "PHQ-9").formParam("frequency", "WEEKLY").formParam("until", "2020-01-01")
                .post("/episodes/" + EPISODE_ID + "/check-ins/schedule")
                .then().statusCode(400).body(containsString("must be after today"), containsString("value=\"2020-01-01\""));
        form("ada", csrfCookie("ada")).formParam("instruments", "PHQ-9")
                .post("/episodes/" + EPISODE_ID + "/check-ins/schedule").then().statusCode(403);
    }

    @Test
    void stoppingDeletesTheSchedule() {
        FakeServices.answer("DELETE /sessions/episodes/" + EPISODE_ID + "/check-in-schedule", 204, "");
        form("clara", csrfCookie("clara")).post("/episodes/" + EPISODE_ID + "/check-ins/schedule/stop")
                .then().statusCode(303).header("Location", containsString("done=stopped"));
        assertNotNull(FakeServices.last("DELETE /sessions/episodes/" + EPISODE_ID + "/check-in-schedule"));
        as("clara").get("/episodes/" + EPISODE_ID + "/check-ins/schedule/stop").then().statusCode(303);
    }

    @Test
    void oneCheckInsAnswersAreShownToTheClinician() {
        FakeServices.answer("GET /sessions/check-ins/" + CHECK_IN_ID, 200, """
                {"id":"%s","episodeId":"%s","status":"ANSWERED","dueAt":"2030-01-14T09:00:00Z",
                 "answeredAt":"2030-01-14T20:00:00Z",
                 "instruments":[{"instrument":"PHQ-9","version":1,
                   "items":[{"number":1,"text":"Little interest or pleasure in doing things","answer":2,"answerLabel":"More than half the days"}],
                   "scores":[{"scale":"total","value":14,"band":"Moderate"}]},
                  {"instrument":"GAD-7","version":1,"items":[{"number":3,"text":null,"answer":2,"answerLabel":null}]}],
                 "warningSignsNoticed":["Avoiding friends"],"copingToolsUsed":["Walk by the river"],
                 "diary":"Told Sam what I needed.\\nIt went well.","flags":["DETERIORATION"]}
                """.formatted(CHECK_IN_ID, EPISODE_ID));
        String html = as("clara").get("/episodes/" + EPISODE_ID + "/check-ins/" + CHECK_IN_ID).then().statusCode(200)
                .body(containsString("Little interest or pleasure in doing things"),
                        containsString("More than half the days (2)"), containsString("Total: <strong>14</strong> (Moderate)"),
                        containsString("3.</th><td class=\"item-answer\">2"),
                        containsString("Avoiding friends"), containsString("Walk by the river"),
                        containsString("Told Sam what I needed."), containsString("Reliable deterioration"))
                .extract().asString();
        ClinicianPagesTest.checkHeadings("check-in answers", html);
        // Only the clinician's pages show answers; an id of another episode is not found here.
        as("ada").get("/episodes/" + EPISODE_ID + "/check-ins/" + CHECK_IN_ID).then().statusCode(403);
        as("clara").get("/episodes/8d0c1f5e-0000-4000-8000-0000000000e9/check-ins/" + CHECK_IN_ID).then().statusCode(404);
    }

    @Test
    void theChartMarksSelfReportedPointsInShapeLegendAndText() {
        FakeServices.answer("GET /intake/instruments/PHQ-9", 200, ClinicianPagesTest.PHQ9);
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/outcomes", 200, """
                [{"instrument":"PHQ-9","scale":"total","trajectory":[
                   {"at":"2026-03-02T10:00:00Z","value":6,"band":"Mild","intake":true,"selfReported":false},
                   {"at":"2026-04-02T10:00:00Z","value":4,"band":"Mild","intake":false,"selfReported":false},
                   {"at":"2026-04-09T20:00:00Z","value":5,"band":"Mild","intake":false,"selfReported":true}],
                  "baseline":{"at":"2026-03-02T10:00:00Z","value":6,"band":"Mild","intake":true},
                  "latest":{"at":"2026-04-09T20:00:00Z","value":5,"band":"Mild","intake":false,"selfReported":true},
                  "reliableChange":"NO_RELIABLE_CHANGE"}]""");
        String html = as("clara").get("/episodes/" + EPISODE_ID + "/outcomes").then().statusCode(200).extract().asString();
        assertEquals(1, html.split("width=\"11\" height=\"11\"><title>").length - 1, "one square for the one self-reported point");
        assertTrue(html.contains("self-reported in a check-in</title>"));
        assertTrue(html.contains("1 of them was self-reported by the client in check-ins, drawn as squares."), html);
        assertTrue(html.contains("Self-reported by the client (check-in)"), "the legend");
        assertTrue(html.contains("<td>The client (check-in)</td>") && html.contains("<td>Clinician</td>"));
    }

    @Test
    void theCaseloadShowsTheNextSessionsConfirmation() {
        String other = "8d0c1f5e-0000-4000-8000-000000000002";
        FakeServices.answer("GET /sessions/caseload", 200, """
                [{"clientId":"%s","episodeId":"%s","clinicianId":"clara","phase":"ACTIVE_TREATMENT",
                  "nextSession":{"id":"s-1","startsAt":"2030-01-15T10:00:00Z","confirmation":"CANCEL_REQUESTED"},
                  "overdueNotes":0,"openFlags":{"MISSED_CHECK_INS":1,"SOMETHING_NEW":1}},
                 {"clientId":"%s","episodeId":"e-2","clinicianId":"clara","phase":"ACTIVE_TREATMENT",
                  "nextSession":{"id":"s-2","startsAt":"2030-01-16T10:00:00Z","confirmation":"CONFIRMED"},
                  "overdueNotes":0,"openFlags":{}}]""".formatted(CLIENT_ID, EPISODE_ID, other));
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/flags", 200, "[]");
        FakeServices.answer("GET /sessions/notes/overdue", 200, "[]");
        FakeServices.answer("GET /sessions/notes/awaiting-cosign", 200, "[]");
        as("clara").get("/caseload").then().statusCode(200)
                .body(containsString("15 Jan 2030"), containsString("badge-cancel-requested\">Cancel requested"),
                        containsString("badge-confirmed\">Confirmed"), containsString("Check-ins missed"),
                        containsString("Something new"));
    }

    @Test
    void theNewStaffNoticesReadWellInTheInbox() {
        FakeServices.answer("GET /notifications/inbox", 200, """
                {"items":[{"id":"n-1","kind":"CHECK_IN_RISK","title":null,"clinicId":"northside","clientId":"%s",
                  "link":"/episodes/%s","createdAt":"2030-01-14T20:00:01Z","readAt":null},
                 {"id":"n-2","kind":"APPOINTMENT_CANCEL_REQUESTED","clinicId":"northside","clientId":"%s",
                  "link":"/episodes/%s","createdAt":"2030-01-14T21:00:00Z","readAt":null}],
                 "page":0,"size":20,"total":2,"unread":2}""".formatted(CLIENT_ID, EPISODE_ID, CLIENT_ID, EPISODE_ID));
        as("clara").get("/notifications").then().statusCode(200)
                .body(containsString("badge-high\">Urgent</span> A client&#39;s check-in answered a risk question: contact them now"),
                        containsString("A client asked to cancel a session (it stays booked until you change it)"),
                        not(containsString("Check in risk")));
    }
}
