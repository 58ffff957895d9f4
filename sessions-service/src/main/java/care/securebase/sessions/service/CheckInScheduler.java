package care.securebase.sessions.service;

import care.securebase.events.CheckInDue;
import care.securebase.kit.outbox.Outbox;
import care.securebase.sessions.CheckIn;
import care.securebase.sessions.CheckInRules;
import care.securebase.sessions.CheckInSchedule;
import care.securebase.sessions.ClinicSettings;
import care.securebase.sessions.Episode;
import care.securebase.sessions.MaintenancePlan;
import care.securebase.sessions.Phase;
import care.securebase.sessions.links.LinkTokens;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Makes check-ins fall due (check-in-due through the outbox) and expires those left unanswered. Safe at
 * any number of replicas: each batch locks the rows it works on with SKIP LOCKED, their episode's row
 * with them (the order requests lock in: episode first, so no deadlock; and two replicas never count
 * one client's run of missed check-ins at once), and the state change
 * (the schedule's next due time moved on, the check-in's status) commits with the outbox row in one
 * transaction, so another replica either skips a row being worked on or sees it done: each check-in is
 * announced exactly once. The unique (schedule, due time) of check_in holds even if that reasoning fails.
 */
@ApplicationScoped
public class CheckInScheduler {

    private static final Logger LOG = Logger.getLogger(CheckInScheduler.class);
    static final int BATCH = 50;
    static final Duration LATE = Duration.ofMinutes(15);

    private final LinkTokens tokens;
    private final Outbox outbox;
    private final CheckInService checkIns;
    private final Clock clock;

    public CheckInScheduler(LinkTokens tokens, Outbox outbox, CheckInService checkIns, Clock clock) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.checkIns = checkIns;
        this.clock = clock;
    }

    public record Result(int due, int expired) {
    }

    @Scheduled(identity = "check-in-scheduler", every = "${securebase.check-ins.poll-interval:30s}", delay = 5,
            delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Result r = run();
        if (r.due() + r.expired() > 0) {
            LOG.infof("Check-ins: %d fell due, %d expired", r.due(), r.expired());
        }
    }

    /** One pass over everything due by now. */
    public Result run() {
        int due = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::fallDue);
            due += batch;
        } while (batch == BATCH);
        int expired = 0;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::expire);
            expired += batch;
        } while (batch == BATCH);
        return new Result(due, expired);
    }

    int fallDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<CheckInSchedule> schedules = Panache.getEntityManager().createNativeQuery("""
                        select s.* from check_in_schedule s join episode e on e.id = s.episode_id
                        where s.ended_at is null and s.next_due_at <= :now
                        order by s.next_due_at limit :limit for update of s, e skip locked""", CheckInSchedule.class)
                .setParameter("now", now).setParameter("limit", BATCH).getResultList();
        for (CheckInSchedule schedule : schedules) {
            Episode episode = Episode.findById(schedule.episodeId);
            Optional<Instant> slot = schedule.takeDue(now);
            if (episode.phase == Phase.DISCHARGED) {
                // Discharge ends schedules itself; this only guards against a row it missed.
                schedule.end(CheckInSchedule.EndReason.DISCHARGED, now);
                continue;
            }
            slot.ifPresent(at -> issue(schedule, episode, at, now));
            if (schedule.nextDueAt == null) {
                schedule.end(CheckInSchedule.EndReason.FINISHED, now);
            }
        }
        return schedules.size();
    }

    private void issue(CheckInSchedule schedule, Episode episode, Instant dueAt, Instant now) {
        LinkTokens.Minted link = tokens.mint(LinkTokens.CHECK_IN);
        CheckIn c = new CheckIn();
        c.id = UUID.randomUUID();
        c.scheduleId = schedule.id;
        c.episodeId = episode.id;
        c.clientId = episode.clientId;
        c.clinicId = episode.clinicId;
        c.instruments = List.copyOf(schedule.instruments);
        c.includeWarningSigns = schedule.includeWarningSigns;
        c.includeCopingTools = schedule.includeCopingTools;
        c.diaryPrompt = schedule.diaryPrompt;
        c.warningSignThreshold = schedule.warningSignThreshold;
        c.planId = schedule.includeWarningSigns || schedule.includeCopingTools
                ? MaintenancePlan.current(episode.id).map(p -> p.id).orElse(null) : null;
        c.status = CheckIn.Status.DUE;
        c.dueAt = dueAt;
        // A check-in announced late (the scheduler was down for more than a poll) still gets its full time.
        Instant from = Duration.between(dueAt, now).compareTo(LATE) > 0 ? now : dueAt;
        c.expiresAt = from.plus(Duration.ofHours(ClinicSettings.of(episode.clinicId).checkInExpiryHours));
        c.linkHash = link.hash();
        c.persist();
        outbox.publish(new CheckInDue(c.id, episode.id, episode.clientId, episode.clinicId, link.token(), c.dueAt,
                c.expiresAt));
    }

    int expire() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<CheckIn> expiring = Panache.getEntityManager().createNativeQuery("""
                        select c.* from check_in c join episode e on e.id = c.episode_id
                        where c.status in ('DUE', 'SENT') and c.expires_at <= :now
                        order by c.expires_at limit :limit for update of c, e skip locked""", CheckIn.class)
                .setParameter("now", now).setParameter("limit", BATCH).getResultList();
        for (CheckIn c : expiring) {
            c.status = CheckIn.Status.EXPIRED;
        }
        Panache.getEntityManager().flush();
        for (CheckIn c : expiring) {
            Episode episode = Episode.findById(c.episodeId);
            List<CheckIn.Status> newestFirst = CheckIn.<CheckIn>list(
                            "episodeId = ?1 and status not in ?2 order by dueAt desc",
                            episode.id, List.of(CheckIn.Status.DUE, CheckIn.Status.SENT))
                    .stream().map(x -> x.status).limit(200).toList();
            int inARow = ClinicSettings.of(episode.clinicId).missedCheckInsFlag;
            // Several of one client's check-ins expiring in one batch are one run: judged once, at its newest.
            if (CheckInRules.missed(newestFirst, inARow) && c.id.equals(newest(episode.id))) {
                checkIns.flag(c, episode, CheckInRules.Kind.MISSED,
                        CheckInRules.missedInARow(newestFirst) + " in a row", now);
            }
        }
        return expiring.size();
    }

    private static UUID newest(UUID episodeId) {
        return CheckIn.<CheckIn>find("episodeId = ?1 and status not in ?2 order by dueAt desc", episodeId,
                List.of(CheckIn.Status.DUE, CheckIn.Status.SENT, CheckIn.Status.CANCELLED)).firstResult().id;
    }
}
