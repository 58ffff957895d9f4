package care.securebase.portal;

import static care.securebase.portal.PagesTest.CLIENT;
import static care.securebase.portal.PagesTest.CLIENT_ID;
import static care.securebase.portal.PagesTest.REFERRAL_ID;
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
 * The care coordinator's, partner's and clinic-admin's pages and everyone's notifications, against
 * {@link FakeServices}: what is asked of the services, with which fields, and how refusals read.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class DeskPagesTest {

    static final String PROGRAM_ID = "8d0c1f5e-0000-4000-8000-0000000000a1";
    static final String PROGRAM = """
            {"id":"%s","organisationId":"riverside-family","organisationName":"Riverside Family Centre",
             "name":"Circle of Security parenting group","kind":"PARENTING_PROGRAM","description":"Eight weekly sessions",
             "services":["parenting group","childcare"],"minAge":18,"maxAge":null,"attendees":["CLIENT","PARTNER"],
             "languages":["en","es"],"area":"Riverside","delivery":"BOTH","remote":true,
             "contact":{"name":"Dana Whitfield","email":"parents@riverside.example.org","phone":null},
             "acceptingReferrals":true,"places":4,"waitlistWeeks":2,"updatedAt":"2026-03-01T09:00:00Z"}
            """.formatted(PROGRAM_ID);

    @BeforeEach
    void clean() {
        FakeServices.reset();
    }

    // --- Care coordinator: directory, send, board ----------------------------------------------------

    @Test
    void directorySearchSendsEveryCriterionAndPagesByTheTotal() {
        FakeServices.answer("GET /referrals/programs", 200, "[" + PROGRAM + "]", Map.of("X-Total-Count", "45"));
        as("carmen").get("/programs?kind=PARENTING_PROGRAM&language=es&area=river&age=34&accepting=true&remote=true&q=circle")
                .then().statusCode(200)
                .body(containsString("45 programs matching the search"),
                        containsString("href=\"/programs/" + PROGRAM_ID + "\""),
                        containsString("/referrals/new?programId=" + PROGRAM_ID),
                        containsString("en, es"), containsString("Riverside (also remote)"), containsString("18 and over"),
                        containsString("(2 weeks' wait)"),
                        containsString("<option value=\"PARENTING_PROGRAM\" selected>"),
                        containsString("id=\"accepting\" name=\"accepting\" value=\"true\" checked"),
                        containsString("<caption>"),
                        containsString("Next page"), containsString("age=34&amp;accepting=true&amp;remote=true&amp;q=circle&amp;page=1"));
        String query = FakeServices.last("GET /referrals/programs").query();
        for (String part : new String[] {"kind=PARENTING_PROGRAM", "language=es", "area=river", "age=34", "accepting=true",
                "remote=true", "q=circle", "page=0", "size=20"}) {
            assertTrue(query.contains(part), part + " in " + query);
        }
        // An age that is not a number is said next to the field, and nothing is asked.
        FakeServices.reset();
        as("carmen").get("/programs?age=ten").then().statusCode(400)
                .body(containsString("id=\"age-error\""), containsString("must be a whole number"));
        assertTrue(FakeServices.requests().isEmpty());
    }

    @Test
    void programDetailOffersTheReferralToCoordinatorsAndTheUpkeepToItsOwnPartner() {
        FakeServices.answer("GET /referrals/programs/" + PROGRAM_ID, 200, PROGRAM);
        as("carmen").get("/programs/" + PROGRAM_ID).then().statusCode(200)
                .body(containsString("<h1>Circle of Security parenting group</h1>"),
                        containsString("Refer a client to this program"), containsString("Dana Whitfield"),
                        containsString("18 and over"), not(containsString("Save availability")));
        as("sofia").get("/programs/" + PROGRAM_ID).then().statusCode(200)
                .body(not(containsString("Save availability")));
        as("sam").get("/programs/" + PROGRAM_ID).then().statusCode(200)
                .body(containsString("Save availability"), containsString("value=\"4\""),
                        not(containsString("Refer a client")));
        FakeServices.answer("PUT /referrals/programs/" + PROGRAM_ID + "/availability", 200, PROGRAM);
        String csrf = csrfFrom("sam", "/programs/" + PROGRAM_ID);
        form("sam", csrf).formParam("places", "0").formParam("waitlistWeeks", "6")
                .post("/programs/" + PROGRAM_ID + "/availability")
                .then().statusCode(303).header("Location", containsString("?done=availability"));
        FakeServices.Request put = FakeServices.last("PUT /referrals/programs/" + PROGRAM_ID + "/availability");
        assertEquals("{\"acceptingReferrals\":false,\"places\":0,\"waitlistWeeks\":6}", put.body());
        assertEquals("Bearer " + KeycloakTokens.of("sam"), put.header("Authorization"));
    }

    @Test
    void aReferralIsSentWithTheChosenClientAndSharedItems() {
        FakeServices.answer("GET /referrals/programs", 200, "[" + PROGRAM + "]");
        FakeServices.answer("GET /intake/clients", 200, "[" + CLIENT + "]");
        FakeServices.answer("POST /referrals/referrals", 201, PagesTest.referral("SENT"));
        as("carmen").get("/referrals/new?programId=" + PROGRAM_ID).then().statusCode(200)
                .body(containsString("<label for=\"clientId\">Client"),
                        containsString("<option value=\"" + CLIENT_ID + "\">Jo, born 12 Apr 1990</option>"),
                        containsString("<option value=\"" + PROGRAM_ID + "\" selected>"),
                        containsString("id=\"sharedItems-REASON\" name=\"sharedItems\" value=\"REASON\" checked"),
                        containsString("<legend>What the organisation may see</legend>"));
        // Finding a client asks intake with the words typed.
        as("carmen").get("/referrals/new?programId=" + PROGRAM_ID + "&clientQ=jo").then().statusCode(200);
        assertTrue(FakeServices.last("GET /intake/clients").query().contains("q=jo"));
        String csrf = csrfFrom("carmen", "/referrals/new");
        form("carmen", csrf).formParam("clientId", CLIENT_ID).formParam("programId", PROGRAM_ID)
                .formParam("reason", "Support with parenting").formParam("urgency", "SOON")
                .formParam("respondBy", "2030-01-31").formParam("sharedItems", "CLIENT_NAME")
                .formParam("sharedItems", "HOPES").formParam("sharedItems", "NOT_A_THING")
                .post("/referrals").then().statusCode(303);
        String sent = FakeServices.last("POST /referrals/referrals").body();
        assertTrue(sent.contains("\"sharedItems\":[\"CLIENT_NAME\",\"HOPES\"]"), sent);
    }

    @Test
    void aSendRefusedForMissingConsentSaysWhichConsent() {
        FakeServices.answer("GET /referrals/programs", 200, "[" + PROGRAM + "]");
        FakeServices.answer("GET /intake/clients", 200, "[" + CLIENT + "]");
        FakeServices.answer("POST /referrals/referrals", 409, """
                {"type":"https://securebase.care/problems/consent-missing","title":"Consent missing","status":409,
                 "detail":"The client has no current consent SHARE_PARENTING_PROGRAM to share with this kind of program; record it at intake before sending",
                 "errors":[{"field":"programId","message":"needs consent SHARE_PARENTING_PROGRAM"}]}
                """);
        String csrf = csrfFrom("carmen", "/referrals/new");
        form("carmen", csrf).formParam("clientId", CLIENT_ID).formParam("programId", PROGRAM_ID)
                .formParam("reason", "Support with parenting").formParam("urgency", "SOON")
                .formParam("respondBy", "2030-01-31")
                .post("/referrals").then().statusCode(409)
                .body(containsString("<h2>Consent missing</h2>"),
                        containsString("The client has not consented to sharing with parenting programs"),
                        containsString("needs the client&#39;s consent to share with parenting programs"),
                        containsString("(consent SHARE_PARENTING_PROGRAM)"),
                        containsString("href=\"/clients/" + CLIENT_ID + "#consents\""),
                        containsString("id=\"programId-error\""),
                        // What was typed stays.
                        containsString(">Support with parenting</textarea>"),
                        not(containsString("Exception")));
    }

    @Test
    void theSendFormSaysWhetherTheClientConsentedBeforeSending() {
        FakeServices.answer("GET /referrals/programs/" + PROGRAM_ID, 200, PROGRAM);
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID + "/consents", 200, """
                {"current":[{"id":"c-1","clientId":"%s","scope":"SHARE_SOCIAL_WORK","granted":true,"current":true,
                  "recordedAt":"2026-03-01T09:00:00Z"}],"history":[]}
                """.formatted(CLIENT_ID));
        as("carmen").get("/referrals/new/consent?clientId=" + CLIENT_ID + "&programId=" + PROGRAM_ID).then().statusCode(200)
                .body(containsString("No consent recorded"), containsString("to share with parenting programs"),
                        containsString("(SHARE_PARENTING_PROGRAM)"), containsString("href=\"/clients/" + CLIENT_ID + "#consents\""),
                        not(containsString("<html")));
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID + "/consents", 200, """
                {"current":[{"id":"c-2","clientId":"%s","scope":"SHARE_PARENTING_PROGRAM","granted":true,"current":true,
                  "recordedAt":"2026-03-01T09:00:00Z"}],"history":[]}
                """.formatted(CLIENT_ID));
        as("carmen").get("/referrals/new/consent?clientId=" + CLIENT_ID + "&programId=" + PROGRAM_ID).then().statusCode(200)
                .body(containsString("Consent given:"), containsString("1 Mar 2026, 09:00"));
        // Nothing to say until both are chosen, or when a service cannot be asked.
        FakeServices.reset();
        as("carmen").get("/referrals/new/consent?clientId=" + CLIENT_ID).then().statusCode(200).body(org.hamcrest.Matchers.emptyString());
        assertTrue(FakeServices.requests().isEmpty());
        as("carmen").get("/referrals/new/consent?clientId=" + CLIENT_ID + "&programId=" + PROGRAM_ID).then().statusCode(200)
                .body(org.hamcrest.Matchers.emptyString());
        // The form asks for it as the choices change.
        FakeServices.answer("GET /referrals/programs", 200, "[" + PROGRAM + "]");
        as("carmen").get("/referrals/new").then().statusCode(200)
                .body(containsString("hx-get=\"/referrals/new/consent\" hx-trigger=\"load, change from:#clientId, change from:#programId\""));
        as("sam").get("/referrals/new/consent?clientId=" + CLIENT_ID + "&programId=" + PROGRAM_ID).then().statusCode(403);
    }

    @Test
    void theBoardShowsEachStatusWithItsOverdueReferralsMarked() {
        FakeServices.answer("GET /referrals/referrals/board", 200, """
                {"open":3,"overdue":1,"columns":[
                  {"status":"SENT","count":2,"overdue":1,"referrals":[
                    {"id":"%1$s","clientId":"%2$s","clientName":"Jo","programName":"Parenting circle","urgency":"URGENT",
                     "respondBy":"2026-03-01","status":"SENT","since":"2026-02-20T09:00:00Z","overdue":"UNANSWERED","referredBy":"carmen"},
                    {"id":"8d0c1f5e-0000-4000-8000-0000000000f2","clientId":"%2$s","clientName":null,"programName":"Housing advice",
                     "urgency":"ROUTINE","respondBy":"2030-03-01","status":"SENT","since":"2026-02-21T09:00:00Z","overdue":null}]},
                  {"status":"ACCEPTED","count":1,"overdue":0,"referrals":[
                    {"id":"8d0c1f5e-0000-4000-8000-0000000000f3","programName":"Support group","urgency":"SOON",
                     "respondBy":"2030-03-01","status":"ACCEPTED","since":"2026-02-22T09:00:00Z","scheduledFor":null}]}]}
                """.formatted(REFERRAL_ID, CLIENT_ID));
        String page = as("carmen").get("/board?mine=true").then().statusCode(200)
                .body(containsString("<h1>Referral board</h1>"), containsString("<strong>3</strong> open"),
                        containsString("1 overdue"), containsString("Overdue: no answer"),
                        containsString("board-item is-overdue"), containsString("href=\"/referrals/" + REFERRAL_ID + "\""),
                        containsString(">Jo</a>"), containsString("id=\"mine\" name=\"mine\" value=\"true\" checked"))
                .extract().asString();
        assertTrue(page.indexOf("Parenting circle") < page.indexOf("Housing advice"), "the service's order is kept");
        assertTrue(FakeServices.last("GET /referrals/referrals/board").query().contains("mine=true"));
        as("sam").get("/board").then().statusCode(403);
    }

    @Test
    void theReferralListShowsOverdueForTheClinic() {
        FakeServices.answer("GET /referrals/referrals", 200,
                "[" + PagesTest.referral("SENT").replace("\"status\":\"SENT\",", "\"status\":\"SENT\",\"overdue\":\"UNANSWERED\",") + "]");
        as("carmen").get("/referrals").then().statusCode(200)
                .body(containsString("badge-overdue\">Overdue"), containsString("<caption>Referrals, newest first</caption>"),
                        containsString("<th scope=\"col\">Sent by</th>"));
    }

    // --- Social worker: schedule, shared details ---------------------------------------------------

    @Test
    void thePartnerSetsTheFirstAppointmentAndSeesOnlyWhatWasShared() {
        FakeServices.answer("GET /referrals/referrals/" + REFERRAL_ID, 200, PagesTest.referral("ACCEPTED").replace(
                "\"status\":\"ACCEPTED\",", "\"status\":\"ACCEPTED\",\"client\":{\"preferredName\":\"Jo\",\"language\":\"en\"},"));
        as("sam").get("/referrals/" + REFERRAL_ID).then().statusCode(200)
                .body(containsString("Set the first appointment"), containsString("type=\"date\" id=\"date\" name=\"date\""),
                        containsString("Start work with the client"), containsString("Jo<br>Language: en"),
                        not(containsString("Withdraw referral")), not(containsString("Shared with the organisation")));
        FakeServices.answer("POST /referrals/referrals/" + REFERRAL_ID + "/schedule", 200, PagesTest.referral("SCHEDULED"));
        String csrf = csrfFrom("sam", "/referrals/" + REFERRAL_ID);
        form("sam", csrf).formParam("idempotencyKey", "k-9-schedule").formParam("date", "2030-02-14")
                .formParam("note", "Tuesday 10:00 at the centre")
                .post("/referrals/" + REFERRAL_ID + "/schedule")
                .then().statusCode(303).header("Location", containsString("?done=schedule"));
        FakeServices.Request schedule = FakeServices.last("POST /referrals/referrals/" + REFERRAL_ID + "/schedule");
        assertEquals("{\"date\":\"2030-02-14\",\"note\":\"Tuesday 10:00 at the centre\"}", schedule.body());
        assertEquals("k-9-schedule", schedule.header("Idempotency-Key"));
        // A date in the past is the service's to refuse; its words land on the date field.
        FakeServices.answer("POST /referrals/referrals/" + REFERRAL_ID + "/schedule", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"date\",\"message\":\"must be a date in the present or in the future\"}]}");
        form("sam", csrf).formParam("idempotencyKey", "k-10-schedule").formParam("date", "2020-01-01")
                .post("/referrals/" + REFERRAL_ID + "/schedule")
                .then().statusCode(400).body(containsString("id=\"date-error\""), containsString("in the future"));
    }

    @Test
    void aPartnerSeesItsOwnProgramsOnly() {
        FakeServices.answer("GET /referrals/programs", 200, "[" + PROGRAM + "]");
        as("sam").get("/our-programs").then().statusCode(200)
                .body(containsString("<h1>Our programs</h1>"), containsString("Riverside Family Centre"),
                        containsString("href=\"/programs/" + PROGRAM_ID + "\""));
        assertTrue(FakeServices.last("GET /referrals/programs").query().contains("organisationId=riverside-family"));
        as("carmen").get("/our-programs").then().statusCode(403);
    }

    // --- Clinic-admin: directory upkeep, settings, failed messages, note access ------------------------

    @Test
    void anAdminAddsAnOrganisationByItsSlug() {
        FakeServices.answer("GET /referrals/organisations", 200,
                "[{\"id\":\"riverside-family\",\"name\":\"Riverside Family Centre\",\"noticeEmail\":\"intake@riverside.example.org\"}]");
        String csrf = csrfFrom("ada", "/organisations/new");
        form("ada", csrf).formParam("isNew", "true").formParam("id", "Oak Community").formParam("name", "Oak")
                .formParam("noticeEmail", "oak@example.org").post("/organisations")
                .then().statusCode(400).body(containsString("id=\"id-error\""), containsString("lower-case letters"));
        form("ada", csrf).formParam("isNew", "true").formParam("id", "riverside-family").formParam("name", "Other")
                .formParam("noticeEmail", "x@example.org").post("/organisations")
                .then().statusCode(409).body(containsString("is already used"));
        assertNull(FakeServices.last("PUT /referrals/organisations/riverside-family"));
        FakeServices.answer("PUT /referrals/organisations/oak-community", 201,
                "{\"id\":\"oak-community\",\"name\":\"Oak Community\",\"noticeEmail\":\"oak@example.org\"}");
        form("ada", csrf).formParam("isNew", "true").formParam("id", "oak-community").formParam("name", "Oak Community")
                .formParam("noticeEmail", "oak@example.org").post("/organisations")
                .then().statusCode(303).header("Location", containsString("/organisations?done=saved"));
        assertEquals("{\"name\":\"Oak Community\",\"noticeEmail\":\"oak@example.org\"}",
                FakeServices.last("PUT /referrals/organisations/oak-community").body());
        as("ada").get("/organisations").then().statusCode(200)
                .body(containsString("intake@riverside.example.org"), containsString("/programs/new?organisationId=riverside-family"));
        as("carmen").get("/organisations").then().statusCode(403);
    }

    @Test
    void anAdminAddsAProgramAndSeesEachRefusalOnItsField() {
        FakeServices.answer("GET /referrals/organisations", 200,
                "[{\"id\":\"riverside-family\",\"name\":\"Riverside Family Centre\",\"noticeEmail\":\"i@r.org\"}]");
        String csrf = csrfFrom("ada", "/programs/new?organisationId=riverside-family");
        form("ada", csrf).formParam("organisationId", "riverside-family").formParam("name", "Dads group")
                .formParam("kind", "SUPPORT_GROUP").formParam("minAge", "eighteen")
                .post("/programs").then().statusCode(400)
                .body(containsString("id=\"minAge-error\""), containsString("must be a whole number"));
        assertNull(FakeServices.last("POST /referrals/programs"));
        FakeServices.answer("POST /referrals/programs", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"languages[1]\",\"message\":\"must match \\\"[a-z]{2,3}(-[A-Z]{2})?\\\"\"}]}");
        form("ada", csrf).formParam("organisationId", "riverside-family").formParam("name", "Dads group")
                .formParam("kind", "SUPPORT_GROUP").formParam("languages", "en, English")
                .formParam("attendees", "CLIENT").formParam("attendees", "FAMILY")
                .formParam("services", "peer support\n\nevening meetings").formParam("acceptingReferrals", "true")
                .post("/programs").then().statusCode(400)
                .body(containsString("id=\"languages-error\""), containsString("Languages item 2"),
                        containsString("value=\"en, English\""));
        String sent = FakeServices.last("POST /referrals/programs").body();
        assertTrue(sent.contains("\"languages\":[\"en\",\"English\"]") && sent.contains("\"attendees\":[\"CLIENT\",\"FAMILY\"]")
                && sent.contains("\"services\":[\"peer support\",\"evening meetings\"]")
                && sent.contains("\"acceptingReferrals\":true") && !sent.contains("minAge"), sent);
        FakeServices.answer("POST /referrals/programs", 201, PROGRAM);
        form("ada", csrf).formParam("organisationId", "riverside-family").formParam("name", "Dads group")
                .formParam("kind", "SUPPORT_GROUP").post("/programs")
                .then().statusCode(303).header("Location", containsString("/programs/" + PROGRAM_ID + "?done=added"));
    }

    static final String REMINDER_SETTINGS = """
            {"clinicId":"northside","leadTimes":["P7D","P1D"],"appointmentLeadTimes":["P1D","PT2H"],
             "quietStart":"21:00","quietEnd":"08:00","defaultLanguage":"en-GB","custom":false,"updatedAt":null,"updatedBy":null}
            """;
    static final String NOTE_SETTINGS = """
            {"clinicId":"northside","noteFormat":"DAP","overdueNoteDays":3,"checkInExpiryHours":72,"missedCheckInsFlag":3,
             "maintenanceCheckIns":null,"onCallClinicianId":"clara","updatedBy":null,"updatedAt":null}
            """;
    static final String CLINICIANS = """
            [{"id":"clara","clinicId":"northside","displayName":"Clara Moreau","caseloadLimit":25,"caseload":25,"onCall":true,"active":true},
             {"id":"tara","clinicId":"northside","displayName":"Tara Quinn","caseloadLimit":10,"caseload":3,"onCall":false,"active":true},
             {"id":"gone","clinicId":"northside","displayName":"Gone Away","caseloadLimit":10,"caseload":0,"onCall":false,"active":false}]
            """;

    @Test
    void theClinicSettingsAreOnePageOverTwoServices() {
        FakeServices.answer("GET /notifications/settings", 200, REMINDER_SETTINGS);
        FakeServices.answer("GET /sessions/settings", 200, NOTE_SETTINGS);
        as("ada").get("/settings").then().statusCode(200)
                .body(containsString("<h1>Clinic settings</h1>"), containsString(">7 days\n1 day</textarea>"),
                        containsString("<label for=\"appointmentLeadTimes\">When reminders go out before a scheduled session"),
                        containsString(">1 day\n2 hours</textarea>"),
                        containsString("type=\"time\" id=\"quietStart\" name=\"quietStart\" value=\"21:00\""),
                        containsString("value=\"en-GB\""), containsString("<option value=\"DAP\" selected>DAP (data, assessment, plan)"),
                        containsString("value=\"3\""), containsString("<label for=\"overdueNoteDays\">"));
        FakeServices.answer("PUT /notifications/settings", 200, REMINDER_SETTINGS);
        String csrf = csrfFrom("ada", "/settings");
        form("ada", csrf).formParam("leadTimes", "7 days\n2 hours\n1 week").formParam("quietStart", "22:00")
                .formParam("quietEnd", "07:30").formParam("defaultLanguage", "en-GB")
                .post("/settings/reminders").then().statusCode(303).header("Location", containsString("done=reminders"));
        FakeServices.Request put = FakeServices.last("PUT /notifications/settings");
        assertEquals("{\"leadTimes\":[\"P7D\",\"PT2H\",\"P7D\"],\"quietStart\":\"22:00\",\"quietEnd\":\"07:30\","
                + "\"defaultLanguage\":\"en-GB\"}", put.body(), "a form without session lead times leaves them out");
        assertEquals("Bearer " + KeycloakTokens.of("ada"), put.header("Authorization"));
        // The service's refusal lands on its field; the other form is untouched.
        FakeServices.answer("PUT /notifications/settings", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"quietStart\",\"message\":\"must be a time HH:mm\"}]}");
        form("ada", csrf).formParam("leadTimes", "1 day").formParam("quietStart", "9pm").formParam("quietEnd", "07:30")
                .formParam("defaultLanguage", "en-GB").post("/settings/reminders").then().statusCode(400)
                .body(containsString("id=\"quietStart-error\""), containsString("must be a time HH:mm"),
                        containsString("value=\"9pm\""), not(containsString("id=\"overdueNoteDays-error\"")));
        // Words the portal cannot read as a lead time are said before asking anyone.
        form("ada", csrf).formParam("leadTimes", "a fortnight").formParam("quietStart", "21:00")
                .formParam("quietEnd", "08:00").formParam("defaultLanguage", "en").post("/settings/reminders")
                .then().statusCode(400).body(containsString("id=\"leadTimes-error\""), containsString("a fortnight"));
        FakeServices.answer("PUT /sessions/settings", 200, NOTE_SETTINGS);
        form("ada", csrf).formParam("noteFormat", "SOAP").formParam("overdueNoteDays", "5").post("/settings/notes")
                .then().statusCode(303).header("Location", containsString("done=notes"));
        assertEquals("{\"noteFormat\":\"SOAP\",\"overdueNoteDays\":5}", FakeServices.last("PUT /sessions/settings").body());
        as("ada").get("/settings?done=notes").then().body(containsString("The note settings are saved."));
        as("carmen").get("/settings").then().statusCode(403);
    }

    @Test
    void sessionRemindersHaveTheirOwnLeadTimesBesideTheBoosters() {
        FakeServices.answer("GET /notifications/settings", 200, REMINDER_SETTINGS);
        FakeServices.answer("GET /sessions/settings", 200, NOTE_SETTINGS);
        FakeServices.answer("PUT /notifications/settings", 200, REMINDER_SETTINGS);
        String csrf = csrfFrom("ada", "/settings");
        form("ada", csrf).formParam("leadTimes", "7 days").formParam("appointmentLeadTimes", "1 day\n3 hours")
                .formParam("quietStart", "21:00").formParam("quietEnd", "08:00").formParam("defaultLanguage", "en-GB")
                .post("/settings/reminders").then().statusCode(303).header("Location", containsString("done=reminders"));
        assertEquals("{\"leadTimes\":[\"P7D\"],\"appointmentLeadTimes\":[\"P1D\",\"PT3H\"],\"quietStart\":\"21:00\","
                + "\"quietEnd\":\"08:00\",\"defaultLanguage\":\"en-GB\"}", FakeServices.last("PUT /notifications/settings").body());
        // The service's refusal of the sessions' lead times is said at that field, in the summary by its label.
        FakeServices.answer("PUT /notifications/settings", 400, """
                {"status":400,"errors":[{"field":"appointmentLeadTimes","message":"each lead time is more than zero and at most P60D"}]}""");
        form("ada", csrf).formParam("leadTimes", "7 days").formParam("appointmentLeadTimes", "90 days")
                .formParam("quietStart", "21:00").formParam("quietEnd", "08:00").formParam("defaultLanguage", "en-GB")
                .post("/settings/reminders").then().statusCode(400)
                .body(containsString("id=\"appointmentLeadTimes-error\""), containsString("at most P60D"),
                        containsString("aria-describedby=\"appointmentLeadTimes-hint appointmentLeadTimes-error\""),
                        containsString(">90 days</textarea>"),
                        containsString("<a href=\"#appointmentLeadTimes\">Reminders before a session: each lead time"),
                        not(containsString("id=\"leadTimes-error\"")));
        // Words the portal cannot read are said at the field before asking anyone.
        FakeServices.reset();
        FakeServices.answer("GET /notifications/settings", 200, REMINDER_SETTINGS);
        form("ada", csrf).formParam("leadTimes", "7 days").formParam("appointmentLeadTimes", "the day before")
                .formParam("quietStart", "21:00").formParam("quietEnd", "08:00").formParam("defaultLanguage", "en-GB")
                .post("/settings/reminders").then().statusCode(400)
                .body(containsString("id=\"appointmentLeadTimes-error\""), containsString("&quot;the day before&quot; is not a lead time"));
        assertNull(FakeServices.last("PUT /notifications/settings"));
    }

    @Test
    void theCheckInRulesAreSetInTheClinicsWords() {
        FakeServices.answer("GET /notifications/settings", 200, REMINDER_SETTINGS);
        FakeServices.answer("GET /sessions/settings", 200, NOTE_SETTINGS);
        FakeServices.answer("GET /intake/clinicians", 200, CLINICIANS);
        String html = as("ada").get("/settings").then().statusCode(200)
                .body(containsString("<h2 id=\"check-ins-title\">Client check-ins</h2>"),
                        containsString("<label for=\"checkInExpiryHours\">Hours a check-in link stays open"),
                        containsString("type=\"number\" id=\"checkInExpiryHours\" name=\"checkInExpiryHours\" value=\"72\""),
                        containsString("<label for=\"missedCheckInsFlag\">Missed check-ins in a row before the clinician is told"),
                        containsString("id=\"missedCheckInsFlag\" name=\"missedCheckInsFlag\" value=\"3\""),
                        containsString("<option value=\"NONE\" selected>None: the clinician sets check-ins if wanted</option>"),
                        containsString("<option value=\"FORTNIGHTLY\">Every two weeks</option>"),
                        containsString("<option value=\"clara\" selected>Clara Moreau</option>"),
                        containsString("<option value=\"tara\">Tara Quinn</option>"),
                        not(containsString("Gone Away")), containsString("Save check-in settings"))
                .extract().asString();
        ClinicianPagesTest.checkLabels("/settings", html);
        ClinicianPagesTest.checkHeadings("/settings", html);

        // The service's PUT needs the note settings too: they go back as the service has them now.
        FakeServices.answer("PUT /sessions/settings", 200, NOTE_SETTINGS);
        String csrf = csrfFrom("ada", "/settings");
        form("ada", csrf).formParam("checkInExpiryHours", "96").formParam("missedCheckInsFlag", "2")
                .formParam("maintenanceCheckIns", "MONTHLY").formParam("onCallClinicianId", "tara")
                .post("/settings/check-ins").then().statusCode(303).header("Location", containsString("done=check-ins"));
        FakeServices.Request put = FakeServices.last("PUT /sessions/settings");
        assertEquals("{\"noteFormat\":\"DAP\",\"overdueNoteDays\":3,\"checkInExpiryHours\":96,\"missedCheckInsFlag\":2,"
                + "\"maintenanceCheckIns\":\"MONTHLY\",\"onCallClinicianId\":\"tara\"}", put.body());
        assertEquals("Bearer " + KeycloakTokens.of("ada"), put.header("Authorization"));
        // Nobody on call is an empty id, which the service takes as "nobody".
        form("ada", csrf).formParam("checkInExpiryHours", "72").formParam("missedCheckInsFlag", "3")
                .formParam("maintenanceCheckIns", "NONE").formParam("onCallClinicianId", "")
                .post("/settings/check-ins").then().statusCode(303);
        assertTrue(FakeServices.last("PUT /sessions/settings").body().endsWith(
                "\"maintenanceCheckIns\":\"NONE\",\"onCallClinicianId\":\"\"}"), FakeServices.last("PUT /sessions/settings").body());
        as("ada").get("/settings?done=check-ins").then().body(containsString("The check-in settings are saved."));
        form("clara", csrfCookie("clara")).formParam("checkInExpiryHours", "1").post("/settings/check-ins")
                .then().statusCode(403);
    }

    @Test
    void aRefusedCheckInRuleIsShownBesideItsField() {
        FakeServices.answer("GET /notifications/settings", 200, REMINDER_SETTINGS);
        FakeServices.answer("GET /sessions/settings", 200, NOTE_SETTINGS);
        FakeServices.answer("GET /intake/clinicians", 200, CLINICIANS);
        FakeServices.answer("PUT /sessions/settings", 400, """
                {"status":400,"errors":[{"field":"onCallClinicianId","message":"must be a staff id (letters, digits, . _ @ -)"}]}""");
        String csrf = csrfFrom("ada", "/settings");
        form("ada", csrf).formParam("checkInExpiryHours", "96").formParam("missedCheckInsFlag", "2")
                .formParam("maintenanceCheckIns", "WEEKLY").formParam("onCallClinicianId", "dr who")
                .post("/settings/check-ins").then().statusCode(400)
                .body(containsString("<title>Error: Clinic settings"),
                        containsString("id=\"onCallClinicianId-error\""), containsString("must be a staff id"),
                        containsString("aria-describedby=\"onCallClinicianId-hint onCallClinicianId-error\" aria-invalid=\"true\""),
                        containsString("<a href=\"#onCallClinicianId\">Clinician on call for check-ins: must be a staff id"),
                        // What was typed stays, the unknown id among the choices.
                        containsString("<option value=\"dr who\" selected>dr who (not an active clinician"),
                        containsString("name=\"checkInExpiryHours\" value=\"96\""),
                        containsString("<option value=\"WEEKLY\" selected>Weekly</option>"),
                        not(containsString("id=\"overdueNoteDays-error\"")), not(containsString("id=\"leadTimes-error\"")));
        // Numbers the portal can judge itself never reach the service.
        FakeServices.reset();
        FakeServices.answer("GET /notifications/settings", 200, REMINDER_SETTINGS);
        FakeServices.answer("GET /sessions/settings", 200, NOTE_SETTINGS);
        form("ada", csrf).formParam("checkInExpiryHours", "three days").formParam("missedCheckInsFlag", "50")
                .formParam("maintenanceCheckIns", "NONE").formParam("onCallClinicianId", "clara")
                .post("/settings/check-ins").then().statusCode(400)
                .body(containsString("id=\"checkInExpiryHours-error\""), containsString("must be a whole number"),
                        containsString("id=\"missedCheckInsFlag-error\""), containsString("must be between 1 and 20"));
        form("ada", csrf).formParam("checkInExpiryHours", " ").formParam("missedCheckInsFlag", "3")
                .post("/settings/check-ins").then().statusCode(400)
                .body(containsString("id=\"checkInExpiryHours-error\""), containsString("is required"));
        assertNull(FakeServices.last("PUT /sessions/settings"));
    }

    @Test
    void withoutTheClinicianListTheOnCallClinicianIsTypedByLoginName() {
        FakeServices.answer("GET /notifications/settings", 200, REMINDER_SETTINGS);
        FakeServices.answer("GET /sessions/settings", 200, NOTE_SETTINGS);
        FakeServices.hangUp("GET /intake/clinicians");
        String html = as("ada").get("/settings").then().statusCode(200)
                .body(containsString("<label for=\"onCallClinicianId\">Clinician on call for risk answers in check-ins"),
                        containsString("type=\"text\" id=\"onCallClinicianId\" name=\"onCallClinicianId\" value=\"clara\""),
                        containsString("The list of clinicians cannot be loaded just now"))
                .extract().asString();
        ClinicianPagesTest.checkLabels("/settings", html);
    }

    @Test
    void oneServiceDownLeavesTheOtherSettingsUsable() {
        FakeServices.answer("GET /notifications/settings", 200, REMINDER_SETTINGS);
        FakeServices.hangUp("GET /sessions/settings");
        as("ada").get("/settings").then().statusCode(200)
                .body(containsString("Save reminder settings"), containsString("cannot be loaded just now"),
                        not(containsString("Save note settings")), not(containsString("Save check-in settings")));
        FakeServices.hangUp("GET /notifications/settings");
        FakeServices.answer("GET /sessions/settings", 200, NOTE_SETTINGS);
        as("ada").get("/settings").then().statusCode(200)
                .body(not(containsString("Save reminder settings")), containsString("Save note settings"),
                        containsString("Save check-in settings"));
    }

    @Test
    void failedNotificationsAreTheDeliveryLogFilteredToFailed() {
        FakeServices.answer("GET /notifications/deliveries", 200, """
                {"items":[{"id":"d-1","kind":"BOOSTER_REMINDER","clinicId":"northside","clientId":"%s","subjectId":null,
                  "channel":"EMAIL","status":"FAILED","attempts":3,"reason":"smtp-rejected","dueAt":"2026-03-05T10:00:00Z",
                  "nextAttemptAt":null,"sentAt":null,"createdAt":"2026-03-01T10:00:00Z"}],"page":0,"size":20,"total":1}
                """.formatted(CLIENT_ID));
        as("ada").get("/deliveries").then().statusCode(200)
                .body(containsString("<h1>Failed notifications</h1>"), containsString("1 messages, newest first"),
                        containsString("badge-failed\">Failed"), containsString("Smtp rejected"),
                        containsString("href=\"/clients/" + CLIENT_ID + "\""));
        assertTrue(FakeServices.last("GET /notifications/deliveries").query().contains("status=FAILED"));
        as("ada").get("/deliveries?status=ANY&kind=PARTNER_NOTICE").then().statusCode(200)
                .body(containsString("<h1>Delivery log</h1>"));
        String query = FakeServices.last("GET /notifications/deliveries").query();
        assertTrue(!query.contains("status=") && query.contains("kind=PARTNER_NOTICE"), query);
    }

    @Test
    void theNoteAccessRecordFiltersByNotePersonAndDays() {
        String noteId = "8d0c1f5e-0000-4000-8000-0000000000b1";
        FakeServices.answer("GET /sessions/note-access", 200, """
                [{"id":"a-1","kind":"NOTE","recordId":"%s","clientId":"%s","staffId":"clara","accessedAt":"2026-03-05T10:15:00Z"},
                 {"id":"a-2","kind":"SAFETY_PLAN","recordId":"%s","clientId":"%s","staffId":"tara","accessedAt":"2026-03-04T10:15:00Z"}]
                """.formatted(noteId, CLIENT_ID, noteId, CLIENT_ID));
        as("ada").get("/note-access?noteId=" + noteId + "&staffId=clara&from=2026-03-01&to=2026-06-30").then().statusCode(200)
                .body(containsString("<h1>Note-access record</h1>"), containsString("5 Mar 2026, 10:15"),
                        containsString("Session note"), containsString("Safety plan"),
                        containsString("href=\"/note-access?staffId=clara\""), containsString("value=\"2026-03-01\""));
        String query = FakeServices.last("GET /sessions/note-access").query();
        // Days are whole days in the portal's zone (London: GMT in March, BST in June).
        assertTrue(query.contains("noteId=" + noteId) && query.contains("staffId=clara")
                && query.contains("from=2026-03-01T00:00:00Z") && query.contains("to=2026-06-30T23:00:00Z"), query);
        FakeServices.reset();
        as("ada").get("/note-access?noteId=not-an-id&from=yesterday").then().statusCode(400)
                .body(containsString("id=\"noteId-error\""), containsString("id=\"from-error\""));
        assertTrue(FakeServices.requests().isEmpty());
        as("carmen").get("/note-access").then().statusCode(403);
    }

    // --- Everyone: notifications ----------------------------------------------------------------------

    static final String INBOX = """
            {"items":[{"id":"n-1","kind":"REFERRAL_OVERDUE","title":"A referral is overdue","clinicId":"northside",
               "subjectId":"%1$s","clientId":"%2$s","link":"http://localhost:8080/referrals/%1$s",
               "createdAt":"2026-03-05T10:00:00Z","readAt":null},
              {"id":"n-2","kind":"MISSED_BOOSTER","title":"A client missed a planned appointment","clinicId":"northside",
               "subjectId":null,"clientId":null,"link":null,"createdAt":"2026-03-04T10:00:00Z","readAt":"2026-03-04T11:00:00Z"}],
             "page":0,"size":20,"total":2,"unread":1}
            """.formatted(REFERRAL_ID, CLIENT_ID);

    @Test
    void everyPageHasTheNotificationsLinkWhoseBadgeCountsUnread() {
        as("carmen").get("/").then().statusCode(200)
                .body(containsString("<a id=\"inbox-link\" href=\"/notifications\" hx-get=\"/notifications/badge\" hx-trigger=\"load\""));
        assertTrue(FakeServices.requests().stream().noneMatch(r -> r.path().startsWith("/notifications")),
                "the page itself does not wait for the count");
        FakeServices.answer("GET /notifications/inbox/count", 200, "{\"unread\":3,\"total\":9}");
        as("carmen").get("/notifications/badge").then().statusCode(200)
                .body(containsString("data-unread=\"3\">3<span class=\"visually-hidden\"> unread</span>"),
                        containsString("hx-trigger=\"every 120s\""), not(containsString("<html")));
        // The service down: the link still works, without a number.
        FakeServices.hangUp("GET /notifications/inbox/count");
        as("carmen").get("/notifications/badge").then().statusCode(200)
                .body(containsString("href=\"/notifications\""), not(containsString("count-badge")));
        // Partners' social workers have theirs too: new referrals to their organisation.
        as("sam").get("/").then().body(containsString("inbox-link"));
    }

    @Test
    void notificationsAreListedAndMarkedRead() {
        FakeServices.answer("GET /notifications/inbox", 200, INBOX);
        as("ada").get("/notifications").then().statusCode(200)
                .body(containsString("<h1>Notifications</h1>"), containsString("1 unread notification."),
                        containsString("badge-unread\">New</span> A referral is overdue"),
                        containsString("Mark all as read"), containsString("action=\"/notifications/n-1/read\""));
        FakeServices.answer("POST /notifications/inbox/n-1/read", 200, INBOX.substring(INBOX.indexOf("{\"id\":\"n-1\""),
                INBOX.indexOf("},") + 1));
        String csrf = csrfCookie("ada");
        form("ada", csrf).post("/notifications/n-1/read")
                .then().statusCode(303).header("Location", containsString("/notifications?done=read"));
        // "Open" marks it read and follows its link, kept within the portal.
        form("ada", csrf).formParam("open", "true").post("/notifications/n-1/read")
                .then().statusCode(303).header("Location", containsString("/referrals/" + REFERRAL_ID));
        FakeServices.answer("POST /notifications/inbox/read-all", 200, "{\"unread\":0,\"total\":2}");
        form("ada", csrf).post("/notifications/read-all")
                .then().statusCode(303).header("Location", containsString("done=all"));
        assertEquals("Bearer " + KeycloakTokens.of("ada"),
                FakeServices.last("POST /notifications/inbox/read-all").header("Authorization"));
        as("ada").get("/notifications?unread=true").then().statusCode(200);
        assertTrue(FakeServices.last("GET /notifications/inbox").query().contains("unread=true"));
        // A form's address opened with GET (after signing in again) goes back to the list.
        as("ada").get("/notifications/read-all").then().statusCode(303).header("Location", containsString("/notifications"));
        as("ada").get("/notifications/n-1/read").then().statusCode(303).header("Location", containsString("/notifications"));
        // Without the form's token nothing is marked.
        FakeServices.reset();
        as("ada").contentType("application/x-www-form-urlencoded").post("/notifications/read-all").then().statusCode(400);
        assertTrue(FakeServices.requests().isEmpty());
    }

    @Test
    void linksFromTheServiceAreFollowedOnlyWithinThePortal() {
        assertEquals("/referrals/x", care.securebase.portal.pages.InboxPagesAccess.portalPath("http://localhost:8080/referrals/x"));
        assertEquals("/deliveries?status=FAILED",
                care.securebase.portal.pages.InboxPagesAccess.portalPath("http://localhost:8080/deliveries?status=FAILED"));
        assertNull(care.securebase.portal.pages.InboxPagesAccess.portalPath("http://evil.example//x"));
        assertNull(care.securebase.portal.pages.InboxPagesAccess.portalPath("not a uri"));
    }
}
