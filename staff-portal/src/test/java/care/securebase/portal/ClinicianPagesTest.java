package care.securebase.portal;

import static care.securebase.portal.PagesTest.as;
import static care.securebase.portal.PagesTest.csrfCookie;
import static care.securebase.portal.PagesTest.csrfFrom;
import static care.securebase.portal.PagesTest.form;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clinician's pages against stand-in services ({@link FakeServices}): caseload and flags, the
 * episode's timeline and sessions, the note editor with signing, addenda and co-signature.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ClinicianPagesTest {

    static final String CLIENT_ID = PagesTest.CLIENT_ID;
    static final String EPISODE_ID = PagesTest.EPISODE_ID;
    static final String SESSION_ID = "8d0c1f5e-0000-4000-8000-0000000000s1";
    static final String NOTE_ID = "8d0c1f5e-0000-4000-8000-0000000000n1";
    static final String FLAG_ID = "8d0c1f5e-0000-4000-8000-0000000000a1";

    @BeforeEach
    void clean() {
        FakeServices.reset();
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID, 200, PagesTest.CLIENT);
        FakeServices.answer("GET /sessions/notes/awaiting-cosign", 200, "[]");
    }

    static void episodeWithTimeline(String phase, String next) {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, PagesTest.episode(phase, next));
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/timeline", 200, """
                [{"at":"2026-03-02T10:00:00Z","type":"INTAKE","refId":"i-1","by":null,"details":{"priority":"URGENT",
                  "riskLevel":"HIGH","modality":"INDIVIDUAL","scores":[{"scale":"total","value":17,"band":"Moderately severe",
                  "instrument":"PHQ-9"}]}},
                 {"at":"2026-03-02T10:00:01Z","type":"RISK_FLAG","refId":"r-1","details":{"level":"HIGH","source":"PHQ9_ITEM9"}},
                 {"at":"2026-03-09T10:00:00Z","type":"SESSION","refId":"%s","by":"clara","details":{"status":"ATTENDED",
                  "modality":"INDIVIDUAL","telehealth":false,"lengthMinutes":50}},
                 {"at":"2026-03-10T09:00:00Z","type":"NOTE_SIGNED","refId":"%s","by":"clara","details":{"status":"SIGNED"}},
                 {"at":"2026-03-11T09:00:00Z","type":"TREATMENT_PLAN_VERSION","refId":"v-1","by":"clara",
                  "details":{"version":2,"changes":["goals","objectives[0].status"]}},
                 {"at":"2026-03-12T09:00:00Z","type":"REFERRAL_SENT","refId":"f-1","by":"carmen",
                  "details":{"organisationId":"riverside-family","urgency":"SOON"}},
                 {"at":"2026-03-13T09:00:00Z","type":"SOMETHING_NEW","refId":"x-1","details":{}}]
                """.formatted(SESSION_ID, NOTE_ID));
        // The timeline does not carry the program (it can reveal a clinical need): referrals-service names it.
        FakeServices.answer("GET /referrals/referrals/f-1", 200, """
                {"id":"f-1","programName":"Parenting circle","programKind":"PARENTING_PROGRAM","status":"ACCEPTED"}""");
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/sessions", 200, "[" + session("ATTENDED",
                "", null, null) + "]");
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/flags", 200, """
                [{"id":"%s","kind":"RISK","episodeId":"%s","clientId":"%s","detail":"HIGH PHQ9_ITEM9",
                  "raisedAt":"2026-03-02T10:00:01Z"}]""".formatted(FLAG_ID, EPISODE_ID, CLIENT_ID));
    }

    static String session(String status, String next, String noteId, String noteStatus) {
        return """
                {"id":"%s","episodeId":"%s","clientId":"%s","clinicId":"northside","clinicianId":"clara","status":"%s",
                 "modality":"INDIVIDUAL","attendees":[{"role":"CLIENT"}],"telehealth":false,
                 "plannedStart":"2026-03-09T10:00:00Z","lengthMinutes":50,"nextStatuses":[%s],
                 "noteId":%s,"noteStatus":%s}
                """.formatted(SESSION_ID, EPISODE_ID, CLIENT_ID, status, next,
                noteId == null ? "null" : "\"" + noteId + "\"", noteStatus == null ? "null" : "\"" + noteStatus + "\"");
    }

    // --- Caseload --------------------------------------------------------------------------------

    @Test
    void caseloadPutsFlaggedClientsFirstAndNamesThem() {
        String other = "8d0c1f5e-0000-4000-8000-000000000002";
        FakeServices.answer("GET /sessions/caseload", 200, """
                [{"clientId":"%s","episodeId":"e-2","clinicianId":"clara","phase":"ACTIVE_TREATMENT",
                  "nextSession":"2030-01-15T10:00:00Z","overdueNotes":0,"openFlags":{}},
                 {"clientId":"%s","episodeId":"%s","clinicianId":"clara","phase":"MAINTENANCE",
                  "nextBooster":"2030-02-01T10:00:00Z","overdueNotes":2,"openFlags":{"RISK":1,"MISSED_BOOSTER":2}}]
                """.formatted(other, CLIENT_ID, EPISODE_ID));
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/flags", 200, """
                [{"id":"%s","kind":"RISK","episodeId":"%s","clientId":"%s","detail":"HIGH CSSRS_SCREEN",
                  "raisedAt":"2026-03-02T10:00:01Z"}]""".formatted(FLAG_ID, EPISODE_ID, CLIENT_ID));
        FakeServices.answer("GET /sessions/notes/overdue", 200, """
                [{"noteId":"%s","sessionId":"%s","episodeId":"%s","clientId":"%s","authorId":"clara",
                  "sessionStart":"2026-03-09T10:00:00Z","dueBy":"2026-03-12T10:00:00Z"}]
                """.formatted(NOTE_ID, SESSION_ID, EPISODE_ID, CLIENT_ID));
        String traineeNote = "8d0c1f5e-0000-4000-8000-0000000000c5";
        FakeServices.answer("GET /sessions/notes/awaiting-cosign", 200, """
                [{"noteId":"%s","sessionId":"%s","episodeId":"%s","clientId":"%s","authorId":"tara",
                  "sessionStart":"2026-03-10T10:00:00Z","signedAt":"2026-03-10T12:00:00Z"}]
                """.formatted(traineeNote, SESSION_ID, EPISODE_ID, CLIENT_ID));
        // The other client is not visible to intake: named by the short id, the page still works.
        String html = as("clara").get("/caseload").then().statusCode(200)
                .body(containsString("<h1>Your caseload</h1>"), containsString("2 current clients"),
                        containsString("Missed booster (2)"), containsString("2 overdue"),
                        containsString("Client 8d0c1f5e"), containsString("High risk (Cssrs screen)"),
                        containsString("action=\"/flags/" + FLAG_ID + "/clear\""),
                        containsString("href=\"/notes/" + NOTE_ID + "\""), containsString("None booked"),
                        containsString("Notes awaiting co-signature"), containsString("href=\"/notes/" + traineeNote + "\""))
                .extract().asString();
        assertTrue(html.indexOf(">Jo</a>") < html.indexOf(">Client 8d0c1f5e</a>"), "the flagged client first");
        assertEquals("Bearer " + KeycloakTokens.of("clara"),
                FakeServices.last("GET /sessions/caseload").header("Authorization"));
    }

    @Test
    void aClinicsCaseloadIsReadPageByPage() {
        FakeServices.answer("GET /sessions/caseload", 200, """
                [{"clientId":"%s","episodeId":"%s","clinicianId":"tara","phase":"ACTIVE_TREATMENT",
                  "overdueNotes":0,"openFlags":{}}]""".formatted(CLIENT_ID, EPISODE_ID), Map.of("X-Total-Count", "120"));
        FakeServices.answer("GET /sessions/notes/overdue", 200, "[]");
        FakeServices.answer("GET /sessions/notes/awaiting-cosign", 200, "[]");
        as("clara").queryParam("clinicianId", "tara").queryParam("page", 2).get("/caseload").then().statusCode(200)
                .body(containsString("120 current clients of tara, 101–101 on this page"),
                        containsString("href=\"/caseload?clinicianId=tara&amp;page=1\""),
                        not(containsString("page=3")));
        assertEquals("clinicianId=tara&page=2&size=50", FakeServices.last("GET /sessions/caseload").query());
    }

    @Test
    void clearingAFlagGoesBackToThePageItWasOn() {
        FakeServices.answer("POST /sessions/flags/" + FLAG_ID + "/clear", 200, "{\"id\":\"" + FLAG_ID + "\"}");
        form("clara", csrfCookie("clara")).formParam("back", "/episodes/" + EPISODE_ID)
                .post("/flags/" + FLAG_ID + "/clear")
                .then().statusCode(303).header("Location", containsString("/episodes/" + EPISODE_ID + "?done=flag"));
        // Somewhere else is not a place to go back to.
        FakeServices.answer("POST /sessions/flags/" + FLAG_ID + "/clear", 409,
                "{\"status\":409,\"detail\":\"The flag is cleared already\"}");
        form("clara", csrfCookie("clara")).formParam("back", "//evil.example.org")
                .post("/flags/" + FLAG_ID + "/clear")
                .then().statusCode(303).header("Location", containsString("/caseload?done=flag"));
        form("ada", csrfCookie("ada")).post("/flags/" + FLAG_ID + "/clear").then().statusCode(403);
    }

    // --- Episode ---------------------------------------------------------------------------------

    @Test
    void episodePageIsBuiltAroundTheTimeline() {
        episodeWithTimeline("ACTIVE_TREATMENT", "\"DISCHARGED\",\"MAINTENANCE\"");
        as("clara").get("/episodes/" + EPISODE_ID).then().statusCode(200)
                .body(containsString("<h1>Jo <span class=\"muted\">– Active treatment</span></h1>"),
                        containsString("PHQ-9 total 17 (Moderately severe)"),
                        containsString("High risk (Phq9 item9)"),
                        containsString("Session attended"), containsString("href=\"/notes/" + NOTE_ID + "\">Note signed"),
                        containsString("Treatment plan version 2"), containsString("Changed: goals, objectives[0].status"),
                        containsString("Referral sent"), containsString("Parenting circle, soon"),
                        containsString("Something new"),
                        containsString("href=\"/sessions/" + SESSION_ID + "/note\""),
                        containsString("Book a session"), containsString("Move to maintenance"),
                        containsString("Discharge the client"),
                        containsString("action=\"/flags/" + FLAG_ID + "/clear\""));
        // The maintenance form suggests boosters 1, 3, 6 and 12 months out.
        String html = as("clara").get("/episodes/" + EPISODE_ID).asString();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"));
        assertTrue(html.contains("value=\"" + today.plusMonths(12) + "\""), "a year from today is suggested");
        // The clinic-admin reads without forms, and without links to notes and plans (not theirs to read).
        as("ada").get("/episodes/" + EPISODE_ID).then().statusCode(200)
                .body(containsString("Session attended"), not(containsString("Book a session")),
                        not(containsString("href=\"/notes/")), not(containsString("/treatment-plan")),
                        not(containsString("/flags/" + FLAG_ID + "/clear")), not(containsString("Write note")));
    }

    @Test
    void bookingASessionSendsTheInstantAndTheAttendees() {
        episodeWithTimeline("ACTIVE_TREATMENT", "\"DISCHARGED\"");
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/sessions", 201, session("SCHEDULED",
                "\"ATTENDED\"", null, null));
        String csrf = csrfFrom("clara", "/episodes/" + EPISODE_ID);
        form("clara", csrf).formParam("plannedDate", "2030-07-01").formParam("plannedTime", "14:30")
                .formParam("lengthMinutes", "50").formParam("modality", "COUPLE").formParam("telehealth", "true")
                .formParam("attendeeRole", "PARTNER").formParam("attendeeRole", "").formParam("attendeeRole", "")
                .formParam("attendeeName", "Sam").formParam("attendeeName", "").formParam("attendeeName", "")
                .post("/episodes/" + EPISODE_ID + "/sessions")
                .then().statusCode(303).header("Location", containsString("?done=session"));
        String sent = FakeServices.last("POST /sessions/episodes/" + EPISODE_ID + "/sessions").body();
        assertEquals("{\"plannedStart\":\"2030-07-01T13:30:00Z\",\"lengthMinutes\":50,\"modality\":\"COUPLE\","
                + "\"telehealth\":true,\"attendees\":[{\"role\":\"CLIENT\",\"name\":null},{\"role\":\"PARTNER\","
                + "\"name\":\"Sam\"}]}", sent);
    }

    @Test
    void aSessionTheServiceRefusesShowsTheErrorsOnTheForm() {
        episodeWithTimeline("ACTIVE_TREATMENT", "\"DISCHARGED\"");
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/sessions", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"lengthMinutes\",\"message\":\"must be less than or equal to 240\"}]}");
        form("clara", csrfCookie("clara")).formParam("plannedDate", "2030-07-01").formParam("plannedTime", "14:30")
                .formParam("lengthMinutes", "500").formParam("modality", "INDIVIDUAL")
                .post("/episodes/" + EPISODE_ID + "/sessions")
                .then().statusCode(400)
                .body(containsString("<a href=\"#lengthMinutes\">Length minutes: must be less than or equal to 240</a>"),
                        containsString("value=\"500\""), containsString("<details class=\"book-session\" open>"));
        // A day the portal cannot read never reaches the service.
        FakeServices.reset();
        episodeWithTimeline("ACTIVE_TREATMENT", "\"DISCHARGED\"");
        form("clara", csrfCookie("clara")).formParam("plannedDate", "").formParam("plannedTime", "14:30")
                .post("/episodes/" + EPISODE_ID + "/sessions")
                .then().statusCode(400).body(containsString("Day and time: give the day and the time"));
        assertNull(FakeServices.last("POST /sessions/episodes/" + EPISODE_ID + "/sessions"));
    }

    @Test
    void reportedWarningSignsAreSentByPosition() {
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/maintenance/warning-signs", 201,
                "{\"id\":\"f-9\",\"kind\":\"WARNING_SIGN\"}");
        form("clara", csrfCookie("clara")).formParam("reported", "0").formParam("reported", "2")
                .post("/episodes/" + EPISODE_ID + "/warning-signs")
                .then().statusCode(303).header("Location", containsString("?done=warnings"));
        assertEquals("{\"reported\":[0,2]}",
                FakeServices.last("POST /sessions/episodes/" + EPISODE_ID + "/maintenance/warning-signs").body());
        episodeWithTimeline("MAINTENANCE", "\"DISCHARGED\"");
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/maintenance", 200, """
                {"id":"m-1","episodeId":"%s","relapseWarningSigns":["sleeping badly","withdrawing"],
                 "copingTools":["call a friend"],"supports":[],"boosters":[{"id":"b-1","dueAt":"2020-01-01T10:00:00Z",
                 "status":"SCHEDULED"}],"createdBy":"clara","createdAt":"2026-03-02T10:00:00Z"}""".formatted(EPISODE_ID));
        form("clara", csrfCookie("clara")).post("/episodes/" + EPISODE_ID + "/warning-signs")
                .then().statusCode(400).body(containsString("tick the signs the client reported"),
                        containsString("<label class=\"inline-label\" for=\"reported-1\">withdrawing</label>"),
                        containsString("action=\"/episodes/" + EPISODE_ID + "/boosters/b-1/missed\""),
                        containsString("name=\"boosterDate\" value=\"2020-01-01\""));
    }

    @Test
    void markingASessionAttended() {
        FakeServices.answer("POST /sessions/sessions/" + SESSION_ID + "/status", 200, session("ATTENDED", "", null, null));
        form("clara", csrfCookie("clara")).formParam("status", "ATTENDED")
                .post("/episodes/" + EPISODE_ID + "/sessions/" + SESSION_ID + "/status")
                .then().statusCode(303).header("Location", containsString("?done=status"));
        assertEquals("{\"status\":\"ATTENDED\"}", FakeServices.last("POST /sessions/sessions/" + SESSION_ID + "/status").body());
    }

    @Test
    void editingTheBoosterScheduleKeepsIdsAndDropsClearedDates() {
        FakeServices.answer("PUT /sessions/episodes/" + EPISODE_ID + "/maintenance/boosters", 200, "[]");
        form("clara", csrfCookie("clara"))
                .formParam("boosterId", "b-1").formParam("boosterDate", "2030-07-01")
                .formParam("boosterId", "b-2").formParam("boosterDate", "")
                .formParam("boosterId", "").formParam("boosterDate", "2030-12-01")
                .post("/episodes/" + EPISODE_ID + "/boosters")
                .then().statusCode(303).header("Location", containsString("?done=boosters"));
        assertEquals("{\"boosters\":[{\"id\":\"b-1\",\"dueAt\":\"2030-07-01T09:00:00Z\"},{\"id\":null,"
                        + "\"dueAt\":\"2030-12-01T10:00:00Z\"}]}",
                FakeServices.last("PUT /sessions/episodes/" + EPISODE_ID + "/maintenance/boosters").body());
    }

    // --- Notes -----------------------------------------------------------------------------------

    static String note(String status, String author) {
        return """
                {"id":"%s","sessionId":"%s","episodeId":"%s","clientId":"%s","authorId":"%s","format":"DAP",
                 "sections":["data","assessment","plan"],"status":"%s",
                 "content":{"sections":{"data":"Arrived tense","assessment":"Fear of being left","plan":"Practise the pause"},
                  "triggers":["partner late home"],"rupture":{"kind":"WITHDRAWAL","repaired":true,"text":"Went quiet"},
                  "regulationSkills":["paced breathing"],"homework":{"set":"Notice the body","reviewed":"Done twice"},
                  "riskCheck":{"level":"LOW","text":"No plans"},"objectiveProgress":[{"objectiveId":"o-1","progress":"Named one"}]},
                 "createdAt":"2026-03-09T11:00:00Z","signedAt":%s,
                 "addenda":[{"id":"a-1","authorId":"clara","createdAt":"2026-03-11T09:00:00Z","text":"Homework was for two weeks"}]}
                """.formatted(NOTE_ID, SESSION_ID, EPISODE_ID, CLIENT_ID, author, status,
                "DRAFT".equals(status) ? "null" : "\"2026-03-10T09:00:00Z\"");
    }

    static void plan() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/treatment-plan", 200, """
                {"episodeId":"%s","version":1,"plan":{"goals":["Stop panicking when Sam is late"],
                 "objectives":[{"id":"o-1","description":"Identify three core triggers","status":"IN_PROGRESS"},
                               {"id":"o-2","description":"Old objective","status":"DISCONTINUED"}],
                 "interventions":[{"kind":"EMOTIONALLY_FOCUSED"}]},"changedBy":"clara","changedAt":"2026-03-03T09:00:00Z",
                 "changes":[]}""".formatted(EPISODE_ID));
    }

    @Test
    void aNewNoteUsesTheClinicsFormatAndThePlansObjectives() {
        FakeServices.answer("GET /sessions/sessions/" + SESSION_ID, 200, session("ATTENDED", "", null, null));
        FakeServices.answer("GET /sessions/settings", 200, "{\"clinicId\":\"northside\",\"noteFormat\":\"SOAP\",\"overdueNoteDays\":3}");
        plan();
        as("clara").get("/sessions/" + SESSION_ID + "/note").then().statusCode(200)
                .body(containsString("SOAP note"), containsString("<label for=\"sections.subjective\">Subjective"),
                        containsString("name=\"sections.objective\""), not(containsString("name=\"sections.data\"")),
                        containsString("<label for=\"progress-0\">Identify three core triggers</label>"),
                        not(containsString("Old objective")), containsString("action=\"/sessions/" + SESSION_ID + "/note\""),
                        containsString("<label for=\"riskCheck.level\">"), containsString("Sign note"));
        // A session whose note exists leads to the note.
        FakeServices.answer("GET /sessions/sessions/" + SESSION_ID, 200, session("ATTENDED", "", NOTE_ID, "DRAFT"));
        as("clara").get("/sessions/" + SESSION_ID + "/note").then().statusCode(303)
                .header("Location", containsString("/notes/" + NOTE_ID));
    }

    @Test
    void savingADraftSendsTheNoteAsTheServiceReadsIt() {
        FakeServices.answer("GET /sessions/sessions/" + SESSION_ID, 200, session("ATTENDED", "", null, null));
        FakeServices.answer("GET /sessions/settings", 200, "{\"clinicId\":\"northside\",\"noteFormat\":\"DAP\",\"overdueNoteDays\":3}");
        FakeServices.answer("POST /sessions/sessions/" + SESSION_ID + "/note", 201, note("DRAFT", "clara"));
        form("clara", csrfCookie("clara"))
                .formParam("sections.data", "Arrived tense").formParam("sections.assessment", "")
                .formParam("sections.subjective", "not of this format")
                .formParam("triggers", "partner late home\n\nwork")
                .formParam("rupture.kind", "WITHDRAWAL").formParam("rupture.repaired", "true")
                .formParam("rupture.text", "").formParam("regulationSkills", "")
                .formParam("homework.set", "Notice the body").formParam("homework.reviewed", "")
                .formParam("riskCheck.level", "LOW").formParam("riskCheck.text", "")
                .formParam("objectiveId", "o-1").formParam("progress", "Named one")
                .formParam("action", "save")
                .post("/sessions/" + SESSION_ID + "/note")
                .then().statusCode(303).header("Location", containsString("/notes/" + NOTE_ID + "?done=saved"));
        assertEquals("{\"sections\":{\"data\":\"Arrived tense\"},\"triggers\":[\"partner late home\",\"work\"],"
                        + "\"rupture\":{\"kind\":\"WITHDRAWAL\",\"repaired\":true},\"regulationSkills\":[],"
                        + "\"homework\":{\"set\":\"Notice the body\"},\"riskCheck\":{\"level\":\"LOW\"},"
                        + "\"objectiveProgress\":[{\"objectiveId\":\"o-1\",\"progress\":\"Named one\"}]}",
                FakeServices.last("POST /sessions/sessions/" + SESSION_ID + "/note").body());
        assertNull(FakeServices.last("POST /sessions/notes/" + NOTE_ID + "/sign"), "saving does not sign");
    }

    @Test
    void signingNeedsTheTickAndThenSavesAndSigns() {
        FakeServices.answer("GET /sessions/notes/" + NOTE_ID, 200, note("DRAFT", "clara"));
        FakeServices.answer("GET /sessions/sessions/" + SESSION_ID, 200, session("ATTENDED", "", NOTE_ID, "DRAFT"));
        plan();
        form("clara", csrfCookie("clara")).formParam("sections.data", "Arrived tense").formParam("action", "sign")
                .post("/notes/" + NOTE_ID)
                .then().statusCode(400)
                .body(containsString("<a href=\"#confirmSign\">Confirm: tick the box to confirm"),
                        containsString(">Arrived tense</textarea>"));
        assertNull(FakeServices.last("PUT /sessions/notes/" + NOTE_ID), "nothing saved without the tick");

        FakeServices.answer("PUT /sessions/notes/" + NOTE_ID, 200, note("DRAFT", "clara"));
        FakeServices.answer("POST /sessions/notes/" + NOTE_ID + "/sign", 200, note("SIGNED", "clara"));
        form("clara", csrfCookie("clara")).formParam("sections.data", "Arrived tense").formParam("action", "sign")
                .formParam("confirmSign", "yes")
                .post("/notes/" + NOTE_ID)
                .then().statusCode(303).header("Location", containsString("/notes/" + NOTE_ID + "?done=signed"));
        assertTrue(FakeServices.last("PUT /sessions/notes/" + NOTE_ID).body().contains("\"data\":\"Arrived tense\""));
    }

    @Test
    void aNoteThatCannotBeSignedYetIsSavedAndNamesTheMissingSection() {
        FakeServices.answer("GET /sessions/notes/" + NOTE_ID, 200, note("DRAFT", "clara"));
        FakeServices.answer("GET /sessions/sessions/" + SESSION_ID, 200, session("ATTENDED", "", NOTE_ID, "DRAFT"));
        FakeServices.answer("PUT /sessions/notes/" + NOTE_ID, 200, note("DRAFT", "clara"));
        FakeServices.answer("POST /sessions/notes/" + NOTE_ID + "/sign", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"sections.plan\",\"message\":\"must be written to sign the note\"},"
                        + "{\"field\":\"riskCheck\",\"message\":\"is required to sign the note\"}]}");
        plan();
        form("clara", csrfCookie("clara")).formParam("sections.data", "Arrived tense").formParam("action", "sign")
                .formParam("confirmSign", "yes")
                .post("/notes/" + NOTE_ID)
                .then().statusCode(400)
                .body(containsString("The draft is saved, but it cannot be signed yet."),
                        containsString("<a href=\"#sections.plan\">Plan: must be written to sign the note</a>"),
                        containsString("id=\"sections.plan-error\""),
                        containsString("<a href=\"#riskCheck.level\">Risk check: is required to sign the note</a>"));
    }

    @Test
    void aSignedNoteIsReadOnlyWithItsAddenda() {
        FakeServices.answer("GET /sessions/notes/" + NOTE_ID, 200, note("SIGNED", "clara"));
        FakeServices.answer("GET /sessions/sessions/" + SESSION_ID, 200, session("ATTENDED", "", NOTE_ID, "SIGNED"));
        plan();
        as("clara").get("/notes/" + NOTE_ID + "?done=signed").then().statusCode(200)
                .body(containsString("The note is signed."), containsString("badge-signed\">Signed"),
                        containsString("Arrived tense"), containsString("Withdrawal, repaired"),
                        containsString("<dt>Identify three core triggers</dt><dd>Named one</dd>"),
                        containsString("Homework was for two weeks"), containsString("Add addendum"),
                        not(containsString("<textarea id=\"sections.data\"")), not(containsString("Co-sign the note")));
        FakeServices.answer("POST /sessions/notes/" + NOTE_ID + "/addenda", 201, "{\"id\":\"a-2\"}");
        form("clara", csrfCookie("clara")).formParam("text", "  The partner joined late  ")
                .post("/notes/" + NOTE_ID + "/addenda")
                .then().statusCode(303).header("Location", containsString("?done=addendum"));
        assertEquals("{\"text\":\"The partner joined late\"}",
                FakeServices.last("POST /sessions/notes/" + NOTE_ID + "/addenda").body());
        form("clara", csrfCookie("clara")).formParam("text", " ")
                .post("/notes/" + NOTE_ID + "/addenda")
                .then().statusCode(400).body(containsString("Text: write the addendum"));
    }

    @Test
    void aTraineesNoteAwaitsCosignAndASupervisorMayCosign() {
        FakeServices.answer("GET /sessions/notes/" + NOTE_ID, 200, note("AWAITING_COSIGN", "tara"));
        FakeServices.answer("GET /sessions/sessions/" + SESSION_ID, 200, session("ATTENDED", "", NOTE_ID, "AWAITING_COSIGN"));
        FakeServices.answer("GET /sessions/practitioners", 200, """
                [{"id":"tara","clinicId":"northside","trainee":true,"supervisor":false,"supervisorId":"clara"},
                 {"id":"clara","clinicId":"northside","trainee":false,"supervisor":true}]""");
        plan();
        as("tara").get("/notes/" + NOTE_ID).then().statusCode(200)
                .body(containsString("Awaiting co-sign"), not(containsString("Co-sign the note")));
        as("clara").get("/notes/" + NOTE_ID).then().statusCode(200)
                .body(containsString("Awaiting co-sign"), containsString("Co-sign the note"));
        FakeServices.answer("POST /sessions/notes/" + NOTE_ID + "/cosign", 200, note("SIGNED", "tara"));
        form("clara", csrfCookie("clara")).post("/notes/" + NOTE_ID + "/cosign")
                .then().statusCode(303).header("Location", containsString("?done=cosigned"));
    }

    // --- Treatment plan --------------------------------------------------------------------------

    @Test
    void theTreatmentPlanWithItsVersions() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, PagesTest.episode("ACTIVE_TREATMENT", ""));
        plan();
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/treatment-plan/versions", 200, """
                [{"version":1,"changedBy":"clara","changedAt":"2026-03-03T09:00:00Z","changes":[]},
                 {"version":2,"changedBy":"clara","changedAt":"2026-03-10T09:00:00Z","changes":["goals","objectives[0].status"]}]""");
        as("clara").get("/episodes/" + EPISODE_ID + "/treatment-plan").then().statusCode(200)
                .body(containsString("Stop panicking when Sam is late"), containsString("Identify three core triggers"),
                        containsString("Emotionally focused"), containsString("First version"),
                        containsString("Goals, Objectives[0].status"), containsString("Review the plan"));
        // No plan yet: an invitation to write one.
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/treatment-plan", 404, "{\"status\":404}");
        as("clara").get("/episodes/" + EPISODE_ID + "/treatment-plan").then().statusCode(200)
                .body(containsString("no treatment plan yet"), containsString("Write the treatment plan"));
        as("ada").get("/episodes/" + EPISODE_ID + "/treatment-plan").then().statusCode(403);
    }

    @Test
    void reviewingThePlanSendsRowsThatAreFilledIn() {
        FakeServices.answer("PUT /sessions/episodes/" + EPISODE_ID + "/treatment-plan", 200, "{\"version\":2}");
        form("clara", csrfCookie("clara"))
                .formParam("goals", "Stop panicking\n\nFeel closer")
                .formParam("objectiveId", "o-1").formParam("objectiveDescription", "Identify triggers")
                .formParam("objectiveStatus", "ACHIEVED").formParam("objectiveTargetDate", "2030-04-30")
                .formParam("objectiveMilestones", "2030-02-14 Named a trigger in session")
                .formParam("objectiveId", "").formParam("objectiveDescription", "")
                .formParam("objectiveStatus", "NOT_STARTED").formParam("objectiveTargetDate", "")
                .formParam("objectiveMilestones", "")
                .formParam("interventionKind", "OTHER").formParam("interventionDetail", "Letter writing")
                .formParam("interventionKind", "").formParam("interventionDetail", "")
                .formParam("reviewBy", "2030-06-30")
                .post("/episodes/" + EPISODE_ID + "/treatment-plan")
                .then().statusCode(303).header("Location", containsString("/treatment-plan?done=saved"));
        assertEquals("{\"goals\":[\"Stop panicking\",\"Feel closer\"],\"objectives\":[{\"id\":\"o-1\","
                        + "\"description\":\"Identify triggers\",\"status\":\"ACHIEVED\",\"targetDate\":\"2030-04-30\","
                        + "\"milestones\":[{\"description\":\"Named a trigger in session\",\"reachedOn\":\"2030-02-14\"}]}],"
                        + "\"interventions\":[{\"kind\":\"OTHER\",\"detail\":\"Letter writing\"}],\"reviewBy\":\"2030-06-30\"}",
                FakeServices.last("PUT /sessions/episodes/" + EPISODE_ID + "/treatment-plan").body());
    }

    @Test
    void planErrorsLandOnTheRowTheyCameFrom() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, PagesTest.episode("ACTIVE_TREATMENT", ""));
        plan();
        FakeServices.answer("PUT /sessions/episodes/" + EPISODE_ID + "/treatment-plan", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"objectives[0].description\",\"message\":\"must not be blank\"}]}");
        // The first row is empty and left out: the service's objectives[0] is the page's second row.
        form("clara", csrfCookie("clara")).formParam("goals", "Stop panicking")
                .formParam("objectiveId", "").formParam("objectiveDescription", "")
                .formParam("objectiveStatus", "NOT_STARTED").formParam("objectiveTargetDate", "")
                .formParam("objectiveMilestones", "")
                .formParam("objectiveId", "o-1").formParam("objectiveDescription", " ")
                .formParam("objectiveStatus", "IN_PROGRESS").formParam("objectiveTargetDate", "")
                .formParam("objectiveMilestones", "")
                .post("/episodes/" + EPISODE_ID + "/treatment-plan")
                .then().statusCode(400)
                .body(containsString("<a href=\"#objective-1-description\">Objective 2: is required</a>"),
                        containsString("id=\"objective-1-description-error\""));
        // A milestone without its day never reaches the service.
        FakeServices.reset();
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID, 200, PagesTest.CLIENT);
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, PagesTest.episode("ACTIVE_TREATMENT", ""));
        plan();
        form("clara", csrfCookie("clara")).formParam("goals", "Stop panicking")
                .formParam("objectiveId", "o-1").formParam("objectiveDescription", "Identify triggers")
                .formParam("objectiveStatus", "IN_PROGRESS").formParam("objectiveTargetDate", "")
                .formParam("objectiveMilestones", "Named a trigger last week")
                .post("/episodes/" + EPISODE_ID + "/treatment-plan")
                .then().statusCode(400).body(containsString("Objective 1 milestones: start each line with the day"));
        assertNull(FakeServices.last("PUT /sessions/episodes/" + EPISODE_ID + "/treatment-plan"));
    }

    // --- Safety plan -----------------------------------------------------------------------------

    static final String SAFETY_PLAN = """
            {"id":"sp-2","clientId":"%s","version":2,"plan":{"warningSigns":["Not answering messages"],
             "copingStrategies":["Paced breathing"],"peopleAndPlaces":[{"name":"The library"}],"helpers":[],
             "professionals":[{"name":"Samaritans","contact":"116 123"}],"saferEnvironment":[]},
             "changedBy":"clara","changedAt":"2026-03-10T09:00:00Z"}""".formatted(CLIENT_ID);

    @Test
    void theSafetyPlanItsVersionsAndThePrintablePage() {
        FakeServices.answer("GET /sessions/clients/" + CLIENT_ID + "/safety-plan", 200, SAFETY_PLAN);
        FakeServices.answer("GET /sessions/clients/" + CLIENT_ID + "/safety-plan/versions", 200, """
                [{"id":"sp-1","version":1,"changedBy":"clara","changedAt":"2026-03-03T09:00:00Z"},
                 {"id":"sp-2","version":2,"changedBy":"clara","changedAt":"2026-03-10T09:00:00Z"}]""");
        as("clara").get("/clients/" + CLIENT_ID + "/safety-plan?episodeId=" + EPISODE_ID).then().statusCode(200)
                .body(containsString("Safety plan: Jo"), containsString("Samaritans – 116 123"),
                        containsString("Version 2, by clara"), containsString("safety-plan?version=1&amp;episodeId="),
                        containsString("href=\"/clients/" + CLIENT_ID + "/safety-plan/print\""),
                        containsString("href=\"/episodes/" + EPISODE_ID + "\">Back to the episode"));
        FakeServices.answerHtml("GET /sessions/clients/" + CLIENT_ID + "/safety-plan/print",
                "<!DOCTYPE html><title>My safety plan</title><h1>My safety plan</h1>");
        as("clara").get("/clients/" + CLIENT_ID + "/safety-plan/print").then().statusCode(200)
                .contentType(containsString("text/html")).header("Cache-Control", "no-store")
                .body(containsString("<h1>My safety plan</h1>"));
    }

    @Test
    void aNewSafetyPlanVersionSendsTheContactsThatAreFilledIn() {
        FakeServices.answer("PUT /sessions/clients/" + CLIENT_ID + "/safety-plan", 200, SAFETY_PLAN);
        form("clara", csrfCookie("clara")).formParam("episodeId", EPISODE_ID)
                .formParam("warningSigns", "Not answering messages").formParam("copingStrategies", "Paced breathing")
                .formParam("peopleAndPlacesName", "The library").formParam("peopleAndPlacesContact", "")
                .formParam("peopleAndPlacesName", "").formParam("peopleAndPlacesContact", "")
                .formParam("professionalsName", "Samaritans").formParam("professionalsContact", "116 123")
                .formParam("saferEnvironment", "")
                .post("/clients/" + CLIENT_ID + "/safety-plan")
                .then().statusCode(303).header("Location", containsString("safety-plan?done=saved&episodeId=" + EPISODE_ID));
        assertEquals("{\"warningSigns\":[\"Not answering messages\"],\"copingStrategies\":[\"Paced breathing\"],"
                        + "\"peopleAndPlaces\":[{\"name\":\"The library\"}],\"helpers\":[],"
                        + "\"professionals\":[{\"name\":\"Samaritans\",\"contact\":\"116 123\"}],\"saferEnvironment\":[]}",
                FakeServices.last("PUT /sessions/clients/" + CLIENT_ID + "/safety-plan").body());
        FakeServices.answer("GET /sessions/clients/" + CLIENT_ID + "/safety-plan", 404, "{\"status\":404}");
        FakeServices.answer("PUT /sessions/clients/" + CLIENT_ID + "/safety-plan", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"professionals\",\"message\":\"must not be empty\"}]}");
        form("clara", csrfCookie("clara")).formParam("warningSigns", "x").formParam("copingStrategies", "y")
                .post("/clients/" + CLIENT_ID + "/safety-plan")
                .then().statusCode(400)
                .body(containsString("<a href=\"#professionals\">Professionals and crisis lines: needs at least one entry</a>"));
    }

    // --- Outcomes --------------------------------------------------------------------------------

    static final String PHQ9 = """
            {"code":"PHQ-9","version":1,"title":"Patient Health Questionnaire","licence":{"name":"Public domain",
             "itemTextReproducible":true},"items":[
              {"number":1,"text":"Little interest","options":[{"value":0,"label":"Not at all"},{"value":3,"label":"Nearly every day"}]},
              {"number":2,"text":"Feeling down","options":[{"value":0,"label":"Not at all"},{"value":3,"label":"Nearly every day"}]}],
             "scales":[{"code":"total","title":"Total","method":"SUM","items":[1,2],
               "bands":[{"from":0,"label":"Minimal"},{"from":3,"label":"Mild"}]}],"riskRules":[]}""";

    static void outcomes(String result) {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, PagesTest.episode("ACTIVE_TREATMENT", ""));
        FakeServices.answer("GET /intake/instruments", 200,
                "[{\"code\":\"PHQ-9\",\"version\":1,\"title\":\"Patient Health Questionnaire\",\"latest\":true}]");
        FakeServices.answer("GET /intake/instruments/PHQ-9", 200, PHQ9);
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/outcomes", 200, """
                [{"instrument":"PHQ-9","scale":"total","trajectory":[
                   {"at":"2026-03-02T10:00:00Z","value":6,"band":"Mild","intake":true},
                   {"at":"2026-04-02T10:00:00Z","value":1.50,"band":"Minimal","intake":false}],
                  "baseline":{"at":"2026-03-02T10:00:00Z","value":6,"band":"Mild","intake":true},
                  "latest":{"at":"2026-04-02T10:00:00Z","value":1.50,"band":"Minimal","intake":false},
                  "reliableChange":"%s"}]""".formatted(result));
    }

    @Test
    void outcomeChartsAreSvgWithATableAndTheResultInWords() {
        outcomes("IMPROVED");
        as("clara").get("/episodes/" + EPISODE_ID + "/outcomes").then().statusCode(200)
                .body(containsString("<svg viewBox=\"0 0 640 280\" role=\"img\" aria-labelledby=\"chart-0-title chart-0-desc\""),
                        containsString("<title id=\"chart-0-title\">PHQ-9 total over time</title>"),
                        containsString("2 scores, from 6 on 2 Mar 2026, 10:00 to 1.5 on 2 Apr 2026, 11:00."),
                        containsString("Reliably improved since the baseline"),
                        containsString("<polyline class=\"line\""), containsString("class=\"baseline\""),
                        containsString(">Baseline 6</text>"), containsString(">Mild</text>"),
                        containsString("<caption>PHQ-9 total over time: the scores</caption>"),
                        containsString("<label for=\"instr-0-1\">1. Little interest</label>"),
                        containsString("hx-post=\"/episodes/" + EPISODE_ID + "/outcomes/score\""));
        outcomes("DETERIORATED");
        as("clara").get("/episodes/" + EPISODE_ID + "/outcomes").then().statusCode(200)
                .body(containsString("badge-deteriorated\">Reliably deteriorated since the baseline"));
    }

    @Test
    void recordingAReAdministration() {
        outcomes("NO_RELIABLE_CHANGE");
        // Unanswered questions are named before anything is sent.
        form("clara", csrfCookie("clara")).formParam("instrument", "PHQ-9").formParam("answers", "3")
                .formParam("answers", "")
                .post("/episodes/" + EPISODE_ID + "/outcomes")
                .then().statusCode(400).body(containsString("choose an answer for item 2"),
                        containsString("id=\"instr-0-2-error\""));
        assertNull(FakeServices.last("POST /sessions/episodes/" + EPISODE_ID + "/outcomes"));
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/outcomes", 201, "{\"administrationId\":\"a-1\"}");
        form("clara", csrfCookie("clara")).formParam("instrument", "PHQ-9").formParam("answers", "3")
                .formParam("answers", "0")
                .post("/episodes/" + EPISODE_ID + "/outcomes")
                .then().statusCode(303).header("Location", containsString("/outcomes?done=recorded"));
        assertEquals("{\"instrument\":\"PHQ-9\",\"version\":1,\"answers\":[3,0]}",
                FakeServices.last("POST /sessions/episodes/" + EPISODE_ID + "/outcomes").body());
        // The service's answers[1] is shown on the page's question 2.
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/outcomes", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"answers[1]\",\"message\":\"is not an option of item 2\"}]}");
        form("clara", csrfCookie("clara")).formParam("instrument", "PHQ-9").formParam("answers", "0")
                .formParam("answers", "3")
                .post("/episodes/" + EPISODE_ID + "/outcomes")
                .then().statusCode(400).body(containsString("id=\"instr-0-2-error\""),
                        containsString("is not an option of item 2"));
        // The running score, as on the intake form.
        form("clara", csrfCookie("clara")).formParam("instrument", "PHQ-9").formParam("answers", "3")
                .formParam("answers", "3")
                .post("/episodes/" + EPISODE_ID + "/outcomes/score")
                .then().statusCode(200).body(containsString("<strong>6</strong>"), containsString("Mild"));
    }

    // --- Accessibility ---------------------------------------------------------------------------

    @Test
    void everyFieldHasALabelAndHeadingsGoInOrder() {
        episodeWithTimeline("ACTIVE_TREATMENT", "\"DISCHARGED\",\"MAINTENANCE\"");
        FakeServices.answer("GET /sessions/sessions/" + SESSION_ID, 200, session("ATTENDED", "", null, null));
        FakeServices.answer("GET /sessions/settings", 200, "{\"clinicId\":\"northside\",\"noteFormat\":\"DAP\",\"overdueNoteDays\":3}");
        plan();
        FakeServices.answer("GET /sessions/clients/" + CLIENT_ID + "/safety-plan", 200, SAFETY_PLAN);
        FakeServices.answer("GET /sessions/caseload", 200, "[]");
        FakeServices.answer("GET /sessions/notes/overdue", 200, "[]");
        for (String page : java.util.List.of("/caseload", "/episodes/" + EPISODE_ID, "/sessions/" + SESSION_ID + "/note",
                "/episodes/" + EPISODE_ID + "/treatment-plan/edit", "/clients/" + CLIENT_ID + "/safety-plan/edit")) {
            String html = as("clara").get(page).then().statusCode(200).extract().asString();
            checkLabels(page, html);
            checkHeadings(page, html);
        }
        outcomes("IMPROVED");
        String html = as("clara").get("/episodes/" + EPISODE_ID + "/outcomes").asString();
        checkLabels("outcomes", html);
        checkHeadings("outcomes", html);
    }

    static void checkLabels(String page, String html) {
        java.util.regex.Matcher field = java.util.regex.Pattern
                .compile("<(input|select|textarea)\\b([^>]*)>").matcher(html);
        while (field.find()) {
            String attributes = field.group(2);
            if (attributes.contains("type=\"hidden\"")) {
                continue;
            }
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\\bid=\"([^\"]+)\"").matcher(attributes);
            assertTrue(id.find(), page + ": a field without id: " + field.group());
            assertTrue(html.contains("<label for=\"" + id.group(1) + "\"") || html.contains("<label class=\"inline-label\" for=\""
                    + id.group(1) + "\""), page + ": no label for " + id.group(1));
        }
    }

    static void checkHeadings(String page, String html) {
        java.util.regex.Matcher heading = java.util.regex.Pattern.compile("<h([1-6])\\b").matcher(html);
        int last = 0;
        while (heading.find()) {
            int level = Integer.parseInt(heading.group(1));
            assertTrue(level <= last + 1, page + ": h" + level + " after h" + last);
            last = level;
        }
        assertTrue(html.indexOf("<h1") > 0, page + ": has an h1");
    }
}
