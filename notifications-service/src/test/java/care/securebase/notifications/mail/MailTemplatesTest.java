package care.securebase.notifications.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.notifications.ClinicalWords;
import care.securebase.notifications.mail.MailComposer.RenderedMail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Renders every template with seeded data: what it must say, and that it says nothing clinical. */
@QuarkusTest
class MailTemplatesTest {

    static final Instant AT = Instant.parse("2026-11-27T14:00:00Z");

    record Clinic(String id, String name, String phone, String email) {
    }

    static final List<Clinic> CLINICS = List.of(
            new Clinic("northside", "Northside Clinic", "+44 20 7946 0101", "appointments@northside.securebase.test"),
            new Clinic("harbour", "Harbour Clinic", "+44 20 7946 0202", "appointments@harbour.securebase.test"));

    static final List<String[]> READERS = List.of(
            new String[] {"en-GB", "Europe/London"}, new String[] {"de", "Europe/Berlin"},
            new String[] {"fr", "Europe/Paris"}, new String[] {"en-US", "America/New_York"},
            new String[] {null, null});

    @Inject
    MailComposer composer;

    static void assertNothingClinical(RenderedMail mail) {
        ClinicalWords.assertNone("subject", mail.subject());
        ClinicalWords.assertNone("text", mail.text());
        ClinicalWords.assertNone("html", mail.html());
    }

    @Test
    void everyReminderSaysWhoWhenWhereAndHowToRescheduleAndNothingElse() {
        for (Clinic clinic : CLINICS) {
            for (String[] reader : READERS) {
                RenderedMail mail = composer.boosterReminder("Robin", AT, reader[1], reader[0], clinic.id());
                String when = AppointmentTime.full(AT, reader[1], reader[0]);
                assertNothingClinical(mail);
                assertTrue(mail.subject().contains(clinic.name()), mail.subject());
                assertTrue(mail.subject().contains(AppointmentTime.shortDate(AT, reader[1], reader[0])), mail.subject());
                for (String body : List.of(mail.text(), mail.html())) {
                    assertTrue(body.contains("Hello Robin,"), body);
                    assertTrue(body.contains(when), "when: " + when + " in\n" + body);
                    assertTrue(body.contains(clinic.name()), body);
                    assertTrue(body.contains(clinic.phone()), body);
                    assertTrue(body.contains(clinic.email()), body);
                    assertFalse(body.contains("null"), body);
                }
                assertTrue(mail.html().contains("href=\"tel:" + clinic.phone().replace(" ", "") + "\""), mail.html());
                assertTrue(mail.html().contains("href=\"mailto:" + clinic.email() + "\""), mail.html());
            }
        }
    }

    @Test
    void withoutANameOrAKnownClinicTheReminderStillReadsWell() {
        RenderedMail mail = composer.boosterReminder(" ", AT, "UTC", "en-GB", "elsewhere");
        assertNothingClinical(mail);
        for (String body : List.of(mail.text(), mail.html())) {
            assertTrue(body.contains("Hello,"), body);
            assertTrue(body.contains("please contact your clinic to arrange another time"), body);
            assertFalse(body.contains("null"), body);
        }
    }

    @Test
    void namesAreEscapedInHtmlAndKeptAsWrittenInText() {
        RenderedMail mail = composer.boosterReminder("<b>Jo</b> & Sam", AT, "Europe/London", "en-GB", "northside");
        assertTrue(mail.html().contains("Hello &lt;b&gt;Jo&lt;/b&gt; &amp; Sam,"), mail.html());
        assertFalse(mail.html().contains("<b>Jo</b>"), mail.html());
        assertTrue(mail.text().contains("Hello <b>Jo</b> & Sam,"), mail.text());
    }

    @Test
    void aPartnerNoticeSaysOnlyThatAReferralAwaitsAndWhere() {
        UUID referralId = UUID.randomUUID();
        RenderedMail mail = composer.partnerNotice(referralId);
        assertNothingClinical(mail);
        String link = "http://localhost:8080/referrals/" + referralId;
        for (String body : List.of(mail.text(), mail.html())) {
            assertTrue(body.contains(referralId.toString()), body);
            assertTrue(body.contains(link), body);
        }
        assertTrue(mail.html().contains("href=\"" + link + "\""), mail.html());
    }

    @Test
    void anOnCallNoticeSaysAClientAtTheClinicNeedsContactTodayAndWhereAndNothingMore() {
        for (Clinic clinic : CLINICS) {
            UUID clientId = UUID.randomUUID();
            RenderedMail mail = composer.onCallRisk(clinic.id(), clientId);
            assertEquals("Urgent: a new client at " + clinic.name() + " needs contact today", mail.subject());
            // The subject can show on a locked phone: no more than "urgent".
            ClinicalWords.assertNone("subject", mail.subject().replace("Urgent", ""));
            String link = "http://localhost:8080/clients/" + clientId;
            for (String body : List.of(mail.text(), mail.html())) {
                ClinicalWords.assertNoneForStaff("on-call notice", body);
                assertTrue(body.contains("A new client at " + clinic.name()
                        + " was flagged high risk at intake and needs contact today."), body);
                assertTrue(body.contains(link), body);
                assertFalse(body.contains("null"), body);
            }
            assertTrue(mail.html().contains("href=\"" + link + "\""), mail.html());
        }
        RenderedMail unknown = composer.onCallRisk("elsewhere", UUID.randomUUID());
        assertEquals("Urgent: a new client at your clinic needs contact today", unknown.subject());
    }
}
