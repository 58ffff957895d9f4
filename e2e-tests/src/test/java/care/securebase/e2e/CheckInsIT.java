package care.securebase.e2e;

import static care.securebase.e2e.ClientEpisodes.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.Topics;
import care.securebase.kit.testing.TestKafka;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Check-ins on the real stack: a clinician's weekly schedule makes a check-in fall due, the client's mail
 * carries only the clinic and a link, the client answers on a phone (headless Chromium at 360 px), the
 * clinician sees the deterioration and the self-reported point; the link then works no more, an expired
 * one neither, and a risk answer reaches the on-call clinician by mail within a minute.
 */
@ExtendWith({Stack.class, Browser.class})
class CheckInsIT {

    /** Words a client's message must not carry: the message says which clinic asks, and the link. */
    static final List<String> CLINICAL_WORDS = List.of("phq", "gad-7", "depress", "anxi", "mood", "risk", "suicid",
            "symptom", "score", "diagnos", "therap", "mental", "questionnaire", "diary", "warning sign", "episode");
    static final int PHONE_WIDTH = 360;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

    @BeforeAll
    static void settings() {
        Fixture.get();
        StandardSettings.restore();
    }

    @Test
    void aWeeklyCheckInAnsweredOnAPhoneShowsTheClinicianTheDeterioration() {
        ClientEpisodes.Opened a = ClientEpisodes.open("Wren");
        String sessions = Stack.SESSIONS.url();
        // The clinician's own administration: a low PHQ-9 the check-in's will be compared with.
        as("clara").body(Map.of("instrument", "PHQ-9", "answers", List.of(0, 1, 0, 0, 0, 0, 1, 0, 0)))
                .post(sessions + "/episodes/" + a.episode() + "/outcomes").then().statusCode(201);
        Instant booster = Instant.now().plus(120, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        as("clara").body(Map.of("relapseWarningSigns", List.of("pulling away from people", "sleeping badly"),
                        "copingTools", List.of("paced breathing"), "supports", List.of("a friend"),
                        "boosters", List.of(booster.toString())))
                .post(sessions + "/episodes/" + a.episode() + "/maintenance").then().statusCode(201);
        as("clara").body(Map.of("instruments", List.of("PHQ-9"), "frequency", "WEEKLY",
                        "until", LocalDate.now().plusDays(60).toString(), "includeWarningSigns", true,
                        "includeCopingTools", true, "diaryPrompt", true, "warningSignThreshold", 2))
                .put(sessions + "/episodes/" + a.episode() + "/check-in-schedule").then().statusCode(200);

        String mail = onlyMailTo(a.email());
        String link = linkIn(mail, "/c/");
        assertNoClinicalWords(mail, a);
        String token = link.substring(link.lastIndexOf('/') + 1);
        String clinicName = given().get(sessions + "/links/check-ins/" + token)
                .then().statusCode(200).extract().path("clinicName");
        assertTrue(mail.contains(clinicName), "the mail says which clinic asks: " + clinicName);

        String diary = "Told my sister what I needed " + Fixture.letters(6);
        ChromeDriver d = phone();
        try {
            d.get(link);
            assertEquals(PHONE_WIDTH, ((Number) d.executeScript("return window.innerWidth")).intValue());
            assertEquals("How have you been?", d.findElement(By.tagName("h1")).getText());
            String page = d.findElement(By.tagName("body")).getText();
            assertTrue(page.contains(clinicName), "the clinic's name on the page");
            assertFalse(page.contains(a.name()), "nothing of the client on the page");
            assertFitsPhone(d);
            // PHQ-9: 2 on items 1-8 (16), item 9 at 0; an item asked only if it applies gets the lowest answer.
            for (WebElement question : d.findElements(By.cssSelector("fieldset.question"))) {
                String id = question.getAttribute("id");
                int number = Integer.parseInt(id.substring(id.lastIndexOf('_') + 1));
                tick(d, id + "-" + (number <= 8 ? 2 : 0));
            }
            press(d, "Next");
            assertTrue(d.findElement(By.tagName("main")).getText().contains("Since your last check-in"));
            assertFitsPhone(d);
            tick(d, "warningSign-0");
            tick(d, "copingTool-0");
            press(d, "Next");
            assertFitsPhone(d);
            d.findElement(By.id("diary")).sendKeys(diary);
            press(d, "Send my answers");
            assertEquals("Thank you", d.findElement(By.tagName("h1")).getText());
            assertFitsPhone(d);
        } finally {
            d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        var answered = as("clara").get(sessions + "/episodes/" + a.episode() + "/check-ins").then().statusCode(200)
                .body("[0].status", equalTo("ANSWERED")).body("[0].flags", hasItem("DETERIORATION")).extract();
        Map<String, Object> totals = answered.path("[0].totals");
        assertEquals(16, ((Number) totals.get("PHQ-9")).intValue(), "the check-in's total: " + totals);
        String checkIn = answered.path("[0].id");
        as("clara").get(sessions + "/check-ins/" + checkIn).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString(diary))
                .body(org.hamcrest.Matchers.containsString("pulling away from people"));
        List<Map<String, Object>> caseload = as("clara").queryParam("size", 200).get(sessions + "/caseload")
                .then().statusCode(200).extract().path("findAll { it.episodeId == '" + a.episode() + "' }");
        assertEquals(1, caseload.size(), "the episode is on clara's caseload");
        assertTrue(String.valueOf(caseload.get(0).get("openFlags")).contains("DETERIORATION"),
                "the caseload shows the deterioration: " + caseload.get(0));
        String outcomes = as("clara").get(sessions + "/episodes/" + a.episode() + "/outcomes")
                .then().statusCode(200).extract().asString();
        assertTrue(outcomes.contains("\"selfReported\":true"), "a self-reported point: " + outcomes);
        assertTrue(outcomes.contains("DETERIORATED"), "reliable change over staff's and the client's scores: " + outcomes);

        Browser.signIn("clara");
        Browser.open("/episodes/" + a.episode() + "/outcomes?instrument=PHQ-9");
        Browser.waiting().until(x -> !x.findElements(By.cssSelector("svg rect.dot-self")).isEmpty());
        assertTrue(Browser.text().contains("The client (check-in)"), "the chart's table says who gave the point");
        assertTrue(Browser.text().contains("Self-reported by the client"), "the chart's key explains the square");

        // Answered: the link is dead, on the page and at the API, the same as a wrong one.
        assertNotFound(token);
        assertEquals(404, Http.json("POST", sessions + "/links/check-ins/" + token, null,
                "{\"answers\":{\"PHQ-9\":[0,0,0,0,0,0,0,0,0]}}").status());
    }

    @Test
    void anExpiredLinkIsNotFound() throws Exception {
        ClientEpisodes.Opened b = ClientEpisodes.open("Rowan");
        String checkIn = scheduleAndAwaitCheckIn(b);
        String token = tokenOf(checkIn);
        given().get(Stack.SESSIONS.url() + "/links/check-ins/" + token).then().statusCode(200);
        // The clinic's expiry is at least an hour: the check-in is made to have fallen due that long ago.
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + Stack.PG_PORT + "/sessions_e2e",
                "sessions", "sessions");
             PreparedStatement update = c.prepareStatement(
                     "update check_in set expires_at = now() - interval '1 minute' where id = ?::uuid")) {
            update.setString(1, checkIn);
            assertEquals(1, update.executeUpdate());
        }
        assertNotFound(token);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                as("clara").get(Stack.SESSIONS.url() + "/episodes/" + b.episode() + "/check-ins")
                        .then().statusCode(200).body("[0].status", equalTo("EXPIRED")));
    }

    @Test
    void aRiskAnswerReachesTheOnCallClinicianWithinAMinute() {
        ClientEpisodes.Opened c = ClientEpisodes.open("Sorrel");
        String token = tokenOf(scheduleAndAwaitCheckIn(c));
        Instant sent = Instant.now();
        given().contentType(ContentType.JSON)
                .body(Map.of("answers", Map.of("PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 0))))
                .post(Stack.SESSIONS.url() + "/links/check-ins/" + token)
                .then().statusCode(200).body("crisis", equalTo(true));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                Mailbox.messagesFor("clara@securebase.test").stream()
                        .map(Mailbox::decoded).anyMatch(m -> m.contains(c.client()) || m.contains(c.episode())));
        long seconds = Duration.between(sent, Instant.now()).toSeconds();
        List<String> notices = Mailbox.messagesFor("clara@securebase.test").stream().map(Mailbox::decoded)
                .filter(m -> m.contains(c.client()) || m.contains(c.episode())).toList();
        assertEquals(1, notices.size(), "one on-call notice");
        assertTrue(notices.get(0).contains("needs contact today"), notices.get(0));
        assertFalse(notices.get(0).contains(c.name()), "the client's name stays behind the portal login");
        assertTrue(seconds <= 60, "on-call notice after " + seconds + " s");
        as("clara").get(Stack.SESSIONS.url() + "/episodes/" + c.episode() + "/check-ins").then().statusCode(200)
                .body("[0].flags", hasItem("RISK"));
    }

    /** A weekly PHQ-9 schedule on the episode; its first check-in falls due at once. */
    static String scheduleAndAwaitCheckIn(ClientEpisodes.Opened o) {
        as("clara").body(Map.of("instruments", List.of("PHQ-9"), "frequency", "WEEKLY",
                        "until", LocalDate.now().plusDays(30).toString(), "includeWarningSigns", false,
                        "includeCopingTools", false, "diaryPrompt", false))
                .put(Stack.SESSIONS.url() + "/episodes/" + o.episode() + "/check-in-schedule").then().statusCode(200);
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                (id[0] = as("clara").get(Stack.SESSIONS.url() + "/episodes/" + o.episode() + "/check-ins")
                        .then().statusCode(200).extract().path("[0].id")) != null);
        return id[0];
    }

    /** The link token of a check-in, from its check-in-due event (the mail is checked by the first test). */
    static String tokenOf(String checkIn) {
        java.util.function.Predicate<EventEnvelope> due = e -> e.type().equals("check-in-due")
                && checkIn.equals(e.data().path("checkInId").asText());
        return TestKafka.read(Stack.TOPIC_PREFIX + Topics.SESSIONS, Duration.ofSeconds(30),
                        seen -> seen.stream().anyMatch(due)).stream()
                .filter(due).findFirst().orElseThrow().data().path("link").asText();
    }

    /** The one mail to this address (a duplicate is given three seconds to show up), decoded. */
    static String onlyMailTo(String address) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !Mailbox.messagesFor(address).isEmpty());
        Db.sleep(3000);
        List<Map<String, Object>> mail = Mailbox.messagesFor(address);
        assertEquals(1, mail.size(), "exactly one message to " + address);
        return Mailbox.decoded(mail.get(0));
    }

    /** The link to this run's portal page under {@code prefix} ("/c/", "/a/"). */
    static String linkIn(String mail, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(Stack.PORTAL.url() + prefix) + "[A-Za-z0-9_.-]{1,64}").matcher(mail);
        assertTrue(m.find(), "a link to " + Stack.PORTAL.url() + prefix + " in:\n" + mail);
        return m.group();
    }

    /** No clinical word and no name of the client, in the headers or the text (links aside: they are random). */
    static void assertNoClinicalWords(String mail, ClientEpisodes.Opened client) {
        String text = URL.matcher(mail).replaceAll(" ").toLowerCase(Locale.ROOT);
        for (String word : CLINICAL_WORDS) {
            assertFalse(text.contains(word), "the message must not say '" + word + "':\n" + mail);
        }
        assertFalse(text.contains(client.name().toLowerCase(Locale.ROOT)), "no client name:\n" + mail);
        assertFalse(text.contains(client.legalName().toLowerCase(Locale.ROOT)), "no client name:\n" + mail);
    }

    /** The portal's page and sessions-service's API answer a dead link exactly as a wrong one. */
    static void assertNotFound(String token) {
        Http.Resp page = Http.send("GET", Stack.PORTAL.url() + "/c/" + token, null, null, null);
        Http.Resp wrong = Http.send("GET", Stack.PORTAL.url() + "/c/" + Fixture.NO_SUCH_LINK, null, null, null);
        assertEquals(404, page.status(), page.body());
        assertEquals(404, wrong.status(), wrong.body());
        assertEquals(wrong.body().replace(Fixture.NO_SUCH_LINK, "T"), page.body().replace(token, "T"),
                "the same page as a wrong link");
        Http.Resp api = Http.json("GET", Stack.SESSIONS.url() + "/links/check-ins/" + token, null, null);
        assertEquals(404, api.status(), api.body());
        assertTrue(api.isProblem() && api.body().contains("\"Not Found\""), api.body());
        for (String why : List.of("expired", "used", "answered", "submitted")) {
            assertFalse(api.body().toLowerCase(Locale.ROOT).contains(why), api.body());
        }
    }

    /** The shared browser as a phone: 360 CSS pixels wide, touch, twice the density. */
    static ChromeDriver phone() {
        ChromeDriver d = Browser.driver();
        d.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        d.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH, "height", 740,
                "deviceScaleFactor", 2, "mobile", true));
        return d;
    }

    static void tick(ChromeDriver d, String id) {
        d.findElement(By.cssSelector("label[for='" + id + "']")).click();
        assertTrue(d.findElement(By.id(id)).isSelected(), id + " is ticked");
    }

    static void press(ChromeDriver d, String text) {
        WebElement button = d.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
        button.click();
        Browser.untilReplaced(button);
    }

    /** No sideways scrolling at the phone's width, and a label for every control shown. */
    @SuppressWarnings("unchecked")
    static void assertFitsPhone(ChromeDriver d) {
        assertTrue((Boolean) d.executeScript(
                        "return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                "no horizontal scroll at " + PHONE_WIDTH + " px on " + d.getTitle());
        List<String> unlabelled = (List<String>) d.executeScript("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                  .filter(e => e.type !== 'hidden')
                  .filter(e => !e.labels || e.labels.length === 0 || e.labels[0].textContent.trim() === '')
                  .map(e => e.name + '#' + e.id);""");
        assertTrue(unlabelled.isEmpty(), "controls without a label: " + unlabelled);
    }
}
