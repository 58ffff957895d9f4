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

import care.securebase.kit.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** A care coordinator sends a referral in the browser; the partner's social worker accepts it from the inbox. */
@ExtendWith({Stack.class, Browser.class})
class ReferralInBrowserIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);

    @Test
    void carmenSendsSamAccepts() {
        // The directory and the client come in through the APIs: this test is about the two people's pages.
        // Registered first, with consent to share with parenting programs: the consent reaches
        // referrals-service through intake's events while the directory entry is made.
        String clientId = given().auth().oauth2(Tokens.of("ingrid")).contentType(ContentType.JSON)
                .body(Map.of("legalName", "Avery Referral " + RUN, "dateOfBirth", "1985-09-09",
                        "preferredChannel", "NONE", "language", "en", "timeZone", "Europe/London",
                        "consents", List.of(Map.of("scope", "SHARE_PARENTING_PROGRAM", "granted", true,
                                "formVersion", "e2e"))))
                .post(Stack.INTAKE.url() + "/clients")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("name", "Riverside Family Services", "noticeEmail", "intake-" + RUN + "@riverside.example.org"))
                .put(Stack.REFERRALS.url() + "/organisations/riverside-family")
                .then().statusCode(anyOf(equalTo(200), equalTo(201)));
        String programId = given().auth().oauth2(Tokens.of("ada")).contentType(ContentType.JSON)
                .body(Map.of("organisationId", "riverside-family", "name", "Parenting circle " + RUN,
                        "kind", "PARENTING_PROGRAM", "languages", List.of("en"), "area", "North",
                        "remote", true, "acceptingReferrals", true))
                .post(Stack.REFERRALS.url() + "/programs")
                .then().statusCode(201).extract().path("id");

        signIn("carmen");
        open("/referrals/new?clientId=" + clientId);
        choose("programId", programId);
        type("reason", "Support with parenting after a separation");
        type("hopes", "Calmer mornings with the children");
        choose("urgency", "SOON");
        driver().executeScript("document.getElementById('respondBy').value = arguments[0]",
                LocalDate.now().plusDays(14).toString());
        type("sharedInformation", "First name and the best time to call");
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

        // The clinic sees the answer.
        signIn("carmen");
        open("/referrals/" + referralId);
        assertTrue(text().contains("Accepted"), text());
    }
}
