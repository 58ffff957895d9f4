package care.securebase.notifications.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** An appointment's moment as the client reads it: their time zone, their language's conventions. */
public final class AppointmentTime {

    private AppointmentTime() {
    }

    public static Locale locale(String language) {
        if (language == null || language.isBlank()) {
            return Locale.UK;
        }
        Locale locale = Locale.forLanguageTag(language.strip());
        return locale.getLanguage().isEmpty() ? Locale.UK : locale;
    }

    public static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** E.g. "Friday 27 November 2026 at 15:00 (Central European Standard Time)" for en-GB in Europe/Oslo. */
    public static String full(Instant at, String timeZone, String language) {
        Locale locale = locale(language);
        ZonedDateTime local = at.atZone(zone(timeZone));
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale).format(local)
                + " (" + DateTimeFormatter.ofPattern("zzzz", locale).format(local) + ")";
    }

    /** E.g. "27 Nov 2026", for a subject line. */
    public static String shortDate(Instant at, String timeZone, String language) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale(language))
                .format(at.atZone(zone(timeZone)));
    }
}
