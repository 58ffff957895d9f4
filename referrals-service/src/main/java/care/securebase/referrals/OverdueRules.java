package care.securebase.referrals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a referral needs its coordinator. Unanswered: still SENT or RECEIVED once its respond-by
 * day is over (in the clinics' time zone). Not started: ACCEPTED, with no date set and not under
 * way, {@code notStartedAfter} after it was accepted. Expired: unanswered {@code expireAfter} past
 * the respond-by day.
 */
public record OverdueRules(Duration notStartedAfter, Duration expireAfter, ZoneId zone) {

    /** The kinds of overdue, as ReferralOverdue names them. */
    public enum Kind { UNANSWERED, NOT_STARTED }

    /** The moment the answer was due: the end of the respond-by day. */
    public Instant answerDue(LocalDate respondBy) {
        return respondBy.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The respond-by dates that are over at {@code now}: those before this day. */
    public LocalDate firstDayNotYetDue(Instant now) {
        return LocalDate.ofInstant(now, zone);
    }

    public boolean unanswered(Referral r, Instant now) {
        return ReferralStatus.UNANSWERED.contains(r.status) && !now.isBefore(answerDue(r.respondBy));
    }

    public boolean notStarted(Referral r, Instant now) {
        return r.status == ReferralStatus.ACCEPTED && !now.isBefore(r.updatedAt.plus(notStartedAfter));
    }

    public boolean expired(Referral r, Instant now) {
        return ReferralStatus.UNANSWERED.contains(r.status) && !now.isBefore(answerDue(r.respondBy).plus(expireAfter));
    }

    public Optional<Kind> overdue(Referral r, Instant now) {
        if (unanswered(r, now)) {
            return Optional.of(Kind.UNANSWERED);
        }
        return notStarted(r, now) ? Optional.of(Kind.NOT_STARTED) : Optional.empty();
    }
}
