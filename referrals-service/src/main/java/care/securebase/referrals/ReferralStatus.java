package care.securebase.referrals;

import care.securebase.kit.problem.ConflictException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A referral's life cycle, modelled on the FHIR Task state machine: each status is published as a
 * Task status plus a business status (SCHEDULED is an accepted Task whose business status says a
 * date is set). Who makes a move is part of the rule: the referring clinic sends and cancels, the
 * partner organisation answers and reports progress, the system expires unanswered referrals (and
 * withdraws them when consent is revoked).
 */
public enum ReferralStatus {
    DRAFT("draft", Party.CLINIC),
    SENT("requested", Party.CLINIC),
    RECEIVED("received", Party.PARTNER),
    ACCEPTED("accepted", Party.PARTNER),
    DECLINED("rejected", Party.PARTNER),
    SCHEDULED("accepted", Party.PARTNER),
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
            ACCEPTED, EnumSet.of(SCHEDULED, IN_PROGRESS, CANCELLED),
            // Rescheduling is a move to SCHEDULED again, with the new date; a one-off appointment
            // (a GP visit) can be completed without being "in progress" first.
            SCHEDULED, EnumSet.of(SCHEDULED, IN_PROGRESS, COMPLETED, CANCELLED),
            IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED),
            DECLINED, EnumSet.noneOf(ReferralStatus.class),
            COMPLETED, EnumSet.noneOf(ReferralStatus.class),
            CANCELLED, EnumSet.noneOf(ReferralStatus.class),
            EXPIRED, EnumSet.noneOf(ReferralStatus.class));

    /** Statuses in which the referral is still somebody's work (the coordinator's board). */
    public static final Set<ReferralStatus> OPEN = Collections.unmodifiableSet(
            EnumSet.of(DRAFT, SENT, RECEIVED, ACCEPTED, SCHEDULED, IN_PROGRESS));
    /** Statuses in which the partner holds the referral: withdrawn when the client's consent ends. */
    public static final Set<ReferralStatus> WITH_PARTNER = Collections.unmodifiableSet(
            EnumSet.of(SENT, RECEIVED, ACCEPTED, SCHEDULED, IN_PROGRESS));
    /** Statuses waiting for the partner's answer. */
    public static final Set<ReferralStatus> UNANSWERED = Collections.unmodifiableSet(EnumSet.of(SENT, RECEIVED));

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

    /** The Task's businessStatus code: the status itself, lower case with dashes (e.g. scheduled). */
    public String businessStatus() {
        return name().toLowerCase().replace('_', '-');
    }

    /** The code of http://hl7.org/fhir/request-status the ServiceRequest behind the Task has. */
    public String fhirRequestStatus() {
        return switch (this) {
            case DRAFT -> "draft";
            case SENT, RECEIVED, ACCEPTED, SCHEDULED, IN_PROGRESS -> "active";
            case COMPLETED -> "completed";
            case DECLINED, CANCELLED, EXPIRED -> "revoked";
        };
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

    /**
     * The request field a move into this status must carry: a decline's coded reason, a
     * completion's coded outcome, a scheduled date.
     */
    public String requiredField() {
        return switch (this) {
            case DECLINED -> "reason";
            case COMPLETED -> "outcome";
            case SCHEDULED -> "date";
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
