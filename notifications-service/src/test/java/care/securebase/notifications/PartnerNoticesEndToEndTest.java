package care.securebase.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.events.EventEnvelope;
import care.securebase.events.ReferralSent;
import care.securebase.kit.testing.TestKafka;
import care.securebase.kit.testing.Tokens;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartnerNoticesEndToEndTest {

    static final String REFERRALS = "test-referrals-events";
    static final Duration WITHIN = Duration.ofSeconds(30);

    static long noticesFor(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> PartnerNotice.count("referralId", referralId));
    }

    @Test
    void aPartnerIsToldOnceThatAReferralAwaitsWithALinkAndNothingMore() {
        String mailbox = Events.uniqueAddress("intake", "riverside.example.test");
        UUID referralId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        Events.publishTwice(REFERRALS, new ReferralSent(referralId, clientId, "northside", "riverside-family",
                "URGENT", LocalDate.now().plusDays(5), "carmen", mailbox));
        // The same referral announced again by a new event: still one notice.
        Events.publishTwice(REFERRALS, new ReferralSent(referralId, clientId, "northside", "riverside-family",
                "URGENT", LocalDate.now().plusDays(5), "carmen", mailbox));

        await().atMost(WITHIN).until(() -> GreenMailApi.messagesFor(mailbox).size() >= 1);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<GreenMailApi.Received> mails = GreenMailApi.messagesFor(mailbox);
        assertEquals(1, mails.size(), "exactly one notice");
        assertEquals(1, noticesFor(referralId));

        GreenMailApi.Received mail = mails.get(0);
        String body = mail.body();
        assertTrue(body.contains(referralId.toString()), body);
        assertTrue(body.contains("http://localhost:8080/referrals/" + referralId), body);
        assertFalse(mail.decoded().contains(clientId.toString()), "no client id");
        assertFalse(body.toLowerCase().contains("northside"), "not even which clinic");
        ClinicalWords.assertNone("subject", mail.subject());
        ClinicalWords.assertNone("partner notice", body);

        given().auth().oauth2(Tokens.of("ada")).queryParam("size", 100).get("/notices")
                .then().statusCode(200)
                .body("findAll { it.referralId == '%s' }".formatted(referralId), hasSize(1))
                .body("find { it.referralId == '%s' }.status".formatted(referralId), equalTo("SENT"))
                .body("find { it.referralId == '%s' }.sentAt".formatted(referralId), notNullValue())
                .body("find { it.referralId == '%s' }.organisationId".formatted(referralId),
                        equalTo("riverside-family"));

        // In the portal: one notice in the inbox of Riverside's social workers, none for Oak or the clinic.
        String sam = Tokens.of("sam");
        given().auth().oauth2(sam).queryParam("size", 100).get("/inbox").then().statusCode(200)
                .body("items.findAll { it.subjectId == '%s' }".formatted(referralId), hasSize(1))
                .body("items.find { it.subjectId == '%s' }.kind".formatted(referralId), equalTo("REFERRAL_RECEIVED"))
                .body("items.find { it.subjectId == '%s' }.link".formatted(referralId),
                        equalTo("http://localhost:8080/referrals/" + referralId))
                .body("items.find { it.subjectId == '%s' }.clientId".formatted(referralId), nullValue());
        String notice = given().auth().oauth2(sam).queryParam("size", 100).get("/inbox").then()
                .extract().path("items.find { it.subjectId == '%s' }.id".formatted(referralId));
        for (String other : List.of("sofia", "carmen", "ada")) {
            given().auth().oauth2(Tokens.of(other)).queryParam("size", 100).get("/inbox").then().statusCode(200)
                    .body("items.id", not(hasItem(notice)));
        }
        given().auth().oauth2(Tokens.of("sofia")).post("/inbox/" + notice + "/read").then().statusCode(404);
        given().auth().oauth2(sam).post("/inbox/" + notice + "/read").then().statusCode(200);
    }

    /** Sent as version 2 wrote it (with the program), as records still on the topic are: read all the same. */
    @Test
    void aNoticeWithoutAnAddressIsSkippedWithAReason() {
        UUID referralId = UUID.randomUUID();
        ObjectNode version2 = TestKafka.MAPPER.valueToTree(new ReferralSent(referralId, UUID.randomUUID(), "harbour",
                "oak-community", "ROUTINE", LocalDate.now().plusDays(14), "carl", null));
        version2.put("programId", UUID.randomUUID().toString()).put("programName", "Peer Support Evenings")
                .put("programKind", "SUPPORT_GROUP");
        TestKafka.publish(REFERRALS, new EventEnvelope(UUID.randomUUID(), "referral-sent", "referrals-service",
                Instant.now(), referralId.toString(), 2, version2));

        await().atMost(WITHIN).until(() -> QuarkusTransaction.requiringNew().call(() -> PartnerNotice
                .<PartnerNotice>find("referralId", referralId).firstResultOptional()
                .map(n -> n.status == DeliveryStatus.SKIPPED).orElse(false)));
        given().auth().oauth2(Tokens.of("hana")).queryParam("size", 100).get("/notices")
                .then().statusCode(200)
                .body("find { it.referralId == '%s' }.reason".formatted(referralId), equalTo("no-notice-address"));
    }
}
