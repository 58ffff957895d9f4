package care.securebase.e2e;

import static care.securebase.e2e.ClientEpisodes.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Session reminders on the real stack: two sessions booked within the clinic's session lead time each get
 * a reminder at once, with the clinic, the time and a link and no client name; on a phone the client
 * confirms one (the caseload shows it confirmed) and asks to cancel the other (the clinician's inbox gets
 * the request, the session stays booked); a used link is dead.
 */
@ExtendWith({Stack.class, Browser.class})
class AppointmentRemindersIT {

    @BeforeAll
    static void settings() {
        Fixture.get();
        StandardSettings.restore();
        // A day ahead: a session a few hours away is reminded at once.
        given().auth().oauth2(care.securebase.kit.testing.Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("leadTimes", List.of("P7D", "P1D"), "appointmentLeadTimes", List.of("P1D"),
                        "quietStart", "21:00", "quietEnd", "08:00", "defaultLanguage", "en-GB"))
                .put(Stack.NOTIFICATIONS.url() + "/settings").then().statusCode(200)
                .body("appointmentLeadTimes", equalTo(List.of("P1D")));
    }

    @Test
    void theClientConfirmsOneSessionAndAsksToCancelAnother() {
        ClientEpisodes.Opened o = ClientEpisodes.open("Linden");
        String sessions = Stack.SESSIONS.url();
        String video = "https://video.example.org/room/" + Fixture.letters(8);
        Instant soon = Instant.now().plus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        String confirmed = as("clara").body(Map.of("plannedStart", soon.toString(), "lengthMinutes", 50,
                        "modality", "INDIVIDUAL", "telehealth", false))
                .post(sessions + "/episodes/" + o.episode() + "/sessions").then().statusCode(201).extract().path("id");
        String toCancel = as("clara").body(Map.of("plannedStart", soon.plus(2, ChronoUnit.HOURS).toString(),
                        "lengthMinutes", 50, "modality", "INDIVIDUAL", "telehealth", true, "videoLink", video))
                .post(sessions + "/episodes/" + o.episode() + "/sessions").then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Mailbox.messagesFor(o.email()).size() >= 2);
        Db.sleep(3000);
        List<String> mails = Mailbox.messagesFor(o.email()).stream().map(Mailbox::decoded).toList();
        assertEquals(2, mails.size(), "one reminder per session");
        String inPerson = mails.stream().filter(m -> !m.contains(video)).findFirst().orElseThrow();
        String byVideo = mails.stream().filter(m -> m.contains(video)).findFirst().orElseThrow();
        String confirmLink = CheckInsIT.linkIn(inPerson, "/a/");
        String cancelLink = CheckInsIT.linkIn(byVideo, "/a/");
        for (String mail : mails) {
            CheckInsIT.assertNoClinicalWords(mail, o);
        }
        String confirmToken = confirmLink.substring(confirmLink.lastIndexOf('/') + 1);
        String cancelToken = cancelLink.substring(cancelLink.lastIndexOf('/') + 1);
        String clinicName = given().get(sessions + "/links/appointments/" + confirmToken).then().statusCode(200)
                .body("confirmation", equalTo("NOT_CONFIRMED")).extract().path("clinicName");
        assertTrue(inPerson.contains(clinicName) && byVideo.contains(clinicName), "the clinic in both: " + clinicName);

        ChromeDriver d = CheckInsIT.phone();
        try {
            d.get(confirmLink);
            assertEquals("Your appointment", d.findElement(By.tagName("h1")).getText());
            assertFalse(d.findElement(By.tagName("body")).getText().contains(o.name()), "nothing of the client");
            CheckInsIT.assertFitsPhone(d);
            CheckInsIT.press(d, "Yes, I will come");
            assertEquals("Thank you", d.findElement(By.tagName("h1")).getText());
            assertTrue(d.findElement(By.tagName("main")).getText().contains("is confirmed"));

            d.get(cancelLink);
            assertTrue(d.findElement(By.tagName("main")).getText().contains("By video"));
            CheckInsIT.press(d, "I need to cancel");
            assertEquals("Thank you", d.findElement(By.tagName("h1")).getText());
            assertTrue(d.findElement(By.tagName("main")).getText().contains("stays booked"));
        } finally {
            d.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        as("clara").get(sessions + "/sessions/" + confirmed).then().statusCode(200)
                .body("confirmation", equalTo("CONFIRMED"));
        List<Map<String, Object>> rows = as("clara").queryParam("size", 200).get(sessions + "/caseload")
                .then().statusCode(200).extract().path("findAll { it.episodeId == '" + o.episode() + "' }");
        assertEquals(1, rows.size(), "the episode is on clara's caseload");
        @SuppressWarnings("unchecked")
        Map<String, Object> next = (Map<String, Object>) rows.get(0).get("nextSession");
        assertEquals(confirmed, next.get("id"), "the next session: " + rows.get(0));
        assertEquals("CONFIRMED", next.get("confirmation"));

        as("clara").get(sessions + "/sessions/" + toCancel).then().statusCode(200)
                .body("confirmation", equalTo("CANCEL_REQUESTED")).body("status", equalTo("SCHEDULED"));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() ->
                as("clara").queryParam("unread", true).queryParam("size", 50).get(Stack.NOTIFICATIONS.url() + "/inbox")
                        .then().statusCode(200).extract().<List<Object>>path(
                                "items.findAll { it.kind == 'APPOINTMENT_CANCEL_REQUESTED' && (it.subjectId == '"
                                        + toCancel + "' || it.clientId == '" + o.client() + "') }").size() == 1);

        for (String token : List.of(confirmToken, cancelToken)) {
            Http.Resp page = Http.send("GET", Stack.PORTAL.url() + "/a/" + token, null, null, null);
            assertEquals(404, page.status(), page.body());
            Http.Resp api = Http.json("GET", sessions + "/links/appointments/" + token, null, null);
            assertEquals(404, api.status(), api.body());
            assertTrue(api.isProblem(), api.body());
            assertEquals(404, Http.json("POST", sessions + "/links/appointments/" + token, null,
                    "{\"action\":\"CONFIRM\"}").status());
        }
        as("clara").get(sessions + "/sessions/" + toCancel).then().statusCode(200)
                .body("confirmation", equalTo("CANCEL_REQUESTED"));
    }
}
