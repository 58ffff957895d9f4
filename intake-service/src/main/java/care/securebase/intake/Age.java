package care.securebase.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/** Age as the law counts it: whole years since birth, on a calendar date of a given time zone. */
public final class Age {

    public static final int ADULT_AT = 18;

    private Age() {
    }

    /** Today as the clinic sees it: near midnight UTC the clinic may already be (or still be) on another date. */
    public static LocalDate today(Clock clock, ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    public static int yearsOn(LocalDate dateOfBirth, LocalDate on) {
        return Period.between(dateOfBirth, on).getYears();
    }

    /** A 29 February birthday turns 18 on 1 March in common years (Period's arithmetic). */
    public static boolean isMinorOn(LocalDate dateOfBirth, LocalDate on) {
        return yearsOn(dateOfBirth, on) < ADULT_AT;
    }
}
