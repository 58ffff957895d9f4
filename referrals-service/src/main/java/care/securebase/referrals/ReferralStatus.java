package care.securebase.referrals;

import care.securebase.kit.problem.ConflictException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A referral's life cycle, modelled on the FHIR Task state machine so the later FHIR facade maps
 * one to one. Who makes a move is part of the rule: the referring clinic sends and cancels, the
 * partner organisation answers and reports progress, the system expires unanswered referrals.
 */
public enum ReferralStatus {
    DRAFT("draft", Party.CLINIC),
    SENT("requested", Party.CLINIC),
    RECEIVED("received", Party.PARTNER),
    ACCEPTED("accepted", Party.PARTNER),
    DECLINED("rejected", Party.PARTNER),
    IN_PROGRESS("in-progress", Party.PARTNER),
    COMPLETED("completed", Party.PARTNER),
    CANCELLED("cancelled", Party.CLINIC),
    EXPIRED("failed", Party.SYSTEM);

    /** Who acts on a referral. */
    public enum Party { CLINIC, PARTNER, SYSTEM }

    private static final Map<ReferralStatus, Set<ReferralStatus>> MOVES = Map.of(
            DRAFT, EnumSet.of(SENT, CANCELLED),
            SENT, EnumSet.of(RECEIVED, ACCEPTED, DECLINED, CANCELLED, EXPIRED),
            RECEIVED, EnumSet.of(ACCEPTED, DECLINED, CANCELLED, EXPIRED),
            ACCEPTED, EnumSet.of(IN_PROGRESS, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED),
            DECLINED, EnumSet.noneOf(ReferralStatus.class),
            COMPLETED, EnumSet.noneOf(ReferralStatus.class),
            CANCELLED, EnumSet.noneOf(ReferralStatus.class),
            EXPIRED, EnumSet.noneOf(ReferralStatus.class));

    private final String fhirTaskStatus;
    private final Party movedBy;

    ReferralStatus(String fhirTaskStatus, Party movedBy) {
        this.fhirTaskStatus = fhirTaskStatus;
        this.movedBy = movedBy;
    }

    /** The code of http://hl7.org/fhir/task-status this status is published as. */
    public String fhirTaskStatus() {
        return fhirTaskStatus;
    }

    /** The party that moves a referral into this status. */
    public Party movedBy() {
        return movedBy;
    }

    public Set<ReferralStatus> next() {
        return Collections.unmodifiableSet(MOVES.get(this));
    }

    public boolean canMoveTo(ReferralStatus target) {
        return MOVES.get(this).contains(target);
    }

    public boolean terminal() {
        return MOVES.get(this).isEmpty();
    }

    /** The request field a move into this status must carry (a decline's reason, a completion's outcome). */
    public String requiredNote() {
        return switch (this) {
            case DECLINED -> "reason";
            case COMPLETED -> "outcome";
            default -> null;
        };
    }

    /** Refuses a move the life cycle does not allow. */
    public void checkMoveTo(ReferralStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException(terminal()
                    ? "The referral is " + name() + " and can no longer change"
                    : "A " + name() + " referral cannot become " + target.name() + "; it can become " + next());
        }
    }
}
