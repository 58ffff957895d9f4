package care.securebase.notifications.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ContactChannel;
import care.securebase.notifications.TestClock;
import care.securebase.notifications.delivery.ReminderRouting.Defer;
import care.securebase.notifications.delivery.ReminderRouting.Due;
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

/**
 * A check-in's link goes by the rules of reminders; what differs is its deadline, the link's expiry: a
 * message that cannot go before it is never sent, and the reasons say so.
 */
class CheckInRoutingTest {

    /** 09:00 in London (BST), outside quiet hours. */
    final TestClock clock = TestClock.at(Instant.parse("2026-05-10T08:00:00Z"));
    final Duration wait = Duration.ofMinutes(1);
    final Duration consentWait = Duration.ofHours(1);
    static final QuietHours QUIET = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    static final Set<ContactChannel> BOTH = Set.of(ContactChannel.EMAIL, ContactChannel.SMS);
    static final Permissions ALL = new Permissions(BOTH, BOTH, Set.of(), true);

    static ClientContact contact(ContactChannel channel, String zone) {
        ClientContact c = new ClientContact();
        c.clientId = UUID.randomUUID();
        c.preferredChannel = channel;
        c.email = "jo@example.test";
        c.phone = "+44 7700 900123";
        c.timeZone = zone;
        return c;
    }

    Due dueNowExpiringIn(Duration validFor) {
        return Due.checkIn(clock.instant(), clock.instant().plus(validFor));
    }

    ReminderRouting.Decision decide(Due due, ClientContact c, Permissions p) {
        return ReminderRouting.decide(due, c, p, QUIET, clock.instant(), wait, consentWait);
    }

    @Test
    void aDueCheckInGoesByTheClientsConsentedChannel() {
        Due due = dueNowExpiringIn(Duration.ofHours(72));
        assertEquals(new SendEmail("jo@example.test"), decide(due, contact(ContactChannel.EMAIL, "Europe/London"), ALL));
        assertEquals(new SendSms("+44 7700 900123"), decide(due, contact(ContactChannel.SMS, "Europe/London"), ALL));
    }

    @Test
    void anExpiredLinkIsNeverSent() {
        Due expired = Due.checkIn(clock.instant().minus(Duration.ofHours(73)), clock.instant().minus(Duration.ofHours(1)));
        assertEquals(new Skip(ReminderRouting.LINK_EXPIRED, ContactChannel.EMAIL),
                decide(expired, contact(ContactChannel.EMAIL, "Europe/London"), ALL));
        Due expiresNow = Due.checkIn(clock.instant().minus(Duration.ofHours(72)), clock.instant());
        assertEquals(new Skip(ReminderRouting.LINK_EXPIRED, ContactChannel.EMAIL),
                decide(expiresNow, contact(ContactChannel.EMAIL, "Europe/London"), ALL));
        assertEquals(new Skip(ReminderRouting.NO_CONTACT_DETAILS, null), decide(expired, null, ALL));
    }

    @Test
    void quietHoursDeferTheLinkToTheirEndOrDropItWhenTheLinkExpiresFirst() {
        // In the client's zone, not the server's: Auckland is UTC+12 in May, so 08:00 UTC is 20:00 there.
        ClientContact auckland = contact(ContactChannel.EMAIL, "Pacific/Auckland");
        assertEquals(new SendEmail("jo@example.test"), decide(dueNowExpiringIn(Duration.ofHours(72)), auckland, ALL));
        clock.advance(Duration.ofHours(2)); // 22:00 in Auckland
        Instant morning = Instant.parse("2026-05-10T20:00:00Z"); // 08:00 on the 11th in Auckland
        assertEquals(new Defer(morning, ReminderRouting.QUIET_HOURS),
                decide(dueNowExpiringIn(Duration.ofHours(72)), auckland, ALL));
        assertEquals(new Skip(ReminderRouting.QUIET_UNTIL_EXPIRY, ContactChannel.EMAIL),
                decide(dueNowExpiringIn(Duration.ofHours(5)), auckland, ALL));
    }

    @Test
    void consentStillOnItsWayIsAwaitedButNeverPastTheExpiry() {
        Permissions none = new Permissions(Set.of(), Set.of(), Set.of(), true);
        ClientContact c = contact(ContactChannel.EMAIL, "Europe/London");
        assertEquals(new Defer(clock.instant().plus(wait), ReminderRouting.AWAITING_CONSENT),
                decide(dueNowExpiringIn(Duration.ofHours(72)), c, none));
        assertEquals(new Defer(clock.instant().plusSeconds(30), ReminderRouting.AWAITING_CONSENT),
                decide(dueNowExpiringIn(Duration.ofSeconds(30)), c, none));
        // After the consent wait, from when the check-in fell due, it is given up.
        Due longDue = Due.checkIn(clock.instant().minus(Duration.ofHours(2)), clock.instant().plus(Duration.ofHours(70)));
        assertEquals(new Skip(ReminderRouting.NO_CONSENT_EMAIL, ContactChannel.EMAIL), decide(longDue, c, none));
    }

    @Test
    void optOutAndRefusedConsentStopTheLinkAsTheyStopReminders() {
        ClientContact c = contact(ContactChannel.SMS, "Europe/London");
        Due due = dueNowExpiringIn(Duration.ofHours(72));
        assertEquals(new Skip(ReminderRouting.OPTED_OUT, ContactChannel.SMS),
                decide(due, c, new Permissions(BOTH, BOTH, Set.of(ContactChannel.SMS), true)));
        assertEquals(new Skip(ReminderRouting.NO_CONSENT_SMS, ContactChannel.SMS),
                decide(due, c, new Permissions(Set.of(ContactChannel.EMAIL), BOTH, Set.of(), true)));
        assertEquals(new Skip(ReminderRouting.CLIENT_CHOSE_NO_CONTACT, ContactChannel.NONE),
                decide(due, contact(ContactChannel.NONE, "Europe/London"), ALL));
    }

    @Test
    void aSessionReminderUsesTheSessionsStartAsItsDeadline() {
        Instant startsAt = clock.instant().plus(Duration.ofHours(3));
        Due due = Due.appointment(clock.instant(), startsAt);
        assertEquals(new SendEmail("jo@example.test"), decide(due, contact(ContactChannel.EMAIL, "Europe/London"), ALL));
        clock.advance(Duration.ofHours(3));
        assertEquals(new Skip(ReminderRouting.APPOINTMENT_PASSED, ContactChannel.EMAIL),
                decide(due, contact(ContactChannel.EMAIL, "Europe/London"), ALL));
    }
}
