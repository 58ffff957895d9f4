package care.securebase.notifications.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.notifications.BoosterReminder;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ContactChannel;
import care.securebase.notifications.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReminderRoutingTest {

    final TestClock clock = TestClock.at(Instant.parse("2026-05-10T08:00:00Z"));
    final Duration wait = Duration.ofMinutes(1);

    BoosterReminder reminderFor(Duration untilAppointment) {
        BoosterReminder r = new BoosterReminder();
        r.id = UUID.randomUUID();
        r.appointmentAt = clock.instant().plus(untilAppointment);
        return r;
    }

    static ClientContact contact(ContactChannel channel, String email) {
        ClientContact c = new ClientContact();
        c.clientId = UUID.randomUUID();
        c.preferredChannel = channel;
        c.email = email;
        return c;
    }

    ReminderRouting.Decision decide(BoosterReminder r, ClientContact c) {
        return ReminderRouting.decide(r, c, clock.instant(), wait);
    }

    @Test
    void aClientWhoPrefersEmailAndHasAnAddressIsMailed() {
        assertEquals(new ReminderRouting.SendEmail("jo@example.test"),
                decide(reminderFor(Duration.ofDays(1)), contact(ContactChannel.EMAIL, " jo@example.test ")));
    }

    @Test
    void otherwiseTheReminderIsSkippedWithAReasonAndTheChannel() {
        BoosterReminder r = reminderFor(Duration.ofDays(1));
        assertEquals(new ReminderRouting.Skip(ReminderRouting.NO_EMAIL_ADDRESS, ContactChannel.EMAIL),
                decide(r, contact(ContactChannel.EMAIL, " ")));
        assertEquals(new ReminderRouting.Skip(ReminderRouting.SMS_NOT_AVAILABLE, ContactChannel.SMS),
                decide(r, contact(ContactChannel.SMS, "jo@example.test")));
        assertEquals(new ReminderRouting.Skip(ReminderRouting.CLIENT_CHOSE_NO_CONTACT, ContactChannel.NONE),
                decide(r, contact(ContactChannel.NONE, "jo@example.test")));
    }

    @Test
    void withoutContactDetailsYetItWaitsButNeverPastTheAppointment() {
        assertEquals(new ReminderRouting.Defer(clock.instant().plus(wait), ReminderRouting.AWAITING_CONTACT),
                decide(reminderFor(Duration.ofDays(1)), null));
        BoosterReminder soon = reminderFor(Duration.ofSeconds(20));
        assertEquals(new ReminderRouting.Defer(soon.appointmentAt, ReminderRouting.AWAITING_CONTACT), decide(soon, null));
    }

    @Test
    void onceTheAppointmentHasPassedNothingIsSent() {
        BoosterReminder r = reminderFor(Duration.ofHours(2));
        clock.advance(Duration.ofHours(2));
        assertEquals(new ReminderRouting.Skip(ReminderRouting.APPOINTMENT_PASSED, ContactChannel.EMAIL),
                decide(r, contact(ContactChannel.EMAIL, "jo@example.test")));
        assertEquals(new ReminderRouting.Skip(ReminderRouting.NO_CONTACT_DETAILS, null), decide(r, null));
    }
}
