package care.securebase.e2e;

import static care.securebase.e2e.Browser.choose;
import static care.securebase.e2e.Browser.driver;
import static care.securebase.e2e.Browser.heading;
import static care.securebase.e2e.Browser.open;
import static care.securebase.e2e.Browser.press;
import static care.securebase.e2e.Browser.screenshot;
import static care.securebase.e2e.Browser.signIn;
import static care.securebase.e2e.Browser.text;
import static care.securebase.e2e.Browser.type;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.ReferralOverdue;
import care.securebase.events.Topics;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A care coordinator finds a program in the directory and sends a referral in the browser; the
 * partner's social worker accepts it from the inbox and sets the first appointment; the
 * coordinator's board shows it. A send without the client's consent says which consent is missing;
 * the notifications badge counts what is unread.
 */
@ExtendWith({Stack.class, Browser.class})
class ReferralInBrowserIT {

    private static final String RUN = Fixture.letters(6);

    /** A client of northside registered through intake's API, with these consents. */
    static String client(String name, List<String> consents) {
        return given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", name, "dateOfBirth", "1985-09-09",
                        "preferredChannel", "NONE", "language", "en", "timeZone", "Europe/London",
                        "consents", consents.stream().map(scope -> Map.of("scope", scope, "granted", true,
                                "formVersion", "e2e")).toList()))
                .post(Stack.INTAKE.url() + "/clients")
                .then().statusCode(201).extract().path("id");
    }

    /** A parenting program of riverside-family (sam's organisation), taking referrals. */
    static String parentingProgram(String name) {
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", "Riverside Family Services", "noticeEmail", "intake-" + RUN + "@riverside.example.org"))
                .put(Stack.REFERRALS.url() + "/organisations/riverside-family")
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
        return given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("organisationId", "riverside-family", "name", name,
                        "kind", "PARENTING_PROGRAM", "languages", List.of("en", "es"), "area", "North",
                        "remote", true, "acceptingReferrals", true, "minAge", 16, "places", 3))
                .post(Stack.REFERRALS.url() + "/programs")
                .then().statusCode(201).extract().path("id");
    }

    static void fillReferral(String reason) {
        type("reason", reason);
        type("hopes", "Calmer mornings with the children");
        choose("urgency", "SOON");
        driver().executeScript("document.getElementById('respondBy').value = arguments[0]",
                LocalDate.now().plusDays(14).toString());
        type("sharedInformation", "First name and the best time to call");
    }

    @Test
    void carmenFindsAProgramAndSendsSamAcceptsAndSchedules() {
        // The directory and the client come in through the APIs: this test is about the two people's pages.
        // Registered first, with consent to share with parenting programs: the consent reaches
        // referrals-service through intake's events while the directory entry is made.
        String clientId = client("Avery Referral " + RUN, List.of("SHARE_PARENTING_PROGRAM"));
        String programId = parentingProgram("Parenting circle " + RUN);

        signIn("carmen");
        // The directory: Spanish-speaking parenting programs for a 34-year-old, taking referrals now.
        open("/programs");
        choose("kind", "PARENTING_PROGRAM");
        type("language", "es");
        type("age", "34");
        type("q", "circle " + RUN);
        driver().findElement(By.id("accepting")).click();
        press("Search");
        assertTrue(text().contains("1 program matching the search"), text());
        screenshot("directory-search");
        assertTrue(Browser.fitsWidth(768), "the directory reads on a tablet without scrolling sideways");
        driver().findElement(By.linkText("Parenting circle " + RUN)).click();
        Browser.waiting().until(d -> heading().equals("Parenting circle " + RUN));
        driver().findElement(By.linkText("Refer a client to this program")).click();
        Browser.waiting().until(d -> heading().equals("Send a referral"));
        // The client picker: find by name, then choose.
        type("clientQ", "Avery Referral " + RUN);
        press("Find");
        choose("clientId", clientId);
        // Before sending, the form says the client consented to sharing with parenting programs.
        Browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("consent-check")).getText().contains("Consent given"));
        assertEquals(programId, new org.openqa.selenium.support.ui.Select(driver().findElement(By.id("programId")))
                .getFirstSelectedOption().getAttribute("value"));
        fillReferral("Support with parenting after a separation");
        screenshot("referral-send");
        press("Send referral");
        assertTrue(text().contains("The referral is sent."), text());
        String referralUrl = driver().getCurrentUrl();
        String referralId = referralUrl.replaceAll(".*/referrals/([0-9a-f-]{36}).*", "$1");

        signIn("sam");
        open("/referrals");
        assertEquals("Referral inbox", heading());
        assertTrue(text().contains("Parenting circle " + RUN), text());
        screenshot("referral-inbox");
        driver().findElement(By.cssSelector("a[href='/referrals/" + referralId + "']")).click();
        Browser.waiting().until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Referral to"));
        assertTrue(!text().contains("Avery Referral"), "the partner never sees the client's name");
        press("Accept referral");
        Browser.waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("You accepted the referral."));
        assertTrue(text().contains("Accepted"), text());
        screenshot("referral-accepted");
        String appointment = LocalDate.now().plusDays(10).toString();
        driver().executeScript("document.getElementById('date').value = arguments[0]", appointment);
        press("Set the first appointment");
        Browser.waiting().until(d -> d.findElement(By.tagName("main")).getText().contains("The first appointment is set."));
        assertTrue(text().contains("Scheduled"), text());

        // The clinic sees the answer, and the board has it under Scheduled.
        signIn("carmen");
        open("/referrals/" + referralId);
        assertTrue(text().contains("Scheduled") && text().contains("First appointment"), text());
        open("/board");
        assertEquals("Referral board", heading());
        WebElement scheduled = driver().findElement(By.id("col-scheduled")).findElement(By.xpath(".."));
        assertTrue(scheduled.getText().contains("Parenting circle " + RUN), scheduled.getText());
        screenshot("referral-board");
        assertTrue(Browser.fitsWidth(768), "the board reads on a tablet without scrolling sideways");
    }

    @Test
    void aSendWithoutTheClientsConsentSaysWhichConsentIsMissing() {
        String clientId = client("Blair Noconsent " + RUN, List.of());
        String programId = parentingProgram("Parenting group " + RUN);
        signIn("carmen");
        open("/referrals/new?programId=" + programId + "&clientId=" + clientId);
        Browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElement(By.id("consent-check")).getText().contains("No consent recorded"));
        fillReferral("Support with parenting");
        press("Send referral");
        assertEquals("Send a referral", heading());
        String page = text();
        assertTrue(page.contains("Consent missing")
                && page.contains("has not consented to sharing with parenting programs")
                && page.contains("SHARE_PARENTING_PROGRAM"), page);
        assertTrue(driver().findElement(By.id("reason")).getAttribute("value").contains("Support with parenting"),
                "what was typed is kept");
        assertTrue(driver().findElement(By.linkText("Open the client's consents")).getAttribute("href")
                .endsWith("/clients/" + clientId + "#consents"));
        screenshot("referral-consent-missing");
    }

    @Test
    void theNotificationsBadgeCountsDownAsNoticesAreRead() {
        // Two overdue notices for carmen, as referrals-service announces them (its check runs every 15 minutes).
        for (String kind : List.of("UNANSWERED", "NOT_STARTED")) {
            TestKafka.publish(Stack.TOPIC_PREFIX + Topics.REFERRALS, new ReferralOverdue(UUID.randomUUID(),
                    UUID.randomUUID(), "northside", "riverside-family", "carmen", kind));
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(500)).until(() ->
                        given().auth().oauth2(Tokens.of("carmen")).get(Stack.NOTIFICATIONS.url() + "/inbox/count")
                                .then().statusCode(200).extract().<Integer>path("unread") >= 2);
        signIn("carmen");
        open("/notifications");
        assertEquals("Notifications", heading());
        int before = unreadBadge();
        assertTrue(before >= 2, "badge " + before);
        driver().findElement(By.xpath("(//button[starts-with(normalize-space(), 'Mark as read')])[1]")).click();
        Browser.waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> text().contains("Marked as read."));
        Browser.waiting().until(d -> unreadBadge() == before - 1);
        press("Mark all as read");
        assertTrue(text().contains("All your notifications are marked as read."), text());
        assertEquals(0, unreadBadge());
    }

    /**
     * The unread count in the header, once htmx has swapped in the counted link (0 when nothing is
     * unread); read in one script, as htmx may replace the link at any moment.
     */
    static int unreadBadge() {
        Object unread = Browser.waiting().until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "var a = document.getElementById('inbox-link');"
                        + "if (!a || (a.getAttribute('hx-trigger') || '').indexOf('every') < 0) return null;"
                        + "var b = a.querySelector('.count-badge'); return b ? b.getAttribute('data-unread') : '0';"));
        return Integer.parseInt(unread.toString());
    }
}
