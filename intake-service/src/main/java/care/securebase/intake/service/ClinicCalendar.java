package care.securebase.intake.service;

import care.securebase.intake.Age;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.Config;

/**
 * Dates as a clinic sees them: {@code securebase.clinic-time-zones.<clinicId>}, else
 * {@code securebase.clinic-time-zones.default}.
 */
@ApplicationScoped
public class ClinicCalendar {

    private final Clock clock;
    private final Config config;

    public ClinicCalendar(Clock clock, Config config) {
        this.clock = clock;
        this.config = config;
    }

    public ZoneId zoneOf(String clinicId) {
        return config.getOptionalValue("securebase.clinic-time-zones." + clinicId, String.class)
                .or(() -> config.getOptionalValue("securebase.clinic-time-zones.default", String.class))
                .map(ZoneId::of).orElse(ZoneId.of("Europe/London"));
    }

    public LocalDate today(String clinicId) {
        return Age.today(clock, zoneOf(clinicId));
    }

    public Instant now() {
        return clock.instant();
    }
}
