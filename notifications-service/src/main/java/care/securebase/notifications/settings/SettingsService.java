package care.securebase.notifications.settings;

import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.notifications.scheduling.ReminderSchedule;
import care.securebase.notifications.scheduling.RemindersConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SettingsService {

    /** A reminder further ahead than this is more likely forgotten than useful. */
    static final Duration LONGEST_LEAD = Duration.ofDays(60);
    static final int MOST_LEADS = 5;

    private final RemindersConfig defaults;
    private final Clock clock;

    public SettingsService(RemindersConfig defaults, Clock clock) {
        this.defaults = defaults;
        this.clock = clock;
    }

    public Settings of(String clinicId) {
        ClinicSettings row = clinicId == null ? null : ClinicSettings.findById(clinicId);
        if (row != null) {
            return Settings.of(row, defaults.appointmentLeadTimes());
        }
        return new Settings(clinicId, defaults.leadTimes(), defaults.appointmentLeadTimes(), defaults.quietStart(),
                defaults.quietEnd(), defaults.defaultLanguage(), null, null);
    }

    /** Validates every field (400 naming it) before anything is written. */
    @Transactional(Transactional.TxType.REQUIRED)
    /**
     * @param appointmentLeadTimes null: the clinic's session reminders keep the lead times they have (a
     *                             client of the API that predates them changes nothing by leaving them out)
     */
    public Settings update(String clinicId, List<String> leadTimes, List<String> appointmentLeadTimes,
                           String quietStart, String quietEnd, String defaultLanguage, String by) {
        List<Duration> leads = leads("leadTimes", leadTimes);
        List<Duration> appointmentLeads = appointmentLeadTimes == null ? null
                : leads("appointmentLeadTimes", appointmentLeadTimes);
        LocalTime start = time("quietStart", quietStart);
        LocalTime end = time("quietEnd", quietEnd);
        String language;
        try {
            Locale locale = new Locale.Builder().setLanguageTag(defaultLanguage.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            language = locale.toLanguageTag();
        } catch (IllformedLocaleException e) {
            throw new InvalidFieldException("defaultLanguage", "a language tag such as en or pl-PL");
        }
        ClinicSettings row = ClinicSettings.findById(clinicId);
        if (row == null) {
            row = new ClinicSettings();
            row.clinicId = clinicId;
        }
        row.leadTimes = label(leads);
        if (appointmentLeads != null) {
            row.appointmentLeadTimes = label(appointmentLeads);
        }
        row.quietStart = start;
        row.quietEnd = end;
        row.defaultLanguage = language;
        row.updatedAt = clock.instant();
        row.updatedBy = by;
        row.persist();
        return Settings.of(row, defaults.appointmentLeadTimes());
    }

    private static String label(List<Duration> leads) {
        return String.join(",", leads.stream().map(ReminderSchedule::label).toList());
    }

    private static List<Duration> leads(String field, List<String> values) {
        List<Duration> leads = new ArrayList<>();
        for (String lead : values) {
            Duration d;
            try {
                d = Duration.parse(lead == null ? "" : lead.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidFieldException(field, "each lead time is an ISO-8601 duration such as P7D or PT12H");
            }
            if (d.isNegative() || d.isZero() || d.compareTo(LONGEST_LEAD) > 0) {
                throw new InvalidFieldException(field, "each lead time is more than zero and at most P60D");
            }
            if (!leads.contains(d)) {
                leads.add(d);
            }
        }
        if (leads.isEmpty() || leads.size() > MOST_LEADS) {
            throw new InvalidFieldException(field, "between 1 and " + MOST_LEADS + " lead times");
        }
        leads.sort(java.util.Comparator.reverseOrder());
        return leads;
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "a time of day such as 21:00");
        }
    }
}
