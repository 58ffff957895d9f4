package care.securebase.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pages against stand-in services ({@link FakeServices}), signed in with real Keycloak tokens
 * (bearer, which the test profile accepts besides the browser login): what each role sees, what
 * the portal sends to the services with whose token, CSRF, and how refusals and failures look.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class PagesTest {

    static final String CLIENT_ID = "8d0c1f5e-0000-4000-8000-000000000001";
    static final String CLIENT = """
            {"id":"%s","clinicId":"northside","legalName":"Jordan Avery Lee","preferredName":"Jo",
             "pronouns":"they/them","dateOfBirth":"1990-04-12","email":"jo@example.org","phone":null,
             "preferredChannel":"EMAIL","language":"en","timeZone":"Europe/London","status":"REGISTERED",
             "clinicianId":null,"registeredAt":"2026-03-01T09:30:00Z","someNewField":"ignored"}
            """.formatted(CLIENT_ID);
    static final String EPISODE_ID = "8d0c1f5e-0000-4000-8000-0000000000e1";
    static final String REFERRAL_ID = "8d0c1f5e-0000-4000-8000-0000000000f1";

    @BeforeEach
    void clean() {
        FakeServices.reset();
        // The episode page also shows the episode's timeline, sessions and open flags.
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/timeline", 200, "[]");
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/sessions", 200, "[]");
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID + "/flags", 200, "[]");
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(KeycloakTokens.of(user)).redirects().follow(false);
    }

    /** Opens a form page and returns its CSRF token, checking the hidden field matches the cookie. */
    static String csrfFrom(String user, String formPage) {
        Response page = as(user).get(formPage);
        assertEquals(200, page.statusCode(), page.asString());
        String cookie = page.cookie("csrf-token");
        assertNotNull(cookie, "the form page sets the CSRF cookie");
        Matcher field = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(field.find(), "the form carries the CSRF field");
        assertEquals(cookie, field.group(1));
        return cookie;
    }

    /** Any page sets the CSRF cookie; a form's field must then carry the same value. */
    static String csrfCookie(String user) {
        String cookie = as(user).get("/").cookie("csrf-token");
        assertNotNull(cookie);
        return cookie;
    }

    static RequestSpecification form(String user, String csrf) {
        return as(user).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf).formParam("csrf-token", csrf);
    }

    // --- Home: who you are, and your role's work -------------------------------------------------

    @Test
    void homeShowsIntakeCoordinatorsWork() {
        as("ingrid").get("/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Welcome, Ingrid Nilsen"),
                        containsString("Intake coordinator"),
                        containsString("Northside"),
                        containsString("href=\"/clients/new\""),
                        not(containsString("href=\"/episodes\"")),
                        not(containsString("href=\"/notices\"")));
    }

    @Test
    void homeShowsClinicianOnlyEpisodes() {
        as("clara").get("/").then().statusCode(200)
                .body(containsString("Clinician"), containsString("href=\"/episodes\""),
                        not(containsString("href=\"/clients/new\"")),
                        not(containsString("href=\"/referrals/new\"")));
    }

    @Test
    void homeNamesSocialWorkersOrganisation() {
        FakeServices.answer("GET /referrals/organisations", 200,
                "[{\"id\":\"riverside-family\",\"name\":\"Riverside Family Centre\",\"noticeEmail\":\"x@y.org\"}]");
        as("sam").get("/").then().statusCode(200)
                .body(containsString("Riverside Family Centre"), containsString("Referral inbox"),
                        not(containsString("href=\"/clients\"")));
    }

    @Test
    void aPageOfAnotherRoleIsRefusedPolitely() {
        as("ingrid").get("/episodes").then().statusCode(403)
                .body(containsString("Not available to your role"), not(containsString("Exception")));
        assertTrue(FakeServices.requests().isEmpty(), "no service was asked");
    }

    // --- Intake coordinator ----------------------------------------------------------------------

    @Test
    void clientListCallsIntakeWithTheUsersAccessToken() {
        FakeServices.answer("GET /intake/clients", 200, "[" + CLIENT + "]");
        as("ingrid").get("/clients").then().statusCode(200)
                .body(containsString("Jo"), containsString("(Jordan Avery Lee)"), containsString("they/them"),
                        containsString("href=\"/clients/" + CLIENT_ID + "\""));
        FakeServices.Request call = FakeServices.last("GET /intake/clients");
        assertEquals("Bearer " + KeycloakTokens.of("ingrid"), call.header("Authorization"));
        assertTrue(call.query().contains("page=0") && call.query().contains("size=20"), call.query());
        // Filters go to the service; an unknown value is not passed on; paging keeps them.
        as("ingrid").get("/clients?riskLevel=HIGH&status=NONSENSE&q=lee").then().statusCode(200)
                .body(containsString("1 client matching the filters"), containsString("<option value=\"HIGH\" selected>"),
                        containsString("value=\"lee\""));
        String query = FakeServices.last("GET /intake/clients").query();
        assertTrue(query.contains("riskLevel=HIGH") && query.contains("q=lee") && !query.contains("status="), query);
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndNothingIsSent() {
        as("ingrid").contentType("application/x-www-form-urlencoded")
                .formParam("legalName", "Jordan").formParam("dateOfBirth", "1990-04-12")
                .post("/clients")
                .then().statusCode(400).body(containsString("This form has expired"));
        String csrf = csrfFrom("ingrid", "/clients/new");
        as("ingrid").contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf).formParam("csrf-token", csrf.substring(1) + "x")
                .formParam("legalName", "Jordan")
                .post("/clients")
                .then().statusCode(400).body(containsString("This form has expired"));
        assertNull(FakeServices.last("POST /intake/clients"));
    }

    @Test
    void registerShowsTheServicesFieldErrorsNextToTheFields() {
        FakeServices.answer("POST /intake/clients", 400, """
                {"type":"https://securebase.care/problems/invalid-request","title":"Invalid request","status":400,
                 "detail":"2 fields are invalid","errors":[
                   {"field":"dateOfBirth","message":"must be a past date"},
                   {"field":"legalName","message":"must not be blank"}]}
                """);
        String csrf = csrfFrom("ingrid", "/clients/new");
        form("ingrid", csrf)
                .formParam("legalName", " ").formParam("preferredName", "")
                .formParam("dateOfBirth", "2999-01-01").formParam("email", "jo@example.org")
                .formParam("preferredChannel", "SMS").formParam("language", "en")
                .formParam("timeZone", "Europe/London").formParam("idempotencyKey", "form-key-0")
                .post("/clients")
                .then().statusCode(400)
                .body(containsString("There is a problem"),
                        // Nothing was registered, so the corrected form may go with the same key.
                        containsString("name=\"idempotencyKey\" value=\"form-key-0\""),
                        containsString("<a href=\"#legalName\">Legal name: is required</a>"),
                        containsString("id=\"legalName-error\""),
                        containsString("id=\"dateOfBirth-error\"><span class=\"visually-hidden\">Error:</span> must be a past date"),
                        containsString("aria-invalid=\"true\""),
                        // What was typed is kept.
                        containsString("value=\"jo@example.org\""),
                        containsString("value=\"2999-01-01\""),
                        containsString("value=\"SMS\" checked"));
        String sent = FakeServices.last("POST /intake/clients").body();
        assertTrue(sent.contains("\"dateOfBirth\":\"2999-01-01\""), sent);
        assertTrue(!sent.contains("preferredName") && !sent.contains("legalName"), "blank fields are left out: " + sent);
    }

    @Test
    void registerGoesToTheNewClient() {
        FakeServices.answer("POST /intake/clients", 201, CLIENT);
        String csrf = csrfFrom("ingrid", "/clients/new");
        form("ingrid", csrf)
                .formParam("legalName", "Jordan Avery Lee").formParam("preferredName", "Jo")
                .formParam("dateOfBirth", "1990-04-12").formParam("preferredChannel", "EMAIL")
                .formParam("language", "en").formParam("timeZone", "Europe/London")
                .formParam("idempotencyKey", "form-key-1")
                .post("/clients")
                .then().statusCode(303)
                .header("Location", containsString("/clients/" + CLIENT_ID + "?done=registered"));
        FakeServices.Request sent = FakeServices.last("POST /intake/clients");
        assertEquals("Bearer " + KeycloakTokens.of("ingrid"), sent.header("Authorization"));
        // A form sent twice carries the same key, so intake registers once.
        assertEquals("form-key-1", sent.header("Idempotency-Key"));
        assertTrue(sent.body().contains("\"legalName\":\"Jordan Avery Lee\""), sent.body());
    }

    static final String PHQ9 = """
            {"code":"PHQ-9","version":1,"title":"Patient Health Questionnaire-9",
             "licence":{"name":"Pfizer","itemTextReproducible":true,"note":null},
             "instructions":"Over the last 2 weeks, how often have you been bothered by any of the following problems?",
             "items":[%s],
             "scales":[{"code":"total","title":"Depression severity","method":"SUM","items":[1,2,3,4,5,6,7,8,9],
               "bands":[{"from":0,"label":"minimal"},{"from":5,"label":"mild"},{"from":10,"label":"moderate"},
                        {"from":15,"label":"moderately severe"},{"from":20,"label":"severe"}]}],
             "riskRules":[{"level":"MODERATE","source":"PHQ9_ITEM9","reason":"thoughts of death or self-harm on several days","anyOf":[{"item":9,"atLeast":1}]},
                          {"level":"HIGH","source":"PHQ9_ITEM9","reason":"thoughts of death or self-harm on more than half the days","anyOf":[{"item":9,"atLeast":2}]}],
             "someNewField":true}
            """.formatted(String.join(",", java.util.stream.IntStream.rangeClosed(1, 9).mapToObj(n ->
            "{\"number\":" + n + ",\"text\":\"Question " + n + "\",\"options\":[{\"value\":0,\"label\":\"Not at all\"},"
                    + "{\"value\":1,\"label\":\"Several days\"},{\"value\":2,\"label\":\"More than half the days\"},"
                    + "{\"value\":3,\"label\":\"Nearly every day\"}]}").toList()));

    /** Two items, text not reproducible, item 2 asked only after a yes to item 1; no scale. */
    static final String SCREEN = """
            {"code":"C-SSRS-SCREEN","version":1,"title":"Columbia screen",
             "licence":{"name":"Columbia","itemTextReproducible":false,"note":"Ask the questions from the official screener."},
             "items":[{"number":1,"domain":"wish to be dead","options":[{"value":0,"label":"No"},{"value":1,"label":"Yes"}]},
                      {"number":2,"domain":"active thoughts","askedWhen":{"item":1,"atLeast":1},"options":[{"value":0,"label":"No"},{"value":1,"label":"Yes"}]}],
             "scales":[],
             "riskRules":[{"level":"HIGH","source":"CSSRS_SCREEN","reason":"active thoughts in the past month","anyOf":[{"item":2,"atLeast":1}]}]}
            """;

    static final String INTAKE_RESULT = """
            {"id":"i-1","clientId":"%s","clinicId":"northside","clinicianId":"clara","waitlistPosition":null,
             "modality":"COUPLE","scores":[{"instrument":"PHQ-9","version":1,"scale":"total","score":14,"band":"moderate"}],
             "riskLevel":"MODERATE","riskSource":"PHQ9_ITEM9","priority":"SOON","proposedPriority":"SOON",
             "completedAt":"2026-03-02T10:00:00Z"}
            """.formatted(CLIENT_ID);

    static void intakeStandIns() {
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID, 200, CLIENT);
        FakeServices.answer("GET /intake/instruments", 200, """
                [{"code":"PHQ-9","version":1,"title":"Patient Health Questionnaire-9","latest":true},
                 {"code":"C-SSRS-SCREEN","version":1,"title":"Columbia screen","latest":true},
                 {"code":"GAD-7","version":0,"title":"An old version","latest":false}]
                """);
        FakeServices.answer("GET /intake/instruments/PHQ-9", 200, PHQ9);
        FakeServices.answer("GET /intake/instruments/C-SSRS-SCREEN", 200, SCREEN);
        FakeServices.answer("GET /intake/clinicians", 200, """
                [{"id":"clara","clinicId":"northside","displayName":"Clara Moreau","caseloadLimit":25,"caseload":25,"onCall":true,"active":true},
                 {"id":"tara","clinicId":"northside","displayName":"Tara Quinn","caseloadLimit":10,"caseload":3,"onCall":false,"active":true},
                 {"id":"gone","clinicId":"northside","displayName":"Gone Away","caseloadLimit":10,"caseload":0,"onCall":false,"active":false}]
                """);
    }

    static RequestSpecification intakeForm(String csrf, String... phq9) {
        RequestSpecification post = form("ingrid", csrf).formParam("modality", "COUPLE")
                .formParam("presentingConcerns", "Arguments about closeness").formParam("clinicianId", "tara")
                .formParam("attendeeRelationship", "PARTNER").formParam("attendeeName", "Sam Lee")
                .formParam("attendeeRelationship", "").formParam("attendeeName", "")
                .formParam("attendeeRelationship", "").formParam("attendeeName", "")
                .formParam("relationalThemes", "FEAR_OF_ABANDONMENT").formParam("relationalThemes", "WITHDRAWAL")
                .formParam("triggers", "partner late home\r\n\r\n silence ")
                .formParam("instrument", "PHQ-9").formParam("instrument", "C-SSRS-SCREEN");
        for (String answer : phq9) {
            post.formParam("answers", answer);
        }
        return post.formParam("answers", "0").formParam("answers", "");
    }

    @Test
    void intakeRendersTheChosenInstrumentsFromTheirDefinitions() {
        intakeStandIns();
        as("ingrid").get("/clients/" + CLIENT_ID + "/intake?instrument=PHQ-9&instrument=C-SSRS-SCREEN").then().statusCode(200)
                .body(containsString("<legend>PHQ-9 <span class=\"muted\">Patient Health Questionnaire-9</span></legend>"),
                        containsString("<label for=\"instr-0-9\">9. Question 9</label>"),
                        containsString("<option value=\"2\">2 – More than half the days</option>"),
                        // Text that may not be reproduced: the number and what it is about, and the licence's note.
                        containsString("<label for=\"instr-1-1\">1. Item 1 (wish to be dead)</label>"),
                        containsString("Ask the questions from the official screener."),
                        containsString("Ask only if item 1 was answered 1 or more."),
                        // Live scoring with htmx, and the plain fallback button.
                        containsString("hx-post=\"/clients/" + CLIENT_ID + "/intake/score?slot=1\""),
                        containsString("name=\"action\" value=\"check\""),
                        containsString("0 of 9 questions answered"),
                        // Only the latest versions are offered; both chosen ones are ticked.
                        containsString("value=\"C-SSRS-SCREEN\" checked"), not(containsString("An old version")),
                        // Active clinicians with their room; a full one says so.
                        containsString("Clara Moreau – 25 of 25 (full), on call"), containsString("Tara Quinn – 3 of 10"),
                        not(containsString("Gone Away")));
        // Without a choice the clinic's standard screen is administered.
        as("ingrid").get("/clients/" + CLIENT_ID + "/intake").then().statusCode(200)
                .body(containsString("<legend>PHQ-9"), not(containsString("<legend>C-SSRS-SCREEN")));
    }

    @Test
    void theRunningScoreShowsScoreBandAndRiskAsTheyAreAnswered() {
        intakeStandIns();
        String csrf = csrfFrom("ingrid", "/clients/" + CLIENT_ID + "/intake");
        intakeForm(csrf, "2", "2", "2", "2", "", "", "", "", "")
                .post("/clients/" + CLIENT_ID + "/intake/score?slot=0").then().statusCode(200)
                .body(containsString("4 of 9 questions answered"), containsString("so far <strong>8</strong>"),
                        not(containsString("<html")));
        intakeForm(csrf, "2", "2", "2", "2", "2", "1", "1", "1", "2")
                .post("/clients/" + CLIENT_ID + "/intake/score?slot=0").then().statusCode(200)
                .body(containsString("<strong>15</strong> – <span class=\"band\">moderately severe</span>"),
                        containsString("High risk:</strong> thoughts of death or self-harm on more than half the days"),
                        not(containsString("Moderate risk")));
        assertTrue(FakeServices.requests().stream().noneMatch(r -> r.path().endsWith("/intakes")),
                "scoring as you go sends nothing to the service");
        // The fallback without JavaScript: the whole form again with the scores, nothing sent.
        intakeForm(csrf, "0", "0", "0", "0", "0", "0", "0", "0", "0").formParam("action", "check")
                .post("/clients/" + CLIENT_ID + "/intake").then().statusCode(200)
                .body(containsString("<strong>0</strong> – <span class=\"band\">minimal</span>"),
                        containsString("value=\"Sam Lee\""), containsString("<option value=\"0\" selected>"));
        assertNull(FakeServices.last("POST /intake/clients/" + CLIENT_ID + "/intakes"));
    }

    @Test
    void intakeSendsEveryInstrumentAttendeesAndThemesAndShowsTheResultPlainly() {
        intakeStandIns();
        FakeServices.answer("POST /intake/clients/" + CLIENT_ID + "/intakes", 201, INTAKE_RESULT);
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID + "/intakes/i-1", 200, INTAKE_RESULT);
        String csrf = csrfFrom("ingrid", "/clients/" + CLIENT_ID + "/intake");
        intakeForm(csrf, "2", "2", "2", "2", "2", "1", "1", "1", "1")
                .post("/clients/" + CLIENT_ID + "/intake")
                .then().statusCode(303).header("Location", containsString("/clients/" + CLIENT_ID + "/intakes/i-1"));
        String sent = FakeServices.last("POST /intake/clients/" + CLIENT_ID + "/intakes").body();
        assertTrue(sent.contains("\"instruments\":[{\"code\":\"PHQ-9\",\"answers\":[2,2,2,2,2,1,1,1,1]},"
                + "{\"code\":\"C-SSRS-SCREEN\",\"answers\":[0,null]}]"), sent);
        assertTrue(sent.contains("\"attendees\":[{\"relationship\":\"PARTNER\",\"name\":\"Sam Lee\"}]"), sent);
        assertTrue(sent.contains("\"relationalThemes\":[\"FEAR_OF_ABANDONMENT\",\"WITHDRAWAL\"]"), sent);
        assertTrue(sent.contains("\"triggers\":[\"partner late home\",\"silence\"]"), sent);
        assertTrue(sent.contains("\"clinicianId\":\"tara\"") && !sent.contains("clinicianRiskJudgement")
                && !sent.contains("bodilyResponses"), "empty fields are left out: " + sent);

        as("ingrid").get("/clients/" + CLIENT_ID + "/intakes/i-1?done=completed").then().statusCode(200)
                .body(containsString("<td>14</td><td>moderate</td>"), containsString("Moderate risk"),
                        containsString("badge-moderate\">Moderate"), containsString("badge-soon\">Soon"),
                        containsString("Intake for Jo"), containsString("Change the priority"));
    }

    @Test
    void intakeNamesEveryUnansweredItemOnItsQuestion() {
        intakeStandIns();
        FakeServices.answer("POST /intake/clients/" + CLIENT_ID + "/intakes", 400, """
                {"title":"Invalid request","status":400,"detail":"1 field is invalid",
                 "errors":[{"field":"instruments[0].answers[2]","message":"item 3 of PHQ-9 v1 must be answered"},
                           {"field":"attendees[0].name","message":"must not be blank"}]}
                """);
        String csrf = csrfFrom("ingrid", "/clients/" + CLIENT_ID + "/intake");
        intakeForm(csrf, "1", "1", "", "1", "1", "1", "", "1", "0")
                .post("/clients/" + CLIENT_ID + "/intake").then().statusCode(400)
                .body(containsString("<a href=\"#instr-0-3\">PHQ-9 item 3: item 3 of PHQ-9 v1 must be answered</a>"),
                        containsString("id=\"instr-0-3-error\""),
                        containsString("<a href=\"#instr-0-7\">PHQ-9 item 7: choose an answer for item 7</a>"),
                        containsString("id=\"attendee-0-name-error\""),
                        not(containsString("id=\"instr-0-1-error\"")),
                        // The conditional item of the screen was not asked, so it is not missing.
                        not(containsString("id=\"instr-1-2-error\"")),
                        containsString("<option value=\"COUPLE\" selected>"));
    }

    @Test
    void aFullClinicianIsSaidPlainlyAndNothingTypedIsLost() {
        intakeStandIns();
        FakeServices.answer("POST /intake/clients/" + CLIENT_ID + "/intakes", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"clara has no room on their caseload (25 of 25)\"}");
        String csrf = csrfFrom("ingrid", "/clients/" + CLIENT_ID + "/intake");
        intakeForm(csrf, "1", "1", "1", "1", "1", "1", "1", "1", "0")
                .post("/clients/" + CLIENT_ID + "/intake").then().statusCode(409)
                .body(containsString("clara has no room on their caseload"), containsString("Arguments about closeness"));
    }

    @Test
    void aCoordinatorOverridesThePriorityWithAReason() {
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID, 200, CLIENT);
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID + "/intakes/i-1", 200, INTAKE_RESULT);
        FakeServices.answer("POST /intake/clients/" + CLIENT_ID + "/intakes/i-1/priority", 200, INTAKE_RESULT);
        String csrf = csrfFrom("ingrid", "/clients/" + CLIENT_ID + "/intakes/i-1");
        form("ingrid", csrf).formParam("priority", "URGENT").formParam("reason", "Lives alone, no support")
                .post("/clients/" + CLIENT_ID + "/intakes/i-1/priority")
                .then().statusCode(303).header("Location", containsString("?done=priority"));
        assertEquals("{\"priority\":\"URGENT\",\"reason\":\"Lives alone, no support\"}",
                FakeServices.last("POST /intake/clients/" + CLIENT_ID + "/intakes/i-1/priority").body());
        // A clinician reads the result without the form.
        as("clara").get("/clients/" + CLIENT_ID + "/intakes/i-1").then().statusCode(200)
                .body(not(containsString("Change the priority")));
    }

    // --- Registration: duplicates, guardian, consents --------------------------------------------

    @Test
    void aPossibleDuplicateIsShownAndRegisteringAnywayIsAnExplicitChoice() {
        FakeServices.answer("POST /intake/clients", 409, """
                {"type":"https://securebase.care/problems/possible-duplicate","title":"Possible duplicate","status":409,
                 "detail":"1 possible duplicate(s)","duplicates":[
                   {"id":"%s","legalName":"Jordan A. Lee","dateOfBirth":"1990-04-12","clinicId":"northside","matchedOn":["DATE_OF_BIRTH_AND_NAME"]},
                   {"note":"a possible duplicate exists at another clinic"}],"atAnotherClinic":true}
                """.formatted(CLIENT_ID));
        String csrf = csrfFrom("ingrid", "/clients/new");
        form("ingrid", csrf).formParam("legalName", "Jordan Avery Lee").formParam("dateOfBirth", "1990-04-12")
                .formParam("preferredChannel", "EMAIL").formParam("language", "en").formParam("timeZone", "Europe/London")
                .post("/clients")
                .then().statusCode(409)
                .body(containsString("This person may already be registered"),
                        containsString("<a href=\"/clients/" + CLIENT_ID + "\">Jordan A. Lee</a>"),
                        containsString("a possible duplicate exists at another clinic"),
                        containsString("id=\"confirmNotDuplicate\""), containsString("value=\"Jordan Avery Lee\""));
        assertTrue(!FakeServices.last("POST /intake/clients").body().contains("confirmNotDuplicate"));

        FakeServices.answer("POST /intake/clients", 201, CLIENT);
        form("ingrid", csrf).formParam("legalName", "Jordan Avery Lee").formParam("dateOfBirth", "1990-04-12")
                .formParam("preferredChannel", "EMAIL").formParam("language", "en").formParam("timeZone", "Europe/London")
                .formParam("confirmNotDuplicate", "true")
                .post("/clients").then().statusCode(303);
        assertTrue(FakeServices.last("POST /intake/clients").body().contains("\"confirmNotDuplicate\":true"));
    }

    @Test
    void aMinorIsRegisteredWithGuardianAndTheGuardiansConsent() {
        FakeServices.answer("POST /intake/clients", 201, CLIENT);
        String csrf = csrfFrom("ingrid", "/clients/new");
        as("ingrid").get("/clients/new").then()
                .body(containsString("<label for=\"guardian.name\">"), containsString("<label for=\"emergencyContact.phone\">"),
                        containsString("<label for=\"treatmentConsent\">"));
        form("ingrid", csrf).formParam("legalName", "Kit Young").formParam("dateOfBirth", "2014-05-01")
                .formParam("preferredChannel", "NONE").formParam("language", "en").formParam("timeZone", "Europe/London")
                .formParam("guardian.name", "Robin Young").formParam("guardian.relationship", "parent")
                .formParam("guardian.phone", "+44 20 7946 0001").formParam("guardian.email", "robin@example.org")
                .formParam("emergencyContact.name", "").formParam("emergencyContact.relationship", "")
                .formParam("emergencyContact.phone", "")
                .formParam("treatmentConsent", "GUARDIAN").formParam("contactConsents", "CONTACT_EMAIL")
                .formParam("formVersion", "consent-form-2026.1")
                .post("/clients").then().statusCode(303);
        String sent = FakeServices.last("POST /intake/clients").body();
        assertTrue(sent.contains("\"guardian\":{\"name\":\"Robin Young\",\"relationship\":\"parent\","
                + "\"phone\":\"+44 20 7946 0001\",\"email\":\"robin@example.org\"}"), sent);
        assertTrue(sent.contains("{\"scope\":\"TREATMENT\",\"granted\":true,\"recordedFor\":\"GUARDIAN\","
                + "\"formVersion\":\"consent-form-2026.1\"}"), sent);
        assertTrue(sent.contains("\"scope\":\"CONTACT_EMAIL\""), sent);
        assertTrue(!sent.contains("emergencyContact"), "an empty emergency contact is left out: " + sent);
    }

    @Test
    void guardianErrorsLandOnTheGuardiansFields() {
        FakeServices.answer("POST /intake/clients", 400, """
                {"status":400,"errors":[{"field":"guardian","message":"a client under 18 needs a guardian on record"},
                                        {"field":"guardian.email","message":"must be a well-formed email address"}]}
                """);
        String csrf = csrfFrom("ingrid", "/clients/new");
        form("ingrid", csrf).formParam("legalName", "Kit Young").formParam("dateOfBirth", "2014-05-01")
                .formParam("guardian.email", "nope").post("/clients").then().statusCode(400)
                .body(containsString("a client under 18 needs a guardian on record"),
                        containsString("id=\"guardian.email-error\""),
                        containsString("<a href=\"#guardian.email\">Guardian email: must be a well-formed email address</a>"));
    }

    static final String CONSENTS = """
            {"current":[{"id":"c-1","clientId":"%s","scope":"TREATMENT","granted":true,"recordedFor":"CLIENT",
                         "formVersion":"consent-form-2026.1","recordedBy":"ingrid","recordedAt":"2026-03-01T09:31:00Z","current":true},
                        {"id":"c-2","clientId":"%s","scope":"SHARE_SOCIAL_WORK","granted":false,"recordedFor":"CLIENT",
                         "formVersion":"consent-form-2026.1","recordedBy":"ingrid","recordedAt":"2026-03-01T09:32:00Z","current":true}],
             "history":[]}
            """.formatted(CLIENT_ID, CLIENT_ID);

    @Test
    void consentsAreRecordedAndRevokedPerScope() {
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID, 200, CLIENT);
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID + "/consents", 200, CONSENTS);
        FakeServices.answer("POST /intake/clients/" + CLIENT_ID + "/consents", 201, "{\"id\":\"c-3\"}");
        FakeServices.answer("POST /intake/clients/" + CLIENT_ID + "/consents/c-1/revoke", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"reason\",\"message\":\"must not be blank\"}]}");
        String csrf = csrfFrom("ingrid", "/clients/" + CLIENT_ID);
        as("ingrid").get("/clients/" + CLIENT_ID).then()
                .body(containsString("<th scope=\"row\">Share social work</th>"), containsString("badge-refused\">Refused"),
                        containsString("action=\"/clients/" + CLIENT_ID + "/consents/c-1/revoke\""),
                        not(containsString("/consents/c-2/revoke")));
        form("ingrid", csrf).formParam("scope", "SHARE_SOCIAL_WORK").formParam("granted", "true")
                .formParam("recordedFor", "CLIENT").formParam("formVersion", "consent-form-2026.1")
                .post("/clients/" + CLIENT_ID + "/consents").then().statusCode(303)
                .header("Location", containsString("?done=consent"));
        assertEquals("{\"scope\":\"SHARE_SOCIAL_WORK\",\"granted\":true,\"recordedFor\":\"CLIENT\","
                + "\"formVersion\":\"consent-form-2026.1\"}", FakeServices.last("POST /intake/clients/" + CLIENT_ID + "/consents").body());
        form("ingrid", csrf).formParam("reason", "").post("/clients/" + CLIENT_ID + "/consents/c-1/revoke")
                .then().statusCode(400)
                .body(containsString("id=\"reason-c-1-error\""), containsString("<details open>"));
        // A care coordinator reads consents (to know where a referral may go) but records none.
        as("carmen").get("/clients/" + CLIENT_ID).then().statusCode(200)
                .body(containsString("Share social work"), not(containsString("Record consent")), not(containsString("/revoke")));
    }

    // --- Waitlist, urgent queue, clinicians --------------------------------------------------------

    static final String WAITLIST = """
            [{"position":1,"clientId":"%s","name":"Jo","intakeId":"i-1","priority":"URGENT","since":"2026-03-01T09:00:00Z"},
             {"position":2,"clientId":"c-2","name":"Alex","intakeId":"i-2","priority":"ROUTINE","since":"2026-02-01T09:00:00Z"}]
            """.formatted(CLIENT_ID);

    @Test
    void waitlistAndUrgentQueue() {
        FakeServices.answer("GET /intake/waitlist", 200, WAITLIST);
        FakeServices.answer("GET /intake/clients", 200, "[" + CLIENT.replace("\"clinicianId\":null", "\"clinicianId\":null,\"riskLevel\":\"HIGH\"") + "]");
        as("ingrid").get("/waitlist").then().statusCode(200)
                .body(containsString("2 waiting, in order"), containsString("<th scope=\"row\">2</th>"),
                        containsString("badge-urgent\">Urgent"), containsString("<a href=\"/clients/c-2\">Alex</a>"));
        as("ingrid").get("/urgent").then().statusCode(200)
                .body(containsString("Urgent clients on the waitlist"), not(containsString("Alex")),
                        containsString("1 clients with a high risk flag"), containsString("No clinician yet"));
        assertTrue(FakeServices.last("GET /intake/clients").query().contains("riskLevel=HIGH"));
        as("clara").get("/urgent").then().statusCode(403);
    }

    @Test
    void clinicAdminKeepsClinicianRecords() {
        FakeServices.answer("GET /intake/clinicians", 200, """
                [{"id":"clara","clinicId":"northside","displayName":"Clara Moreau","caseloadLimit":25,"caseload":25,"onCall":true,"active":true}]
                """);
        FakeServices.answer("PUT /intake/clinicians/clara", 200, "{\"id\":\"clara\"}");
        as("ada").get("/clinicians?edit=clara").then().statusCode(200)
                .body(containsString("badge-full\">Full"), containsString("Change Clara Moreau"),
                        containsString("id=\"onCall\" name=\"onCall\" value=\"true\" checked"));
        form("ada", csrfCookie("ada")).formParam("id", "clara").formParam("displayName", "Clara Moreau")
                .formParam("caseloadLimit", "30").formParam("active", "true")
                .post("/clinicians").then().statusCode(303).header("Location", containsString("/clinicians?done=saved"));
        assertEquals("{\"displayName\":\"Clara Moreau\",\"caseloadLimit\":30,\"onCall\":false,\"active\":true}",
                FakeServices.last("PUT /intake/clinicians/clara").body());
        // An intake coordinator sees who has room but changes nothing.
        as("ingrid").get("/clinicians").then().statusCode(200).body(not(containsString("<form")));
        form("ingrid", csrfCookie("ingrid")).formParam("id", "clara").post("/clinicians").then().statusCode(403);
    }

    // --- Clinician -------------------------------------------------------------------------------

    static String episode(String phase, String next) {
        return """
                {"id":"%s","clientId":"%s","intakeId":"i-1","clinicId":"northside","clinicianId":"clara",
                 "priority":"URGENT","riskLevel":"HIGH","modality":"INDIVIDUAL","phase":"%s",
                 "openedAt":"2026-03-02T10:00:00Z","phaseChangedAt":null,"phaseChangedBy":null,
                 "nextPhases":[%s],"history":[]}
                """.formatted(EPISODE_ID, CLIENT_ID, phase, next);
    }

    @Test
    void episodesListShowsPhasePriorityAndRisk() {
        FakeServices.answer("GET /sessions/episodes", 200, "[" + episode("ASSESSMENT", "\"ACTIVE_TREATMENT\"") + "]");
        as("clara").get("/episodes").then().statusCode(200)
                .body(containsString("Assessment"), containsString("badge-urgent\">Urgent"),
                        containsString("badge-high\">High"), containsString("(you)"));
    }

    @Test
    void episodeOffersOnlyTheMovesTheServiceAllows() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200,
                episode("ASSESSMENT", "\"ACTIVE_TREATMENT\",\"DISCHARGED\""));
        as("clara").get("/episodes/" + EPISODE_ID).then().statusCode(200)
                .body(containsString("Start active treatment"), containsString("Discharge the client"),
                        not(containsString("Move to maintenance")));
        // A clinic-admin reads the same page without the forms.
        as("ada").get("/episodes/" + EPISODE_ID).then().statusCode(200)
                .body(containsString("<h1>Client 8d0c1f5e"), not(containsString("Start active treatment")));
    }

    @Test
    void startActiveTreatment() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, episode("ASSESSMENT", "\"ACTIVE_TREATMENT\""));
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/phase", 200,
                episode("ACTIVE_TREATMENT", "\"MAINTENANCE\""));
        String csrf = csrfFrom("clara", "/episodes/" + EPISODE_ID);
        form("clara", csrf).formParam("phase", "ACTIVE_TREATMENT")
                .post("/episodes/" + EPISODE_ID + "/phase")
                .then().statusCode(303).header("Location", containsString("/episodes/" + EPISODE_ID + "?done=phase"));
        assertEquals("{\"phase\":\"ACTIVE_TREATMENT\"}",
                FakeServices.last("POST /sessions/episodes/" + EPISODE_ID + "/phase").body());
    }

    @Test
    void aMoveTheServiceRefusesShowsItsReason() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, episode("DISCHARGED", ""));
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/phase", 409,
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The episode is DISCHARGED, which is final\"}");
        // A page loaded before someone else discharged the episode still had the form.
        String csrf = csrfCookie("clara");
        form("clara", csrf).formParam("phase", "ACTIVE_TREATMENT")
                .post("/episodes/" + EPISODE_ID + "/phase")
                .then().statusCode(409)
                .body(containsString("The episode is DISCHARGED, which is final"), containsString("role=\"alert\""));
    }

    @Test
    void aDischargeWithoutReasonShowsTheErrorOnTheDischargeFormOnly() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200,
                episode("MAINTENANCE", "\"ACTIVE_TREATMENT\",\"DISCHARGED\""));
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/phase", 400,
                "{\"status\":400,\"errors\":[{\"field\":\"reason\",\"message\":\"is required to discharge an episode\"}]}");
        String html = form("clara", csrfCookie("clara")).formParam("phase", "DISCHARGED").formParam("reason", " ")
                .post("/episodes/" + EPISODE_ID + "/phase")
                .then().statusCode(400)
                .body(containsString("<a href=\"#discharge-reason\">Reason: is required to discharge an episode</a>"),
                        containsString("id=\"discharge-reason-error\""), not(containsString("id=\"treat-reason-error\"")),
                        containsString("Return to active treatment"))
                .extract().asString();
        assertEquals(1, html.split("There is a problem", -1).length - 1, "one error summary");
    }

    @Test
    void maintenanceSendsOneEntryPerLineAndBoosterDaysAt10London() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, episode("ACTIVE_TREATMENT", "\"MAINTENANCE\""));
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/maintenance", 201, "{\"id\":\"m-1\"}");
        String csrf = csrfFrom("clara", "/episodes/" + EPISODE_ID);
        form("clara", csrf)
                .formParam("relapseWarningSigns", "sleeping badly for a week\r\n\r\n  withdrawing from friends \r\n")
                .formParam("copingTools", "call a friend")
                .formParam("supports", "")
                .formParam("boosters", "2030-07-01").formParam("boosters", "").formParam("boosters", "2030-12-01")
                .formParam("boosters", "")
                .post("/episodes/" + EPISODE_ID + "/maintenance")
                .then().statusCode(303).header("Location", containsString("?done=maintenance"));
        String sent = FakeServices.last("POST /sessions/episodes/" + EPISODE_ID + "/maintenance").body();
        assertTrue(sent.contains("\"relapseWarningSigns\":[\"sleeping badly for a week\",\"withdrawing from friends\"]"), sent);
        assertTrue(sent.contains("\"supports\":[]"), sent);
        // 10:00 British Summer Time is 09:00 UTC; in December London is on UTC.
        assertTrue(sent.contains("\"boosters\":[\"2030-07-01T09:00:00Z\",\"2030-12-01T10:00:00Z\"]"), sent);
    }

    @Test
    void maintenanceErrorsOfListItemsLandOnTheirField() {
        FakeServices.answer("GET /sessions/episodes/" + EPISODE_ID, 200, episode("ACTIVE_TREATMENT", "\"MAINTENANCE\""));
        FakeServices.answer("POST /sessions/episodes/" + EPISODE_ID + "/maintenance", 400, """
                {"title":"Invalid request","status":400,"errors":[
                  {"field":"copingTools","message":"must not be empty"},
                  {"field":"boosters[0]","message":"must be in the future"}]}
                """);
        String csrf = csrfFrom("clara", "/episodes/" + EPISODE_ID);
        form("clara", csrf).formParam("relapseWarningSigns", "poor sleep").formParam("copingTools", "")
                .formParam("boosters", "2020-01-01")
                .post("/episodes/" + EPISODE_ID + "/maintenance")
                .then().statusCode(400)
                .body(containsString("id=\"copingTools-error\""), containsString("needs at least one entry"),
                        containsString("must be in the future"), containsString("value=\"2020-01-01\""),
                        containsString(">poor sleep</textarea>"));
    }

    // --- Care coordinator and social worker ------------------------------------------------------

    static String referral(String status) {
        return """
                {"id":"%s","status":"%s","urgency":"SOON","respondBy":"2030-01-31","programId":"p-1",
                 "programName":"Circle of Security parenting group","reason":"Support with parenting",
                 "hopes":"Calmer mornings","sharedInformation":"First name only","history":[
                   {"status":"SENT","party":"CLINIC","at":"2026-03-03T09:00:00Z","note":null}]}
                """.formatted(REFERRAL_ID, status);
    }

    static final String PROGRAMS = """
            [{"id":"p-1","organisationId":"riverside-family","organisationName":"Riverside Family Centre",
              "name":"Circle of Security parenting group","kind":"PARENTING_PROGRAM","languages":["en","es"],
              "area":"Riverside","remote":true,"acceptingReferrals":true}]
            """;

    @Test
    void programsCanBeFilteredByKind() {
        FakeServices.answer("GET /referrals/programs", 200, PROGRAMS);
        as("carmen").get("/programs").then().statusCode(200)
                .body(containsString("Circle of Security parenting group"), containsString("en, es"),
                        containsString("Riverside (also remote)"), containsString("/referrals/new?programId=p-1"));
        assertTrue(!FakeServices.last("GET /referrals/programs").query().contains("kind="));
        as("carmen").get("/programs?kind=PARENTING_PROGRAM").then().statusCode(200)
                .body(containsString("<option value=\"PARENTING_PROGRAM\" selected>"));
        assertTrue(FakeServices.last("GET /referrals/programs").query().contains("kind=PARENTING_PROGRAM"));
        // An unknown kind is not passed on.
        as("carmen").get("/programs?kind=NONSENSE").then().statusCode(200);
        assertTrue(!FakeServices.last("GET /referrals/programs").query().contains("kind="));
    }

    @Test
    void referralsListByStatus() {
        FakeServices.answer("GET /referrals/referrals", 200, "[" + referral("SENT") + "]");
        as("carmen").get("/referrals").then().statusCode(200)
                .body(containsString("<h1>Referrals</h1>"), containsString("badge-sent\">Sent"),
                        containsString("31 Jan 2030"), containsString("href=\"/referrals/new\""));
        as("sam").get("/referrals?status=SENT").then().statusCode(200)
                .body(containsString("<h1>Referral inbox</h1>"), containsString("<option value=\"SENT\" selected>"),
                        not(containsString("href=\"/referrals/new\"")));
        assertTrue(FakeServices.last("GET /referrals/referrals").query().contains("status=SENT"));
    }

    @Test
    void sendReferralOffersProgramsAndSendsTheForm() {
        FakeServices.answer("GET /referrals/programs", 200, PROGRAMS);
        FakeServices.answer("POST /referrals/referrals", 201, referral("SENT"));
        String csrf = csrfFrom("carmen", "/referrals/new?clientId=" + CLIENT_ID);
        as("carmen").get("/referrals/new?clientId=" + CLIENT_ID).then()
                .body(containsString("value=\"" + CLIENT_ID + "\""),
                        containsString("Circle of Security parenting group – Riverside Family Centre (Parenting program)"));
        form("carmen", csrf).formParam("clientId", CLIENT_ID).formParam("programId", "p-1")
                .formParam("reason", "Support with parenting").formParam("hopes", "Calmer mornings")
                .formParam("urgency", "SOON").formParam("respondBy", "2030-01-31")
                .formParam("sharedInformation", "First name only")
                .post("/referrals")
                .then().statusCode(303).header("Location", containsString("/referrals/" + REFERRAL_ID + "?done=sent"));
        String sent = FakeServices.last("POST /referrals/referrals").body();
        assertTrue(sent.contains("\"urgency\":\"SOON\"") && sent.contains("\"respondBy\":\"2030-01-31\""), sent);
    }

    @Test
    void socialWorkerAnswersAReferralWithAnIdempotencyKey() {
        FakeServices.answer("GET /referrals/referrals/" + REFERRAL_ID, 200, referral("RECEIVED"));
        FakeServices.answer("POST /referrals/referrals/" + REFERRAL_ID + "/accept", 200, referral("ACCEPTED"));
        as("sam").get("/referrals/" + REFERRAL_ID).then().statusCode(200)
                .body(containsString("Accept referral"), containsString("Decline referral"),
                        not(containsString("Withdraw referral")), not(containsString("Start work")));
        String csrf = csrfFrom("sam", "/referrals/" + REFERRAL_ID);
        form("sam", csrf).formParam("idempotencyKey", "k-123-accept")
                .post("/referrals/" + REFERRAL_ID + "/accept")
                .then().statusCode(303).header("Location", containsString("?done=accept"));
        FakeServices.Request accept = FakeServices.last("POST /referrals/referrals/" + REFERRAL_ID + "/accept");
        assertEquals("k-123-accept", accept.header("Idempotency-Key"));
        assertEquals("Bearer " + KeycloakTokens.of("sam"), accept.header("Authorization"));
    }

    @Test
    void declineWithoutReasonShowsTheFieldError() {
        FakeServices.answer("GET /referrals/referrals/" + REFERRAL_ID, 200, referral("SENT"));
        FakeServices.answer("POST /referrals/referrals/" + REFERRAL_ID + "/decline", 400,
                "{\"title\":\"Invalid request\",\"status\":400,\"errors\":[{\"field\":\"reason\",\"message\":\"must not be blank\"}]}");
        String csrf = csrfFrom("sam", "/referrals/" + REFERRAL_ID);
        form("sam", csrf).formParam("idempotencyKey", "k-2").formParam("reason", "")
                .post("/referrals/" + REFERRAL_ID + "/decline")
                .then().statusCode(400)
                .body(containsString("id=\"reason-error\""), containsString("Reason: is required"),
                        containsString("href=\"#reason\""));
    }

    @Test
    void aDeclineSendsItsCodedReasonAndTheNoteApart() {
        FakeServices.answer("GET /referrals/referrals/" + REFERRAL_ID, 200, referral("SENT"));
        FakeServices.answer("POST /referrals/referrals/" + REFERRAL_ID + "/decline", 200, referral("DECLINED"));
        String page = given().auth().oauth2(KeycloakTokens.of("sam")).get("/referrals/" + REFERRAL_ID)
                .then().statusCode(200).extract().asString();
        assertTrue(page.contains("<option value=\"NO_CAPACITY\">"), "the partner picks one of the service's codes");
        String csrf = csrfFrom("sam", "/referrals/" + REFERRAL_ID);
        form("sam", csrf).formParam("idempotencyKey", "k-3").formParam("reason", "NO_CAPACITY")
                .formParam("note", "Full until spring").post("/referrals/" + REFERRAL_ID + "/decline")
                .then().statusCode(303);
        assertEquals("{\"reason\":\"NO_CAPACITY\",\"note\":\"Full until spring\"}",
                FakeServices.last("POST /referrals/referrals/" + REFERRAL_ID + "/decline").body());
    }

    @Test
    void aCareCoordinatorCannotAnswerForThePartner() {
        form("carmen", csrfCookie("carmen")).post("/referrals/" + REFERRAL_ID + "/accept").then().statusCode(403);
        assertNull(FakeServices.last("POST /referrals/referrals/" + REFERRAL_ID + "/accept"));
    }

    // --- Failures --------------------------------------------------------------------------------

    @Test
    void aServiceFailureIsAFriendlyPage() {
        FakeServices.answer("GET /intake/clients", 500, """
                {"title":"Internal error","status":500,"detail":"Something went wrong on our side; quote abc-123 to support"}
                """);
        as("ingrid").get("/clients").then().statusCode(502)
                .body(allOf(containsString("Something went wrong"), containsString("quote abc-123"),
                        not(containsString("Exception")), not(containsString("at care.securebase"))));
    }

    @Test
    void somethingNotVisibleIsNotFound() {
        as("ingrid").get("/clients/" + CLIENT_ID).then().statusCode(404)
                .body(containsString("not visible to you"));
    }

    @Test
    void aServiceThatDoesNotAnswerIsAFriendlyPage() {
        FakeServices.hangUp("GET /notifications/notices");
        as("ada").get("/notices").then().statusCode(503)
                .body(containsString("not answering"), not(containsString("Exception")));
    }

    // --- Clinic-admin's read views ---------------------------------------------------------------

    @Test
    void remindersAskForAClientFirst() {
        as("ada").get("/reminders").then().statusCode(200)
                .body(containsString("<label for=\"clientId\">Client id</label>"), not(containsString("<table")));
        assertTrue(FakeServices.requests().isEmpty());
        FakeServices.answer("GET /notifications/reminders", 200, """
                [{"id":"r-1","clientId":"%s","boosterId":"b-1","leadTime":"P7D","appointmentAt":"2027-01-15T10:00:00Z",
                  "sendAt":"2027-01-08T10:00:00Z","status":"SKIPPED","sentAt":null,"channel":null,"attempts":0,
                  "reason":"no-email-address"}]
                """.formatted(CLIENT_ID));
        as("ada").get("/reminders?clientId=" + CLIENT_ID).then().statusCode(200)
                .body(containsString("15 Jan 2027, 10:00"), containsString("7 days"),
                        containsString("badge-skipped\">Skipped"), containsString("No email address"));
        assertTrue(FakeServices.last("GET /notifications/reminders").query().contains("clientId=" + CLIENT_ID));
    }

    @Test
    void noticesLog() {
        FakeServices.answer("GET /notifications/notices", 200, """
                [{"id":"n-1","referralId":"%s","clinicId":"northside","organisationId":"riverside-family",
                  "noticeEmail":"intake@riverside.example.org","status":"SENT","createdAt":"2026-03-03T09:00:00Z",
                  "sentAt":"2026-03-03T09:00:05Z","attempts":1,"reason":null}]
                """.formatted(REFERRAL_ID));
        as("ada").get("/notices").then().statusCode(200)
                .body(containsString("intake@riverside.example.org"), containsString("riverside-family"),
                        containsString("href=\"/referrals/" + REFERRAL_ID + "\""));
        as("carmen").get("/notices").then().statusCode(403);
    }

    @Test
    void adminReadsEverythingButGetsNoForms() {
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID, 200, CLIENT);
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID + "/consents", 200, CONSENTS);
        as("ada").get("/clients/" + CLIENT_ID).then().statusCode(200)
                .body(containsString("Jordan Avery Lee"), containsString("12 Apr 1990"),
                        containsString("/episodes?clientId=" + CLIENT_ID),
                        not(containsString("Complete intake")), not(containsString("Send a referral")));
        FakeServices.answer("GET /referrals/referrals/" + REFERRAL_ID, 200, referral("ACCEPTED"));
        as("ada").get("/referrals/" + REFERRAL_ID).then().statusCode(200)
                .body(containsString("Circle of Security parenting group"), not(containsString("<form")));
        as("ada").get("/clients/new").then().statusCode(403);
    }

    @Test
    void careCoordinatorMayWithdrawAReferralAndSeesTheClientLinks() {
        FakeServices.answer("GET /referrals/referrals/" + REFERRAL_ID, 200, referral("ACCEPTED").replace(
                "\"status\":\"ACCEPTED\",", "\"status\":\"ACCEPTED\",\"clientId\":\"" + CLIENT_ID
                        + "\",\"createdBy\":\"carmen\","));
        as("carmen").get("/referrals/" + REFERRAL_ID).then().statusCode(200)
                .body(containsString("Withdraw referral"), containsString("id=\"reason\""),
                        not(containsString("Accept referral")), containsString("href=\"/clients/" + CLIENT_ID + "\""),
                        containsString("Sent by</dt><dd>carmen"));
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID, 200, CLIENT);
        FakeServices.answer("GET /intake/clients/" + CLIENT_ID + "/consents", 200, CONSENTS);
        as("carmen").get("/clients/" + CLIENT_ID).then().statusCode(200)
                .body(containsString("/referrals/new?clientId=" + CLIENT_ID), not(containsString("Complete intake")));
    }

    @Test
    void pagingKeepsTheFilter() {
        FakeServices.answer("GET /sessions/episodes", 200, "[]");
        as("clara").get("/episodes?clientId=" + CLIENT_ID + "&page=2").then().statusCode(200)
                .body(containsString("No more episodes."),
                        containsString("href=\"/episodes?clientId=" + CLIENT_ID + "&amp;page=1\">Previous page"),
                        containsString("Page 3"));
        String query = FakeServices.last("GET /sessions/episodes").query();
        assertTrue(query.contains("clientId=" + CLIENT_ID) && query.contains("page=2"), query);
    }

    @Test
    void aFormAddressOpenedWithGetGoesBackToItsPage() {
        // What the browser does after signing in again when the session ran out during a POST.
        as("clara").get("/episodes/" + EPISODE_ID + "/maintenance").then().statusCode(303)
                .header("Location", containsString("/episodes/" + EPISODE_ID));
        as("sam").get("/referrals/" + REFERRAL_ID + "/decline").then().statusCode(303)
                .header("Location", containsString("/referrals/" + REFERRAL_ID));
        assertTrue(FakeServices.requests().isEmpty());
    }

    @Test
    void pagesAreAccessibleHtml() {
        as("ingrid").get("/clients/new").then().statusCode(200)
                .body(startsWith("<!DOCTYPE html>"), containsString("<html lang=\"en\">"),
                        containsString("<label for=\"legalName\">"), containsString("Skip to main content"),
                        containsString("<main id=\"main\""));
        as("ingrid").get("/clients/new").then().header("Content-Type", containsString("text/html"))
                .body(not(containsString("{inject:")), not(containsString("{#")),
                        containsString("<title>Register a client – SecureBase staff portal</title>"));
        // htmx comes from its WebJar, served by the portal itself (no CDN), without signing in.
        String html = as("ingrid").get("/").asString();
        Matcher script = Pattern.compile("<script src=\"(/webjars/htmx.org/[^\"]+)\"").matcher(html);
        assertTrue(script.find(), "the layout loads htmx");
        given().get(script.group(1)).then().statusCode(200).body(containsString("htmx"));
        given().get("/js/portal.js").then().statusCode(200);
        as("ingrid").get("/").then().body(containsString("href=\"/logout\""));
        given().get("/css/portal.css").then().body(containsString(":focus-visible"));
        as("ingrid").get("/").then().statusCode(equalTo(200));
    }
}
