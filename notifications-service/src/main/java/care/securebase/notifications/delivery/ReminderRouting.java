package care.securebase.notifications.delivery;

import care.securebase.notifications.BoosterReminder;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ContactChannel;
import care.securebase.notifications.mail.AppointmentTime;
import care.securebase.notifications.scheduling.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What to do with a due reminder, given what we know of the client. Pure, so every branch is
 * unit-tested; the dispatcher only carries the decision out.
 *
 * A reminder goes only through the channel the client prefers, and only if they consented to it
 * (intake's CONTACT_EMAIL / CONTACT_SMS) and have not opted out of it. There is deliberately no
 * fall-back to another consented channel: a client who prefers SMS has said how they want to be
 * reached, and an e-mail they did not expect (perhaps to a shared inbox) is the privacy risk this
 * rule exists to avoid. The log says why nothing was sent, so staff can follow up by phone.
 */
public final class ReminderRouting {

    public static final String APPOINTMENT_PASSED = "appointment-passed";
    public static final String AWAITING_CONTACT = "awaiting-contact-details";
    public static final String AWAITING_CONSENT = "awaiting-consent";
    public static final String NO_CONTACT_DETAILS = "no-contact-details";
    public static final String NO_EMAIL_ADDRESS = "no-email-address";
    public static final String NO_PHONE_NUMBER = "no-phone-number";
    public static final String SMS_NOT_CONFIGURED = "sms-not-configured";
    public static final String CLIENT_CHOSE_NO_CONTACT = "client-chose-no-contact";
    public static final String NO_CONSENT_EMAIL = "no-consent-email";
    public static final String NO_CONSENT_SMS = "no-consent-sms";
    public static final String OPTED_OUT = "opted-out";
    public static final String QUIET_HOURS = "quiet-hours";
    public static final String QUIET_UNTIL_APPOINTMENT = "quiet-hours-until-appointment";
    public static final String LINK_EXPIRED = "link-expired";
    public static final String QUIET_UNTIL_EXPIRY = "quiet-hours-until-expiry";

    /**
     * A client message as routing sees it: when it fell due, and the moment after which it is useless
     * (the appointment, or the expiry of the check-in's link), with the reasons to give when that moment
     * has passed or quiet hours last until it.
     */
    public record Due(Instant fellDueAt, Instant deadline, String passed, String tooLate) {

        public static Due appointment(Instant fellDueAt, Instant appointmentAt) {
            return new Due(fellDueAt, appointmentAt, APPOINTMENT_PASSED, QUIET_UNTIL_APPOINTMENT);
        }

        public static Due checkIn(Instant fellDueAt, Instant expiresAt) {
            return new Due(fellDueAt, expiresAt, LINK_EXPIRED, QUIET_UNTIL_EXPIRY);
        }
    }

    public sealed interface Decision permits SendEmail, SendSms, Skip, Defer {
    }

    public record SendEmail(String address) implements Decision {
    }

    public record SendSms(String phone) implements Decision {
    }

    public record Skip(String reason, ContactChannel channel) implements Decision {
    }

    /** Not now: contact details still on their way, or quiet hours in the client's time zone. */
    public record Defer(Instant until, String reason) implements Decision {
    }

    /**
     * What is known of the client beyond their contact row.
     *
     * @param decided the channels a consent was recorded for, granted or not (a superset of consented)
     */
    public record Permissions(Set<ContactChannel> consented, Set<ContactChannel> decided, Set<ContactChannel> optedOut,
                              boolean smsConfigured) {
    }

    private ReminderRouting() {
    }

    /**
     * @param wait        how long to wait before asking again when something is still on its way
     * @param consentWait how long after it fell due a reminder waits for a consent not yet recorded
     */
    public static Decision decide(BoosterReminder reminder, ClientContact contact, Permissions permissions,
                                  QuietHours quiet, Instant now, Duration wait, Duration consentWait) {
        return decide(Due.appointment(reminder.sendAt, reminder.appointmentAt), contact, permissions, quiet, now, wait,
                consentWait);
    }

    /** The same rules for any client message: a booster or session reminder, a check-in's link. */
    public static Decision decide(Due due, ClientContact contact, Permissions permissions,
                                  QuietHours quiet, Instant now, Duration wait, Duration consentWait) {
        if (!due.deadline().isAfter(now)) {
            return new Skip(contact == null ? NO_CONTACT_DETAILS : due.passed(),
                    contact == null ? null : contact.preferredChannel);
        }
        if (contact == null) {
            Instant until = now.plus(wait);
            return new Defer(until.isBefore(due.deadline()) ? until : due.deadline(), AWAITING_CONTACT);
        }
        ContactChannel channel = contact.preferredChannel == null ? ContactChannel.NONE : contact.preferredChannel;
        if (channel == ContactChannel.NONE) {
            return new Skip(CLIENT_CHOSE_NO_CONTACT, ContactChannel.NONE);
        }
        if (!permissions.consented().contains(channel)) {
            // The consent travels on intake's topic, the booster on sessions': it may simply not be here yet.
            if (!permissions.decided().contains(channel) && now.isBefore(due.fellDueAt().plus(consentWait))) {
                Instant until = now.plus(wait);
                return new Defer(until.isBefore(due.deadline()) ? until : due.deadline(), AWAITING_CONSENT);
            }
            return new Skip(channel == ContactChannel.EMAIL ? NO_CONSENT_EMAIL : NO_CONSENT_SMS, channel);
        }
        if (permissions.optedOut().contains(channel)) {
            return new Skip(OPTED_OUT, channel);
        }
        Decision send;
        if (channel == ContactChannel.EMAIL) {
            if (!contact.hasEmail()) {
                return new Skip(NO_EMAIL_ADDRESS, channel);
            }
            send = new SendEmail(contact.email.strip());
        } else {
            if (contact.phone == null || contact.phone.isBlank()) {
                return new Skip(NO_PHONE_NUMBER, channel);
            }
            if (!permissions.smsConfigured()) {
                return new Skip(SMS_NOT_CONFIGURED, channel);
            }
            send = new SendSms(contact.phone.strip());
        }
        QuietHours.Outcome outcome = quiet.apply(now, AppointmentTime.zone(contact.timeZone), due.deadline());
        if (outcome instanceof QuietHours.DeferTo d) {
            return new Defer(d.at(), QUIET_HOURS);
        }
        return outcome instanceof QuietHours.TooLate ? new Skip(due.tooLate(), channel) : send;
    }
}
