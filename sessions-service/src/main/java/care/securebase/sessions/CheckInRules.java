package care.securebase.sessions;

import care.securebase.instruments.InstrumentDefinition;
import care.securebase.instruments.ScoreResult;
import java.math.BigDecimal;
import java.util.List;

/**
 * What in a check-in asks for the clinician: the four rules, pure so each is unit-tested. The kinds
 * are the wire names of check-in-flagged and of a check-in's {@code flags}.
 */
public final class CheckInRules {

    public enum Kind {
        RISK(Flag.Kind.RISK), DETERIORATION(Flag.Kind.DETERIORATION), WARNING_SIGNS(Flag.Kind.WARNING_SIGN),
        MISSED(Flag.Kind.MISSED_CHECK_INS);

        /** How it shows among the caseload's flags. */
        public final Flag.Kind flag;

        Kind(Flag.Kind flag) {
            this.flag = flag;
        }
    }

    private CheckInRules() {
    }

    /** A risk item answered positively (PHQ-9 item 9 above 0, a C-SSRS yes), at any level. */
    public static boolean risk(List<ScoreResult> scored) {
        return scored.stream().anyMatch(r -> !r.risks().isEmpty());
    }

    /**
     * Reliable deterioration of the new score against the episode's baseline or against the client's
     * previous check-in, whichever exists (either is enough): a slide over several check-ins and a
     * sudden drop both show.
     */
    public static boolean deteriorated(InstrumentDefinition.ReliableChange criterion, BigDecimal baseline,
                                       BigDecimal previousCheckIn, BigDecimal latest) {
        if (criterion == null || latest == null) {
            return false;
        }
        return baseline != null && criterion.judge(baseline, latest) == InstrumentDefinition.ReliableChange.Result.DETERIORATED
                || previousCheckIn != null && criterion.judge(previousCheckIn, latest)
                        == InstrumentDefinition.ReliableChange.Result.DETERIORATED;
    }

    /** At or above the schedule's threshold of warning signs noticed (a threshold below 1 never fires). */
    public static boolean warningSigns(int noticed, int threshold) {
        return threshold >= 1 && noticed >= threshold;
    }

    /**
     * {@code newestFirst}: the episode's check-ins that are over (answered, expired, cancelled), newest
     * first. Fires when the run of expired ones at the front reaches {@code inARow}, and again at each
     * further multiple, so a cleared flag is raised anew only after another full run. A check-in staff
     * cancelled is nobody's miss: it neither counts nor breaks the run.
     */
    public static boolean missed(List<CheckIn.Status> newestFirst, int inARow) {
        int run = missedInARow(newestFirst);
        return run > 0 && inARow >= 1 && run % inARow == 0;
    }

    public static int missedInARow(List<CheckIn.Status> newestFirst) {
        int run = 0;
        for (CheckIn.Status s : newestFirst) {
            if (s == CheckIn.Status.CANCELLED) {
                continue;
            }
            if (s != CheckIn.Status.EXPIRED) {
                break;
            }
            run++;
        }
        return run;
    }
}
