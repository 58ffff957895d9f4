package care.securebase.sessions;

import java.time.Duration;
import java.time.Instant;

/** When a draft note is overdue: more than the clinic's set number of days after its session began. */
public final class OverdueNotes {

    private OverdueNotes() {
    }

    /** The moment a draft for a session that began at {@code sessionStart} becomes overdue. */
    public static Instant dueBy(Instant sessionStart, int overdueNoteDays) {
        return sessionStart.plus(Duration.ofDays(overdueNoteDays));
    }

    public static boolean isOverdue(NoteStatus status, Instant sessionStart, int overdueNoteDays, Instant now) {
        return status == NoteStatus.DRAFT && now.isAfter(dueBy(sessionStart, overdueNoteDays));
    }

    /** Drafts of sessions that began before this instant are overdue now. */
    public static Instant cutoff(int overdueNoteDays, Instant now) {
        return now.minus(Duration.ofDays(overdueNoteDays));
    }
}
