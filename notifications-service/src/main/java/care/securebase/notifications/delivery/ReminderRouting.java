package care.securebase.notifications.delivery;

import care.securebase.notifications.BoosterReminder;
import care.securebase.notifications.ClientContact;
import care.securebase.notifications.ContactChannel;
import java.time.Duration;
import java.time.Instant;

/**
 * What to do with a due reminder, given what we know of the client. Pure, so every branch is
 * unit-tested; the dispatcher only carries the decision out. New channels (SMS) grow here.
 */
public final class ReminderRouting {

    public static final String APPOINTMENT_PASSED = "appointment-passed";
    public static final String AWAITING_CONTACT = "awaiting-contact-details";
    public static final String NO_CONTACT_DETAILS = "no-contact-details";
    public static final String NO_EMAIL_ADDRESS = "no-email-address";
    public static final String SMS_NOT_AVAILABLE = "sms-not-available";
    public static final String CLIENT_CHOSE_NO_CONTACT = "client-chose-no-contact";

    public sealed interface Decision permits SendEmail, Skip, Defer {
    }

    public record SendEmail(String address) implements Decision {
    }

    public record Skip(String reason, ContactChannel channel) implements Decision {
    }

    /** The contact details may still be on their way (topics are not ordered against each other). */
    public record Defer(Instant until, String reason) implements Decision {
    }

    private ReminderRouting() {
    }

    public static Decision decide(BoosterReminder reminder, ClientContact contact, Instant now, Duration wait) {
        if (!reminder.appointmentAt.isAfter(now)) {
            return new Skip(contact == null ? NO_CONTACT_DETAILS : APPOINTMENT_PASSED,
                    contact == null ? null : contact.preferredChannel);
        }
        if (contact == null) {
            Instant until = now.plus(wait);
            return new Defer(until.isBefore(reminder.appointmentAt) ? until : reminder.appointmentAt, AWAITING_CONTACT);
        }
        ContactChannel channel = contact.preferredChannel == null ? ContactChannel.NONE : contact.preferredChannel;
        return switch (channel) {
            case EMAIL -> contact.hasEmail() ? new SendEmail(contact.email.strip())
                    : new Skip(NO_EMAIL_ADDRESS, ContactChannel.EMAIL);
            case SMS -> new Skip(SMS_NOT_AVAILABLE, ContactChannel.SMS);
            case NONE -> new Skip(CLIENT_CHOSE_NO_CONTACT, ContactChannel.NONE);
        };
    }
}
