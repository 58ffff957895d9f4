package care.securebase.notifications.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import care.securebase.notifications.ClinicalWords;
import care.securebase.notifications.StaffNoticeKind;
import care.securebase.notifications.mail.MailComposer.RenderedMail;
import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Renders every template file (every language, every clinic override) and every message as the
 * service composes it: what it must say, and that it says nothing clinical.
 */
@QuarkusTest
class MailTemplatesTest {

    static final Instant AT = Instant.parse("2026-11-27T14:00:00Z");
    static final String OPT_OUT = "http://localhost:8084/opt-out?token=abc.def";
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final String LINKS = "http://localhost:8080";
    static final String TOKEN = "q2Xb9_-Lk3mZ0aQwE4rT1g.pY7uKx2Ls9Qd0WfHj3Nc1A";
    static final String VIDEO = "https://video.northside.example/room/8f3a";

    record Clinic(String id, String name, String phone, String email) {
    }

    static final List<Clinic> CLINICS = List.of(
            new Clinic("northside", "Northside Clinic", "+44 20 7946 0101", "appointments@northside.securebase.test"),
            new Clinic("harbour", "Harbour Clinic", "+44 20 7946 0202", "appointments@harbour.securebase.test"));

    static final List<String[]> READERS = List.of(
            new String[] {"en-GB", "Europe/London"}, new String[] {"pl-PL", "Europe/Warsaw"},
            new String[] {"pl", "Europe/Warsaw"}, new String[] {"de", "Europe/Berlin"},
            new String[] {"en-US", "America/New_York"}, new String[] {null, null});

    static final List<String> CLINIC_LANGUAGES = List.of("en-GB", "pl");

    @Inject
    MailComposer composer;
    @Inject
    Engine engine;

    static void assertNothingClinical(RenderedMail mail) {
        ClinicalWords.assertNone("subject", mail.subject());
        ClinicalWords.assertNone("text", mail.text());
        ClinicalWords.assertNone("html", mail.html());
    }

