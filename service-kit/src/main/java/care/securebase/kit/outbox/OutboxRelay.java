package care.securebase.kit.outbox;

import care.securebase.kit.work.Coalescing;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows in the order they were numbered ({@code seq}, see {@link Outbox}). A row is
 * marked published only after the broker acknowledged it, so a broker outage delays events and loses
 * none; the batch stops at the first failure so events about one subject never overtake each other.
 *
 * <p>Several replicas may run it, but only one publishes at a time: each batch's transaction first
 * takes the relay's advisory lock, so a replica never sends a row while another still holds an earlier
 * one (with SKIP LOCKED it could, and a subject's later event would go first). Another replica waits
 * for the lock and goes on from where the holder stopped; a holder that dies releases it with its
 * connection, and one whose connection hangs is cut off by PostgreSQL (idle-in-transaction timeout).
 *
 * A commit that wrote rows wakes the relay at once ({@link #wake()}), so an event leaves within
 * milliseconds; the poll stays as the safety net that retries after a broker or database outage.
 * Within one instance, rounds never overlap.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final Duration LOCK_MARGIN = Duration.ofSeconds(15);

    private final OutboxSender sender;
    private final EntityManager em;
    private final OutboxConfig config;
    private volatile boolean started;
    private volatile Coalescing rounds;

    public OutboxRelay(OutboxSender sender, EntityManager em, OutboxConfig config) {
        this.sender = sender;
        this.em = em;
        this.config = config;
    }

    /** Messaging connects its channels during start-up; until then there is no one to send to. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) StartupEvent event) {
        rounds = new Coalescing("outbox-relay", this::drain);
        started = true;
    }

    void onStop(@Observes ShutdownEvent event) {
        started = false;
        if (rounds != null) {
            rounds.close();
        }
    }

    /** Called after a commit that wrote outbox rows; one round is queued however many commits call. */
    void wake() {
        if (started) {
            rounds.soon();
        }
    }

    @Scheduled(every = "${securebase.outbox.poll-interval:1s}", delay = 1, delayUnit = TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (!started) {
            return;
        }
        rounds.run();
    }

    private void drain() {
        int published;
        do {
            try {
                published = QuarkusTransaction.requiringNew().call(this::publishBatch);
            } catch (RelayBusy e) {
                LOG.debug("Another replica held the relay's lock for the whole wait; the next round goes on");
                return;
            }
        } while (published == config.batchSize());
    }

    /** Returns how many rows were published; fewer than a batch means there is nothing more now. */
    int publishBatch() {
        takeRelayLock();
        // Read-only: the rows are marked published by one update below, not by dirty checking, which
        // would rewrite every column (the payload too) of each row.
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery("""
                select * from outbox_event where published_at is null
                order by seq limit :limit""", OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        if (rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            acks.add(sender.send(row));
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        List<UUID> published = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            try {
                acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                LOG.warnf("Broker did not take event %s (%s); will retry: %s",
                        rows.get(i).id, rows.get(i).type, rootMessage(e));
                // This one and the rest go again next round; a short count ends the loop in drain().
                break;
            }
            published.add(rows.get(i).id);
        }
        if (!published.isEmpty()) {
            em.createQuery("update OutboxEvent set publishedAt = :now where id in :ids")
                    .setParameter("now", Instant.now())
                    .setParameter("ids", published)
                    .executeUpdate();
        }
        return published.size();
    }

    /**
     * Waits for the other replicas' batch, if one runs, until a send timeout and a margin have passed.
     * A holder silent for longer than that is ended by PostgreSQL, so a vanished replica cannot keep
     * the lock (and every event) for the hours TCP would take to notice.
     */
    private void takeRelayLock() {
        long waitMillis = config.sendTimeout().plus(LOCK_MARGIN).toMillis();
        em.unwrap(Session.class).doWork(connection -> {
            // One round trip for the three: a batch's fixed cost is paid on every commit's wake-up.
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local lock_timeout = " + waitMillis
                        + "; set local idle_in_transaction_session_timeout = " + waitMillis
                        + "; select pg_advisory_xact_lock(hashtextextended('outbox-relay', 0))");
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    throw new RelayBusy();
                }
                throw e;
            }
        });
    }

    /** Another replica kept the relay's lock for the whole wait (its batch met a slow broker). */
    static final class RelayBusy extends RuntimeException {
        RelayBusy() {
            super(null, null, false, false);
        }
    }

    /** Published rows are kept a while for inspection, then removed so the table stays small. */
    @Scheduled(every = "1h", delay = 1, delayUnit = TimeUnit.MINUTES)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> em
                .createQuery("delete from OutboxEvent where publishedAt < :before")
                .setParameter("before", Instant.now().minus(Duration.ofDays(7)))
                .executeUpdate());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
