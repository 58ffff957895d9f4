package care.securebase.portal.web;

import care.securebase.portal.PortalConfig;
import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the pages write dates, times and codes: {@code {fmt:when(episode.openedAt)}},
 * {@code {fmt:label(episode.phase)}}. Every helper takes null and writes a dash.
 */
@TemplateExtension(namespace = "fmt")
public class Formats {

    static final String NONE = "—";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static volatile ZoneId zone;

    /** "12 Mar 2026, 10:00" in the portal's time zone. */
    public static String when(Instant instant) {
        return instant == null ? NONE : DAY_TIME.format(instant.atZone(zone()));
    }

    /** "12 Mar 2026". */
    public static String day(LocalDate date) {
        return date == null ? NONE : DAY.format(date);
    }

    /** "ACTIVE_TREATMENT" as "Active treatment", "care-coordinator" as "Care coordinator". */
    public static String label(Object code) {
        if (code == null || code.toString().isBlank()) {
            return NONE;
        }
        String words = code.toString().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** An ISO-8601 duration such as "P7D" as "7 days", "PT2H" as "2 hours". */
    public static String duration(String iso) {
        if (iso == null || iso.isBlank()) {
            return NONE;
        }
        try {
            Duration d = Duration.parse(iso);
            if (d.toHours() % 24 == 0 && d.toDays() > 0) {
                return plural(d.toDays(), "day");
            }
            if (d.toMinutes() % 60 == 0 && d.toHours() > 0) {
                return plural(d.toHours(), "hour");
            }
            return plural(d.toMinutes(), "minute");
        } catch (RuntimeException notADuration) {
            return iso;
        }
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    /** A code as a CSS class suffix: "MODERATE" as "moderate", "IN_PROGRESS" as "in-progress". */
    public static String token(Object code) {
        return code == null ? "none" : code.toString().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The value, or a dash for nothing. */
    public static String text(Object value) {
        return value == null || value.toString().isBlank() ? NONE : value.toString();
    }

    /** Table headings written "Name|Status|Registered", as a list (see tags/listTable.html). */
    public static java.util.List<String> columns(String headings) {
        return headings == null ? java.util.List.of()
                : java.util.Arrays.stream(headings.split("\\|")).map(String::strip).toList();
    }

    /** A shortened id for tables: the first block of a UUID. */
    public static String shortId(Object id) {
        if (id == null) {
            return NONE;
        }
        String s = id.toString();
        int dash = s.indexOf('-');
        return dash > 0 ? s.substring(0, dash) : s;
    }

    static ZoneId zone() {
        ZoneId z = zone;
        if (z == null) {
            z = Arc.container().instance(PortalConfig.class).get().timeZone();
            zone = z;
        }
        return z;
    }
}