    static List<String> templateFiles() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(Files::isRegularFile).map(p -> TEMPLATES.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Every file under templates/, rendered with full and with empty models; staff ones by the staff list. */
    @Test
    void everyTemplateFileInEveryLanguageAndClinicSaysNothingClinical() throws IOException {
        List<String> files = templateFiles();
        assertTrue(files.size() >= 30, "templates found: " + files);
        List<String> checked = new ArrayList<>();
        for (String file : files) {
            Template template = engine.getTemplate(file);
            assertNotNull(template, file);
            String name = Path.of(file).getFileName().toString().replaceAll("(-subject)?\\.(txt|html)$", "");
            List<Object> models = switch (name) {
                case "boosterReminder" -> List.of(
                        new MailComposer.ReminderModel("Robin", "Friday 27 November 2026 at 14:00", "27 Nov 2026",
                                "en-GB", "Northside Clinic", "+44 20 7946 0101", "a@b.test", OPT_OUT),
                        new MailComposer.ReminderModel(null, "Friday", "27 Nov", "pl", null, null, null, OPT_OUT));
                case "partnerNotice" -> List.of(new MailComposer.NoticeModel(UUID.randomUUID().toString(),
                        "http://localhost:8080/referrals/x", "en"));
                case "checkIn" -> List.of(
                        new MailComposer.CheckInModel("Northside Clinic", LINKS + "/c/" + TOKEN, "en-GB", OPT_OUT),
                        new MailComposer.CheckInModel(null, LINKS + "/c/" + TOKEN, "pl", OPT_OUT));
                case "appointmentReminder" -> List.of(
                        new MailComposer.AppointmentModel("Friday 27 November 2026 at 14:00", "27 Nov 2026", "en-GB",
                                "Northside Clinic", LINKS + "/a/" + TOKEN, VIDEO, OPT_OUT),
                        new MailComposer.AppointmentModel("Friday", "27 Nov", "pl", null, LINKS + "/a/" + TOKEN, null,
                                OPT_OUT));
                case "onCallRisk", "missedBooster", "referralOverdue", "checkInRisk" -> List.of(
                        new MailComposer.StaffModel("Harbour Clinic", "http://localhost:8080/clients/x", "en"),
                        new MailComposer.StaffModel(null, "http://localhost:8080/clients/x", "pl"));
                default -> throw new AssertionError("A template this test does not know: " + file);
            };
            for (Object model : models) {
                String rendered = template.data("m", model).render();
                assertFalse(rendered.contains("null"), file + ":\n" + rendered);
                if (List.of("onCallRisk", "missedBooster", "referralOverdue", "checkInRisk").contains(name)) {
                    ClinicalWords.assertNoneForStaff(file, rendered);
                } else {
                    ClinicalWords.assertNone(file, rendered);
                }
                if (List.of("boosterReminder", "checkIn", "appointmentReminder").contains(name) && !file.contains("subject")) {
                    assertTrue(rendered.contains(OPT_OUT.replace("&", "&amp;")), "opt-out link in " + file);
                }
            }
            checked.add(file);
        }
        // Every message exists in English and Polish, with plain text and HTML.
        for (String lang : List.of("en", "pl")) {
            for (String name : MailComposer.MAIL_TEMPLATES) {
                for (String suffix : List.of("-subject.txt", ".txt", ".html")) {
                    assertTrue(checked.contains("mail/" + lang + "/" + name + suffix), lang + " " + name + suffix);
                }
            }
            for (String name : MailComposer.SMS_TEMPLATES) {
                assertTrue(checked.contains("sms/" + lang + "/" + name + ".txt"), lang + " sms " + name);
            }
        }
    }

    @Test
    void everyReminderSaysWhoWhenWhereHowToRescheduleAndHowToOptOutInEveryClinicAndLanguage() {
        for (Clinic clinic : CLINICS) {
            for (String clinicLanguage : CLINIC_LANGUAGES) {
                for (String[] reader : READERS) {
                    RenderedMail mail = composer.boosterReminder("Robin", AT, reader[1], reader[0], clinic.id(),
                            clinicLanguage, OPT_OUT);
                    assertNothingClinical(mail);
                    String sms = composer.boosterReminderSms("Robin", AT, reader[1], reader[0], clinic.id(),
                            clinicLanguage, OPT_OUT);
                    ClinicalWords.assertNone("sms", sms);
                    assertTrue(sms.contains(OPT_OUT) && sms.contains(clinic.phone()), sms);
                    boolean polish = reader[0] != null && reader[0].startsWith("pl")
                            || (reader[0] == null || reader[0].equals("de")) && clinicLanguage.startsWith("pl");
                    String dateLanguage = reader[0] == null || reader[0].equals("de") ? clinicLanguage : reader[0];
                    String when = AppointmentTime.full(AT, reader[1], dateLanguage);
                    assertTrue(mail.subject().contains(clinic.name()), mail.subject());
                    assertTrue(mail.subject().contains(AppointmentTime.shortDate(AT, reader[1], dateLanguage)),
                            mail.subject());
                    for (String body : List.of(mail.text(), mail.html())) {
                        assertTrue(body.contains(polish ? "Dzień dobry, Robin!" : "Hello Robin,"), body);
                        assertTrue(body.contains(when), "when: " + when + " in\n" + body);
                        assertTrue(body.contains(clinic.name()), body);
                        assertTrue(body.contains(clinic.phone()), body);
                        assertTrue(body.contains(clinic.email()), body);
                        assertTrue(body.contains(OPT_OUT), body);
                        assertFalse(body.contains("null"), body);
                        // Harbour's own English text is used for English readers; everyone else gets the shared one.
                        assertEquals(clinic.id().equals("harbour") && !polish, body.contains("Quay House"), body);
                    }
                    assertTrue(mail.html().contains("href=\"tel:" + clinic.phone().replace(" ", "") + "\""));
                    assertTrue(mail.html().contains("href=\"mailto:" + clinic.email() + "\""), mail.html());
                    assertEquals("<" + OPT_OUT + ">", mail.headers().get("List-Unsubscribe"));
                    assertEquals("List-Unsubscribe=One-Click", mail.headers().get("List-Unsubscribe-Post"));
                }
            }
        }
    }

    @Test
    void withoutANameOrAKnownClinicTheReminderStillReadsWell() {
        RenderedMail mail = composer.boosterReminder(" ", AT, "UTC", "en-GB", "elsewhere", "en", OPT_OUT);
        assertNothingClinical(mail);
        for (String body : List.of(mail.text(), mail.html())) {
            assertTrue(body.contains("Hello,"), body);
            assertTrue(body.contains("please contact your clinic to arrange another time"), body);
            assertFalse(body.contains("null"), body);
        }
        RenderedMail pl = composer.boosterReminder(null, AT, "Europe/Warsaw", "pl", "elsewhere", "en", OPT_OUT);
        assertTrue(pl.text().contains("Dzień dobry!"), pl.text());
        assertFalse(pl.text().contains("null"), pl.text());
    }

    @Test
    void namesAreEscapedInHtmlAndKeptAsWrittenInText() {
        RenderedMail mail = composer.boosterReminder("<b>Jo</b> & Sam", AT, "Europe/London", "en-GB", "northside",
                "en", OPT_OUT);
        assertTrue(mail.html().contains("Hello &lt;b&gt;Jo&lt;/b&gt; &amp; Sam,"), mail.html());
        assertFalse(mail.html().contains("<b>Jo</b>"), mail.html());
        assertTrue(mail.text().contains("Hello <b>Jo</b> & Sam,"), mail.text());
    }

    @Test
    void aPartnerNoticeSaysOnlyThatAReferralAwaitsAndWhere() {
        for (String lang : CLINIC_LANGUAGES) {
            UUID referralId = UUID.randomUUID();
            RenderedMail mail = composer.partnerNotice(referralId, "northside", lang);
            assertNothingClinical(mail);
            String link = "http://localhost:8080/referrals/" + referralId;
            for (String body : List.of(mail.text(), mail.html())) {
                assertTrue(body.contains(referralId.toString()), body);
                assertTrue(body.contains(link), body);
            }
            assertTrue(mail.html().contains("href=\"" + link + "\""), mail.html());
            assertEquals(lang.equals("pl"), mail.text().contains("skierowanie"), mail.text());
        }
    }

    @Test
    void anOnCallNoticeSaysAClientAtTheClinicNeedsContactTodayAndWhereAndNothingMore() {
        for (Clinic clinic : CLINICS) {
            UUID clientId = UUID.randomUUID();
            RenderedMail mail = composer.staffNotice(StaffNoticeKind.ON_CALL_RISK, clinic.id(), "en", clientId);
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
        RenderedMail unknown = composer.staffNotice(StaffNoticeKind.ON_CALL_RISK, "elsewhere", "en", UUID.randomUUID());
        assertEquals("Urgent: a new client at your clinic needs contact today", unknown.subject());
        RenderedMail pl = composer.staffNotice(StaffNoticeKind.ON_CALL_RISK, "northside", "pl", UUID.randomUUID());
        ClinicalWords.assertNone("subject", pl.subject().replace("Pilne", ""));
    }

    @Test
    void missedAppointmentAndOverdueReferralNoticesLinkToThePortalAndSayNothingClinical() {
        for (Clinic clinic : CLINICS) {
            for (String lang : CLINIC_LANGUAGES) {
                for (StaffNoticeKind kind : Arrays.asList(StaffNoticeKind.MISSED_BOOSTER, StaffNoticeKind.REFERRAL_OVERDUE)) {
                    UUID subject = UUID.randomUUID();
                    RenderedMail mail = composer.staffNotice(kind, clinic.id(), lang, subject);
                    assertNothingClinical(mail);
                    String link = "http://localhost:8080/" + (kind == StaffNoticeKind.REFERRAL_OVERDUE ? "referrals/"
                            : "clients/") + subject;
                    for (String body : List.of(mail.text(), mail.html())) {
                        assertTrue(body.contains(link), body);
                        assertTrue(body.contains(clinic.name()), body);
                    }
                }
            }
        }
    }

    /** What the client reads of a check-in: which clinic asks, and the link. No name, nothing of what is asked. */
    @Test
    void aCheckInMessageSaysOnlyWhichClinicAsksAndGivesTheLinkInEveryClinicAndLanguage() {
        String link = LINKS + "/c/" + TOKEN;
        for (Clinic clinic : CLINICS) {
            for (String clinicLanguage : CLINIC_LANGUAGES) {
                for (String[] reader : READERS) {
                    RenderedMail mail = composer.checkIn(TOKEN, reader[0], clinic.id(), clinicLanguage, OPT_OUT);
                    assertNothingClinical(mail);
                    assertTrue(mail.subject().contains(clinic.name()), mail.subject());
                    for (String body : List.of(mail.text(), mail.html())) {
                        assertTrue(body.contains(clinic.name()), body);
                        assertTrue(body.contains(link), body);
                        assertTrue(body.contains(OPT_OUT), body);
                        assertFalse(body.contains("null"), body);
                        // Not the clinic's phone, e-mail or anything else beyond who asks and where.
                        assertFalse(body.contains(clinic.phone()) || body.contains(clinic.email()), body);
                    }
                    assertTrue(mail.html().contains("href=\"" + link + "\""), mail.html());
                    assertEquals("<" + OPT_OUT + ">", mail.headers().get("List-Unsubscribe"));
                    String sms = composer.checkInSms(TOKEN, reader[0], clinic.id(), clinicLanguage, OPT_OUT);
                    ClinicalWords.assertNone("sms", sms);
                    assertTrue(sms.contains(clinic.name()) && sms.contains(link) && sms.contains(OPT_OUT), sms);
                    boolean polish = reader[0] != null && reader[0].startsWith("pl")
                            || (reader[0] == null || reader[0].equals("de")) && clinicLanguage.startsWith("pl");
                    assertEquals(polish, mail.text().contains("formularza"), mail.text());
                }
            }
        }
        RenderedMail unknown = composer.checkIn(TOKEN, "en-GB", "elsewhere", "en", OPT_OUT);
        assertEquals("A short check-in from your clinic", unknown.subject());
        assertTrue(unknown.text().contains("Your clinic asks you to fill in a short check-in"), unknown.text());
    }

    @Test
    void aSessionReminderSaysTheClinicWhenInTheClientsZoneTheConfirmLinkAndTheVideoLinkIfAny() {
        String link = LINKS + "/a/" + TOKEN;
        for (Clinic clinic : CLINICS) {
            for (String clinicLanguage : CLINIC_LANGUAGES) {
                for (String[] reader : READERS) {
                    String dateLanguage = reader[0] == null || reader[0].equals("de") ? clinicLanguage : reader[0];
                    String when = AppointmentTime.full(AT, reader[1], dateLanguage);
                    RenderedMail mail = composer.appointmentReminder(AT, reader[1], reader[0], clinic.id(),
                            clinicLanguage, TOKEN, VIDEO, OPT_OUT);
                    assertNothingClinical(mail);
                    assertTrue(mail.subject().contains(clinic.name()), mail.subject());
                    assertTrue(mail.subject().contains(AppointmentTime.shortDate(AT, reader[1], dateLanguage)),
                            mail.subject());
                    for (String body : List.of(mail.text(), mail.html())) {
                        assertTrue(body.contains(when), when + " in\n" + body);
                        assertTrue(body.contains(clinic.name()) && body.contains(link) && body.contains(VIDEO), body);
                        assertTrue(body.contains(OPT_OUT), body);
                        assertFalse(body.contains("null"), body);
                    }
                    assertTrue(mail.html().contains("href=\"" + link + "\""), mail.html());
                    assertTrue(mail.html().contains("href=\"" + VIDEO + "\""), mail.html());
                    assertEquals("<" + OPT_OUT + ">", mail.headers().get("List-Unsubscribe"));
                    String sms = composer.appointmentReminderSms(AT, reader[1], reader[0], clinic.id(), clinicLanguage,
                            TOKEN, VIDEO, OPT_OUT);
                    ClinicalWords.assertNone("sms", sms);
                    assertTrue(sms.contains(when) && sms.contains(link) && sms.contains(VIDEO) && sms.contains(OPT_OUT), sms);

                    RenderedMail inPerson = composer.appointmentReminder(AT, reader[1], reader[0], clinic.id(),
                            clinicLanguage, TOKEN, null, OPT_OUT);
                    for (String body : List.of(inPerson.text(), inPerson.html())) {
                        assertFalse(body.contains("video") || body.contains("wideo"), body);
                        assertFalse(body.contains("null"), body);
                        assertTrue(body.contains(link), body);
                    }
                }
            }
        }
    }

    @Test
    void aCheckInRiskNoticeSaysAClientNeedsContactTodayAndWhereAndNothingMore() {
        for (Clinic clinic : CLINICS) {
            for (String lang : CLINIC_LANGUAGES) {
                UUID clientId = UUID.randomUUID();
                RenderedMail mail = composer.staffNotice(StaffNoticeKind.CHECK_IN_RISK, clinic.id(), lang, clientId);
                ClinicalWords.assertNone("subject", mail.subject().replace("Urgent", "").replace("Pilne", ""));
                String link = "http://localhost:8080/clients/" + clientId;
                for (String body : List.of(mail.text(), mail.html())) {
                    ClinicalWords.assertNoneForStaff("check-in risk notice", body);
                    assertTrue(body.contains(link) && body.contains(clinic.name()), body);
                    assertFalse(body.contains("null"), body);
                }
            }
        }
        assertEquals("Urgent: a client at Northside Clinic needs contact today",
                composer.staffNotice(StaffNoticeKind.CHECK_IN_RISK, "northside", "en", UUID.randomUUID()).subject());
    }
}
