package care.securebase.sessions;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The phases of an episode of care and the moves between them. Maintenance is entered only by
 * starting a maintenance plan (see {@link #enterMaintenance()}), because a maintenance phase without
 * a relapse-prevention plan and booster sessions would be an empty promise; a relapse returns a
 * maintained episode to active treatment; discharge is final and needs a reason.
 */
public enum Phase {
    ASSESSMENT,
    ACTIVE_TREATMENT,
    MAINTENANCE,
    DISCHARGED;

    /** Where an episode in this phase may go next. */
    public Set<Phase> next() {
        return switch (this) {
            case ASSESSMENT -> EnumSet.of(ACTIVE_TREATMENT, DISCHARGED);
            case ACTIVE_TREATMENT -> EnumSet.of(MAINTENANCE, DISCHARGED);
            case MAINTENANCE -> EnumSet.of(ACTIVE_TREATMENT, DISCHARGED);
            case DISCHARGED -> EnumSet.noneOf(Phase.class);
        };
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /**
     * A move asked for directly (everything but maintenance). Returns the target, or refuses: an
     * illegal move is a conflict with the episode's state (409), a discharge without a reason is
     * bad input (400 naming {@code reason}).
     */
    public Phase moveTo(Phase target, String reason) {
        if (target == null) {
            throw new InvalidFieldException("phase", "must not be null");
        }
        if (target == MAINTENANCE) {
            throw new ConflictException("An episode enters MAINTENANCE only by starting its maintenance plan: "
                    + "POST /episodes/{id}/maintenance (from ACTIVE_TREATMENT)");
        }
        requireMove(target);
        if (target == DISCHARGED && (reason == null || reason.isBlank())) {
            throw new InvalidFieldException("reason", "is required to discharge an episode");
        }
        return target;
    }

    /** The move made by starting a maintenance plan; only active treatment can be maintained. */
    public Phase enterMaintenance() {
        requireMove(MAINTENANCE);
        return MAINTENANCE;
    }

    private void requireMove(Phase target) {
        if (isFinal()) {
            throw new ConflictException("The episode is " + this + ", which is final; no further phase changes");
        }
        if (!next().contains(target)) {
            throw new ConflictException("An episode in " + this + " cannot move to " + target
                    + "; it can move to " + next());
        }
    }
}
