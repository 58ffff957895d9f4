package care.securebase.notifications.settings;

import care.securebase.notifications.scheduling.QuietHours;
import care.securebase.notifications.scheduling.ReminderSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The settings in force for one clinic: its own row, or the defaults.
 *
 * @param updatedAt null while the clinic uses the defaults
 */
public record Settings(String clinicId, List<Duration> leadTimes, List<Duration> appointmentLeadTimes,
                       LocalTime quietStart, LocalTime quietEnd, String defaultLanguage, Instant updatedAt,
                       String updatedBy) {

    public QuietHours quietHours() {
        return new QuietHours(quietStart, quietEnd);
    }

    /** "en-GB" and "pl_PL" both give the template language "en" / "pl". */
    public String language() {
        return languageOf(defaultLanguage);
    }

    public static String languageOf(String tag) {
        if (tag == null || tag.isBlank()) {
            return "en";
        }
        String lang = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return lang.isEmpty() ? "en" : lang;
    }

    public String leadTimesLabel() {
        return String.join(",", leadTimes.stream().map(ReminderSchedule::label).toList());
    }

    public static List<Duration> parseLeadTimes(String stored) {
        return Arrays.stream(stored.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Duration::parse).toList();
    }

    /** @param defaultAppointmentLeads the service's, for a clinic that set its booster lead times only */
    static Settings of(ClinicSettings row, List<Duration> defaultAppointmentLeads) {
        return new Settings(row.clinicId, parseLeadTimes(row.leadTimes),
                row.appointmentLeadTimes == null ? defaultAppointmentLeads : parseLeadTimes(row.appointmentLeadTimes),
                row.quietStart, row.quietEnd, row.defaultLanguage, row.updatedAt, row.updatedBy);
    }
}
