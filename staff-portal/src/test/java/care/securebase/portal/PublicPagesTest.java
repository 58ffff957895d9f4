package care.securebase.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's pages (check-in and appointment links) against a stand-in sessions-service: no
 * sign-in and no token sent on, one step per page with the other answers carried in the form,
 * nothing sent to sessions before the last step, the crisis line on a risk answer, CSRF without a
 * session, and the same plain 404 for every link that does not work.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class PublicPagesTest {

    static final String TOKEN = "q7Yx3kPz0bN1mW2vC4dE5f.Ab-_9sT1uV2wX3yZ4a5b6c";
    static final String CHECK_IN = """
            {"clinicName":"Northside Clinic","crisisLine":"0800 123 4567","expiresAt":"2030-01-04T10:00:00Z",
             "steps":[
              {"instrument":"PHQ-9","title":"Mood","prompt":"Over the last 2 weeks, how often have you been bothered by:",
               "items":[%s],
               "riskRules":[{"level":"MODERATE","anyOf":[{"item":9,"atLeast":1}]}]},
              {"instrument":"GAD-7","title":"Worry","prompt":"Over the last 2 weeks:","items":[%s]}],
             "warningSigns":[{"index":0,"text":"Sleeping badly for a week"},{"index":1,"text":"Avoiding friends"}],
             "copingTools":[{"index":0,"text":"Call my sister"},{"index":1,"text":"Walk by the river"}],
             "diaryPrompt":true,"someNewField":"ignored"}
            """.formatted(items(9), items(7));
    static final ObjectMapper JSON = new ObjectMapper();

    static String items(int n) {
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            items.add("""
                    {"number":%d,"text":"Question text %d","options":[{"value":0,"label":"Not at all"},
                     {"value":1,"label":"Several days"},{"value":2,"label":"More than half the days"},
                     {"value":3,"label":"Nearly every day"}]}""".formatted(i, i));
        }
        return String.join(",", items);
    }

    @BeforeEach
    void clean() {
        FakeServices.reset();
        FakeServices.answer("GET /sessions/links/check-ins/" + TOKEN, 200, CHECK_IN);
    }

    /** A page's form as a browser would send it: its hidden fields (CSRF and carried answers) and these. */
    static Response send(Response page, String path, Map<String, String> fields) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        Matcher hidden = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
                .matcher(page.asString());
        while (hidden.find()) {
            form.computeIfAbsent(hidden.group(1), k -> new ArrayList<>()).add(unescape(hidden.group(2)));
        }
        fields.forEach((k, v) -> form.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .cookie("csrf-token", csrf(page));
        form.forEach((k, v) -> request.formParam(k, v.toArray()));
        return request.post(path);
    }

    static String csrf(Response page) {
        String cookie = page.cookie("csrf-token");
        return cookie != null ? cookie : PREVIOUS_CSRF.get();
    }

    /** Later pages keep the cookie of the first (the browser does not get a new one). */
    static final ThreadLocal<String> PREVIOUS_CSRF = new ThreadLocal<>();

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    static Map<String, String> answers(int instrument, int count, int value) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int i = 1; i <= count; i++) {
            answers.put("a" + instrument + "_" + i, String.valueOf(value));
        }
        return answers;
    }

    static Response open() {
        Response page = given().redirects().follow(false).get("/c/" + TOKEN);
        PREVIOUS_CSRF.set(page.cookie("csrf-token"));
        return page;
    }

    /** Every form control but hidden fields and buttons has a label pointing at its id. */
    static void everyControlLabelled(String html) {
        Matcher control = Pattern.compile("<(input|textarea|select)\\b([^>]*)>").matcher(html);
        int seen = 0;
        while (control.find()) {
            String attributes = control.group(2);
            if (attributes.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(attributes);
            assertTrue(id.find(), "a control without an id: " + control.group());
            assertTrue(html.contains("for=\"" + id.group(1) + "\""), "no label for " + id.group(1));
            seen++;
        }
        assertTrue(seen > 0, "the page has controls");
    }

    @Test
    void theCheckInOpensWithoutSigningInAndSendsNoToken() {
        Response page = open();
        assertEquals(200, page.statusCode(), page.asString());
        String html = page.asString();
        assertTrue(html.contains("Northside Clinic"));
        assertTrue(html.contains("Step 1 of 4"));
        assertTrue(html.contains("Question text 9"));
        assertFalse(html.contains("Question text 8\"") || html.contains("GAD-7"), "one instrument per step");
        assertTrue(html.contains("<section id=\"crisis\" class=\"crisis\" role=\"alert\" aria-labelledby=\"crisis-heading\" hidden>"),
                "the crisis line waits for a risk answer");
        assertTrue(html.contains("data-risk=\"true\""), "the risk options are marked for the script");
        assertFalse(html.contains("Sign out") || html.contains("staff portal"), "no staff navigation");
        everyControlLabelled(html);
        ClinicianPagesTest.checkHeadings("check-in", html);
        assertEquals("no-store", page.header("Cache-Control"));
        assertEquals("no-referrer", page.header("Referrer-Policy"));
        assertNotNull(page.cookie("csrf-token"), "CSRF works without a session: the cookie is set here");
        FakeServices.Request asked = FakeServices.last("GET /sessions/links/check-ins/" + TOKEN);
        assertNotNull(asked);
        assertNull(asked.header("Authorization"), "the link is the only credential");
        assertEquals("127.0.0.1", asked.header("X-Forwarded-For"), "sessions-service limits per client address too");
    }

    @Test
    void stepsCarryTheAnswersAndOnlyTheLastSendsThem() throws Exception {
        Response first = open();
        // Unanswered questions are named; nothing reaches sessions-service.
        Map<String, String> partial = answers(0, 9, 1);
        partial.remove("a0_3");
        Response refused = send(first, "/c/" + TOKEN, with(partial, "step", "0", "go", "next"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("Question 3: Choose an answer to question 3"), refused.asString());
        assertTrue(refused.asString().contains("href=\"#a0_3-0\""));
        assertTrue(refused.asString().contains("id=\"a0_1-1\" name=\"a0_1\" value=\"1\" checked"), "what was given stays ticked");
        assertTrue(refused.asString().contains("aria-labelledby=\"crisis-heading\">"),
                "the risk answer of this very step shows the crisis line even though the step is incomplete");

        // PHQ-9 complete with item 9 above 0: the next page shows the crisis line, without script.
        Response second = send(first, "/c/" + TOKEN, with(answers(0, 9, 1), "step", "0", "go", "next"));
        assertEquals(200, second.statusCode(), second.asString());
        String html = second.asString();
        assertTrue(html.contains("Step 2 of 4") && html.contains("Question text 7"));
        assertTrue(html.contains("aria-labelledby=\"crisis-heading\">"), "the crisis line is shown");
        assertTrue(html.contains("href=\"tel:08001234567\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"a0_9\" value=\"1\">"), "PHQ-9 is carried");
        ClinicianPagesTest.checkHeadings("check-in step 2 with the crisis line", html);

        // Back keeps the answers of both steps.
        Response back = send(second, "/c/" + TOKEN, with(answers(1, 7, 2), "step", "1", "go", "back"));
        assertTrue(back.asString().contains("Step 1 of 4"));
        assertTrue(back.asString().contains("id=\"a0_9-1\" name=\"a0_9\" value=\"1\" checked"));
        assertTrue(back.asString().contains("<input type=\"hidden\" name=\"a1_7\" value=\"2\">"));

        Response third = send(second, "/c/" + TOKEN, with(answers(1, 7, 2), "step", "1", "go", "next"));
        assertTrue(third.asString().contains("Which of these signs did you notice?"), third.asString());
        everyControlLabelled(third.asString());
        Response fourth = send(third, "/c/" + TOKEN, Map.of("step", "2", "go", "next", "warningSign", "1",
                "copingTool", "0"));
        assertTrue(fourth.asString().contains("Send my answers"));
        everyControlLabelled(fourth.asString());
        assertTrue(FakeServices.requests().stream().noneMatch(r -> r.method().equals("POST")),
                "nothing is sent before the last step");

        FakeServices.answer("POST /sessions/links/check-ins/" + TOKEN, 200,
                "{\"crisis\":true,\"crisisLine\":\"0800 123 4567\"}");
        Response done = send(fourth, "/c/" + TOKEN, Map.of("step", "3", "go", "send",
                "diary", "Talked with Sam <b>calmly</b> about the weekend"));
        assertEquals(200, done.statusCode(), done.asString());
        assertTrue(done.asString().contains("Thank you") && done.asString().contains("0800 123 4567"));
        assertFalse(done.asString().contains("calmly"), "what was sent is not shown back");
        ClinicianPagesTest.checkHeadings("thank-you", done.asString());
        JsonNode sent = JSON.readTree(FakeServices.last("POST /sessions/links/check-ins/" + TOKEN).body());
        assertEquals("[1,1,1,1,1,1,1,1,1]", sent.path("answers").path("PHQ-9").toString());
        assertEquals("[2,2,2,2,2,2,2]", sent.path("answers").path("GAD-7").toString());
        assertEquals("[1]", sent.path("warningSigns").toString());
        assertEquals("[0]", sent.path("copingTools").toString());
        assertEquals("Talked with Sam <b>calmly</b> about the weekend", sent.path("diary").asText());
        assertNull(FakeServices.last("POST /sessions/links/check-ins/" + TOKEN).header("Authorization"));
    }

    @Test
    void sendingEarlyGoesBackToTheFirstStepWithAQuestionOpen() {
        Response first = open();
        Response jumped = send(first, "/c/" + TOKEN, with(answers(0, 9, 0), "step", "3", "go", "send"));
        assertEquals(400, jumped.statusCode());
        assertTrue(jumped.asString().contains("Step 2 of 4") && jumped.asString().contains("Question 1: Choose"));
        assertTrue(FakeServices.requests().stream().noneMatch(r -> r.method().equals("POST")));
    }

    @Test
    void aRefusalOfSessionsServiceShowsTheStepItNames() {
        Response first = open();
        Response second = send(first, "/c/" + TOKEN, with(answers(0, 9, 0), "step", "0", "go", "next"));
        Response third = send(second, "/c/" + TOKEN, with(answers(1, 7, 0), "step", "1", "go", "next"));
        Response fourth = send(third, "/c/" + TOKEN, Map.of("step", "2", "go", "next"));
        FakeServices.answer("POST /sessions/links/check-ins/" + TOKEN, 400, """
                {"title":"Bad Request","status":400,"errors":[{"field":"answers.GAD-7[2]","message":"must be 0 to 3"}]}""");
        Response refused = send(fourth, "/c/" + TOKEN, Map.of("step", "3", "go", "send"));
        assertEquals(400, refused.statusCode());
        assertTrue(refused.asString().contains("Step 2 of 4") && refused.asString().contains("Please check your answers"));
    }

    @Test
    void aFormWithoutTheCsrfTokenIsRefusedAndNothingIsSent() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParams(answers(0, 9, 0)).formParam("step", "0").formParam("go", "send")
                .post("/c/" + TOKEN).then().statusCode(400).body(containsString("This page has expired"),
                        containsString("Nothing has been sent to your clinic"), not(containsString("staff portal")));
        assertTrue(FakeServices.requests().isEmpty(), "refused before sessions-service is asked");
    }

    @Test
    void aWrongExpiredOrUsedLinkIsOnePlain404() {
        String wrong = "AAAAAAAAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBB";
        // FakeServices answers 404 to any path it does not know: as sessions does for wrong, expired and used tokens.
        String fromService = given().redirects().follow(false).get("/c/" + wrong).then().statusCode(404)
                .body(containsString("This link does not work")).extract().asString();
        int asked = FakeServices.requests().size();
        String malformed = given().redirects().follow(false).get("/c/not%20a%20token%3Cscript%3E").then()
                .statusCode(404).extract().asString();
        String nested = given().redirects().follow(false).get("/c/abc/def").then().statusCode(404).extract().asString();
        String tooLong = given().redirects().follow(false).get("/c/" + "a".repeat(65)).then().statusCode(404)
                .extract().asString();
        assertEquals(asked, FakeServices.requests().size(), "a token of the wrong shape is not sent on");
        assertEquals(withoutCsrf(fromService), withoutCsrf(malformed));
        assertEquals(withoutCsrf(fromService), withoutCsrf(nested));
        assertEquals(withoutCsrf(fromService), withoutCsrf(tooLong));
        String appointment = given().redirects().follow(false).get("/a/" + wrong).then().statusCode(404)
                .extract().asString();
        assertEquals(withoutCsrf(fromService), withoutCsrf(appointment));
        // A used link: 404 on sending too.
        Response first = open();
        FakeServices.answer("GET /sessions/links/check-ins/" + TOKEN, 404, "{\"title\":\"Not Found\",\"status\":404}");
        Response used = send(first, "/c/" + TOKEN, with(answers(0, 9, 0), "step", "0", "go", "next"));
        assertEquals(404, used.statusCode());
        assertEquals(withoutCsrf(fromService), withoutCsrf(used.asString()));
    }

    static String withoutCsrf(String html) {
        return html.replaceAll("value=\"[A-Za-z0-9_-]{43}\"", "");
    }

    @Test
    void sessionsServiceDownIsAPlainPageNotAStackTrace() {
        FakeServices.hangUp("GET /sessions/links/check-ins/" + TOKEN);
        given().redirects().follow(false).get("/c/" + TOKEN).then().statusCode(503)
                .body(containsString("Not available just now"), not(containsString("Exception")),
                        not(containsString("sessions")));
    }

    @Test
    void theAppointmentPageConfirmsOrAsksToCancel() throws Exception {
        String token = "Zz9Yy8Xx7Ww6Vv5Uu4Tt3S.s2Rr1Qq0Pp-Oo_Nn9Mm8";
        FakeServices.answer("GET /sessions/links/appointments/" + token, 200, """
                {"clinicName":"Northside Clinic","startsAt":"2030-01-15T10:00:00Z","timeZone":"Europe/London",
                 "telehealth":true,"videoLink":"https://video.example.org/room/42","confirmation":"NOT_CONFIRMED"}""");
        Response page = given().redirects().follow(false).get("/a/" + token);
        assertEquals(200, page.statusCode(), page.asString());
        String html = page.asString();
        assertTrue(html.contains("Northside Clinic") && html.contains("Tuesday 15 January 2030, 10:00 (Europe/London time)"));
        assertTrue(html.contains("href=\"https://video.example.org/room/42\" rel=\"noreferrer noopener\""));
        assertEquals("no-referrer", page.header("Referrer-Policy"), "the video service never sees the link");
        FakeServices.answer("POST /sessions/links/appointments/" + token, 200, "{\"confirmation\":\"CANCEL_REQUESTED\"}");
        Response done = send(page, "/a/" + token, Map.of("action", "CANCEL_REQUEST"));
        assertEquals(200, done.statusCode(), done.asString());
        assertTrue(done.asString().contains("knows you need to cancel"));
        FakeServices.Request sent = FakeServices.last("POST /sessions/links/appointments/" + token);
        assertEquals("CANCEL_REQUEST", JSON.readTree(sent.body()).path("action").asText());
        assertNull(sent.header("Authorization"));
        Response odd = send(page, "/a/" + token, Map.of("action", "DELETE"));
        assertEquals(400, odd.statusCode());
        assertEquals(1, FakeServices.requests().stream().filter(r -> r.method().equals("POST")).count());
    }

    @Test
    void aSignedOutVisitorIsNotSentToTheLoginPage() {
        given().redirects().follow(false).get("/c/" + TOKEN).then().statusCode(200)
                .header("Location", equalTo(null));
        given().redirects().follow(false).get("/episodes").then().statusCode(302);
    }

    static Map<String, String> with(Map<String, String> answers, String... more) {
        Map<String, String> all = new LinkedHashMap<>(answers);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }
}
