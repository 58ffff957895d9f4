package care.securebase.sessions;

import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import java.util.EnumSet;
import java.util.Set;

/**
 * What became of a session. A scheduled session is attended, cancelled or missed (no-show); each
 * of those is final: a wrong entry is corrected by a new session, not by rewriting what happened.
 */
public enum SessionStatus {
    SCHEDULED,
    ATTENDED,
    CANCELLED,
    NO_SHOW;

    public Set<SessionStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(ATTENDED, CANCELLED, NO_SHOW);
            case ATTENDED, CANCELLED, NO_SHOW -> EnumSet.noneOf(SessionStatus.class);
        };
    }

    /** The target, or 409 for an illegal move (400 naming {@code status} when none is given). */
    public SessionStatus moveTo(SessionStatus target) {
        if (target == null) {
            throw new InvalidFieldException("status", "must not be null");
        }
        if (!next().contains(target)) {
            throw new ConflictException("A session that is " + this + " cannot become " + target
                    + (next().isEmpty() ? "; it is final" : "; it can become " + next()));
        }
        return target;
    }

    /** Whether the session took place or was missed, so there is something to write a note about. */
    public boolean canHaveNote() {
        return this == ATTENDED || this == NO_SHOW;
    }
}
