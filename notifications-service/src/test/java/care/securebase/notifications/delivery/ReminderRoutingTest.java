package care.securebase.notifications.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.notifications.BoosterReminder;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ContactChannel;
import care.securebase.notifications.TestClock;
import care.securebase.notifications.delivery.ReminderRouting.Defer;
import care.securebase.notifications.delivery.ReminderRouting.Permissions;
import care.securebase.notifications.delivery.ReminderRouting.SendEmail;
import care.securebase.notifications.delivery.ReminderRouting.SendSms;
import care.securebase.notifications.delivery.ReminderRouting.Skip;
import care.securebase.notifications.scheduling.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReminderRoutingTest {

    /** 09:00 in London (BST), outside the default quiet hours. */
    final TestClock clock = TestClock.at(Instant.parse("2026-05-10T08:00:00Z"));
    final Duration wait = Duration.ofMinutes(1);
    final Duration consentWait = Duration.ofHours(1);
    static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    static final Set<ContactChannel> BOTH = Set.of(ContactChannel.EMAIL, ContactChannel.SMS);
    static final Permissions ALL = new Permissions(BOTH, BOTH, Set.of(), true);

    BoosterReminder reminderFor(Duration untilAppointment) {
        BoosterReminder r = new BoosterReminder();
        r.id = UUID.randomUUID();
        r.appointmentAt = clock.instant().plus(untilAppointment);
        r.sendAt = clock.instant();
        return r;
    }

    static ClientContact contact(ContactChannel channel, String email) {
        ClientContact c = new ClientContact();
        c.clientId = UUID.randomUUID();
        c.preferredChannel = channel;
        c.email = email;
        c.phone = "+44 7700 900123";
        c.timeZone = "Europe/London";
        return c;
    }

    ReminderRouting.Decision decide(BoosterReminder r, ClientContact c) {
        return decide(r, c, ALL);
    }

    ReminderRouting.Decision decide(BoosterReminder r, ClientContact c, Permissions p) {
        return ReminderRouting.decide(r, c, p, QUIET, clock.instant(), wait, consentWait);
    }

    @Test
    void aClientWhoPrefersEmailConsentedAndHasAnAddressIsMailed() {
        assertEquals(new SendEmail("jo@example.test"),
                decide(reminderFor(Duration.ofDays(1)), contact(ContactChannel.EMAIL, " jo@example.test ")));
    }

    @Test
    void aClientWhoPrefersSmsConsentedAndHasANumberIsTexted() {
        assertEquals(new SendSms("+44 7700 900123"),
                decide(reminderFor(Duration.ofDays(1)), contact(ContactChannel.SMS, "jo@example.test")));
    }

    @Test
    void otherwiseTheReminderIsSkippedWithAReasonAndTheChannel() {
        BoosterReminder r = reminderFor(Duration.ofDays(1));
        assertEquals(new Skip(ReminderRouting.NO_EMAIL_ADDRESS, ContactChannel.EMAIL),
                decide(r, contact(ContactChannel.EMAIL, " ")));
        assertEquals(new Skip(ReminderRouting.CLIENT_CHOSE_NO_CONTACT, ContactChannel.NONE),
                decide(r, contact(ContactChannel.NONE, "jo@example.test")));
        ClientContact noPhone = contact(ContactChannel.SMS, "jo@example.test");
        noPhone.phone = " ";
        assertEquals(new Skip(ReminderRouting.NO_PHONE_NUMBER, ContactChannel.SMS), decide(r, noPhone));
        assertEquals(new Skip(ReminderRouting.SMS_NOT_CONFIGURED, ContactChannel.SMS),
                decide(r, contact(ContactChannel.SMS, null), new Permissions(BOTH, BOTH, Set.of(), false)));
    }

    @Test
    void aConsentNotRecordedYetIsWaitedForAWhileThenTheReminderIsSkipped() {
        BoosterReminder r = reminderFor(Duration.ofDays(1));
        Permissions smsDecidedOnly = new Permissions(Set.of(ContactChannel.SMS), Set.of(ContactChannel.SMS), Set.of(), true);
        ClientContact prefersEmail = contact(ContactChannel.EMAIL, "jo@example.test");
        assertEquals(new Defer(clock.instant().plus(wait), ReminderRouting.AWAITING_CONSENT),
                decide(r, prefersEmail, smsDecidedOnly));
        clock.advance(consentWait.minusSeconds(1));
        assertEquals(ReminderRouting.AWAITING_CONSENT, ((Defer) decide(r, prefersEmail, smsDecidedOnly)).reason());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new Skip(ReminderRouting.NO_CONSENT_EMAIL, ContactChannel.EMAIL), decide(r, prefersEmail, smsDecidedOnly));
    }

    @Test
    void onlyAConsentedChannelIsUsedAndThereIsNoFallBackToTheOther() {
        BoosterReminder r = reminderFor(Duration.ofDays(1));
        Permissions smsOnly = new Permissions(Set.of(ContactChannel.SMS), BOTH, Set.of(), true);
        Permissions emailOnly = new Permissions(Set.of(ContactChannel.EMAIL), BOTH, Set.of(), true);
        Permissions none = new Permissions(Set.of(), BOTH, Set.of(), true);
        assertEquals(new Skip(ReminderRouting.NO_CONSENT_EMAIL, ContactChannel.EMAIL),
                decide(r, contact(ContactChannel.EMAIL, "jo@example.test"), smsOnly));
        assertEquals(new Skip(ReminderRouting.NO_CONSENT_SMS, ContactChannel.SMS),
                decide(r, contact(ContactChannel.SMS, "jo@example.test"), emailOnly));
        assertEquals(new Skip(ReminderRouting.NO_CONSENT_EMAIL, ContactChannel.EMAIL),
                decide(r, contact(ContactChannel.EMAIL, "jo@example.test"), none));
    }

    @Test
    void anOptedOutChannelIsNotUsed() {
        BoosterReminder r = reminderFor(Duration.ofDays(1));
        assertEquals(new Skip(ReminderRouting.OPTED_OUT, ContactChannel.EMAIL),
                decide(r, contact(ContactChannel.EMAIL, "jo@example.test"),
                        new Permissions(BOTH, BOTH, Set.of(ContactChannel.EMAIL), true)));
        assertEquals(new SendSms("+44 7700 900123"), decide(r, contact(ContactChannel.SMS, "jo@example.test"),
                new Permissions(BOTH, BOTH, Set.of(ContactChannel.EMAIL), true)));
    }

    @Test
    void inTheClientsQuietHoursItWaitsForTheMorningInTheirZone() {
        // 22:30 UTC = 23:30 in London (BST): deferred to 08:00 London = 07:00 UTC.
        clock.advance(Duration.ofMinutes(14 * 60 + 30));
        BoosterReminder r = reminderFor(Duration.ofDays(1));
        assertEquals(new Defer(Instant.parse("2026-05-11T07:00:00Z"), ReminderRouting.QUIET_HOURS),
                decide(r, contact(ContactChannel.EMAIL, "jo@example.test")));
        // The same moment is 18:30 in New York: not quiet there.
        ClientContact newYork = contact(ContactChannel.EMAIL, "jo@example.test");
        newYork.timeZone = "America/New_York";
        assertEquals(new SendEmail("jo@example.test"), decide(r, newYork));
    }

    @Test
    void quietHoursLastingUntilTheAppointmentSkipIt() {
        clock.advance(Duration.ofMinutes(14 * 60 + 30));
        BoosterReminder early = reminderFor(Duration.ofHours(8));
        assertEquals(new Skip(ReminderRouting.QUIET_UNTIL_APPOINTMENT, ContactChannel.EMAIL),
                decide(early, contact(ContactChannel.EMAIL, "jo@example.test")));
    }

    @Test
    void withoutContactDetailsYetItWaitsButNeverPastTheAppointment() {
        assertEquals(new Defer(clock.instant().plus(wait), ReminderRouting.AWAITING_CONTACT),
                decide(reminderFor(Duration.ofDays(1)), null));
        BoosterReminder soon = reminderFor(Duration.ofSeconds(20));
        assertEquals(new Defer(soon.appointmentAt, ReminderRouting.AWAITING_CONTACT), decide(soon, null));
    }

    @Test
    void onceTheAppointmentHasPassedNothingIsSent() {
        BoosterReminder r = reminderFor(Duration.ofHours(2));
        clock.advance(Duration.ofHours(2));
        assertEquals(new Skip(ReminderRouting.APPOINTMENT_PASSED, ContactChannel.EMAIL),
                decide(r, contact(ContactChannel.EMAIL, "jo@example.test")));
        assertEquals(new Skip(ReminderRouting.NO_CONTACT_DETAILS, null), decide(r, null));
    }
}
