package care.securebase.referrals.service;

import care.securebase.referrals.OverdueRules;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralCodes;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStep;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finds referrals that need their coordinator and expires those nobody answered. Each referral is
 * handled in its own transaction under a lock, and checked again there, so a partner answering at
 * that moment wins or loses cleanly; each overdue kind is announced once per referral.
 */
@ApplicationScoped
public class OverdueCheck {

    private static final Logger LOG = Logger.getLogger(OverdueCheck.class);

    private final OverdueRules rules;
    private final ReferralEvents events;
    private final Clock clock;

    public OverdueCheck(OverdueRules rules, ReferralEvents events, Clock clock) {
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    public record Result(int expired, int unanswered, int notStarted) {
    }

    @Scheduled(every = "${securebase.referrals.overdue-check-every:15m}", delay = 1,
            delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result result = run();
        if (result.expired() + result.unanswered() + result.notStarted() > 0) {
            LOG.infof("Overdue check: %d expired, %d unanswered, %d not started", result.expired(),
                    result.unanswered(), result.notStarted());
        }
    }

    /** One pass: expiries first (an expired referral needs no overdue flag), then the flags. */
    public Result run() {
        Instant now = Clocks.now(clock);
        int expired = 0;
        int unanswered = 0;
        int notStarted = 0;
        var dueBefore = rules.firstDayNotYetDue(now);
        var candidates = QuarkusTransaction.requiringNew().call(
                () -> Referral.idsRespondByBefore(ReferralStatus.UNANSWERED, dueBefore));
        for (UUID id : candidates) {
            if (QuarkusTransaction.requiringNew().call(() -> expire(id, now))) {
                expired++;
            }
        }
        for (UUID id : QuarkusTransaction.requiringNew().call(
                () -> Referral.idsRespondByBefore(ReferralStatus.UNANSWERED, dueBefore))) {
            if (QuarkusTransaction.requiringNew().call(() -> flag(id, now, OverdueRules.Kind.UNANSWERED))) {
                unanswered++;
            }
        }
        for (UUID id : QuarkusTransaction.requiringNew().call(
                () -> Referral.idsInStatusSince(ReferralStatus.ACCEPTED, now.minus(rules.notStartedAfter())))) {
            if (QuarkusTransaction.requiringNew().call(() -> flag(id, now, OverdueRules.Kind.NOT_STARTED))) {
                notStarted++;
            }
        }
        return new Result(expired, unanswered, notStarted);
    }

    private boolean expire(UUID id, Instant now) {
        Referral referral = Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null || !rules.expired(referral, now)) {
            return false;
        }
        ReferralStep step = referral.moveTo(ReferralStatus.EXPIRED, ReferralStatus.Party.SYSTEM,
                ClientInfoService.SYSTEM, Referral.Details.code(ReferralCodes.NO_RESPONSE), now);
        step.persist();
        events.statusChanged(referral, step);
        return true;
    }

    private boolean flag(UUID id, Instant now, OverdueRules.Kind kind) {
        Referral referral = Referral.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (referral == null) {
            return false;
        }
        boolean due = kind == OverdueRules.Kind.UNANSWERED
                ? rules.unanswered(referral, now) && referral.unansweredNotifiedAt == null
                : rules.notStarted(referral, now) && referral.notStartedNotifiedAt == null;
        if (!due) {
            return false;
        }
        if (kind == OverdueRules.Kind.UNANSWERED) {
            referral.unansweredNotifiedAt = now;
        } else {
            referral.notStartedNotifiedAt = now;
        }
        events.overdue(referral, kind);
        return true;
    }
}
