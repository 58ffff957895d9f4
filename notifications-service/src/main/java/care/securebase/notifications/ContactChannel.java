package care.securebase.notifications;

import java.util.Locale;

/** How a client asked to be contacted, as intake-service records it. */
public enum ContactChannel {
    EMAIL, SMS, NONE;

    /** A channel a newer producer knows and we don't is treated as "do not contact" rather than guessed. */
    public static ContactChannel parse(String value) {
        if (value == null) {
            return NONE;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
    }
}
