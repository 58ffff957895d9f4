package care.securebase.notifications.delivery;

import care.securebase.notifications.service.NoticeService;
import care.securebase.notifications.service.ReminderService;
import care.securebase.notifications.service.StaffNoticeService;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Sends whatever is due. Each message is claimed, sent and marked in a transaction of its own
 * (SKIP LOCKED), so several instances can run and a failure costs one message, not the batch.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final ReminderService reminders;
    private final NoticeService notices;
    private final StaffNoticeService staffNotices;
    private final DeliveryConfig config;

    public Dispatcher(ReminderService reminders, NoticeService notices, StaffNoticeService staffNotices,
                      DeliveryConfig config) {
        this.reminders = reminders;
        this.notices = notices;
        this.staffNotices = staffNotices;
        this.config = config;
    }

    @Scheduled(identity = "notification-dispatcher", every = "${securebase.reminders.poll-interval:5s}",
            delay = 2, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        if (stopping) {
            return;
        }
        // Staff notices first: they are urgent, and are normally sent at once by the consumer anyway.
        drain("staff notices", staffNotices::deliverNextDue);
        drain("reminders", reminders::deliverNextDue);
        drain("notices", notices::deliverNextDue);
    }

    /** Rounds that start while the application stops would only meet a closed database pool. */
    void stopping(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    private volatile boolean stopping;

    private void drain(String kind, BooleanSupplier deliverNext) {
        try {
            for (int i = 0; i < config.batchSize() && deliverNext.getAsBoolean(); i++) {
                // one message per transaction; stop when nothing is due or the batch is done
            }
        } catch (RuntimeException e) {
            // Typically the database is away; the rows stay PENDING and the next round tries again.
            LOG.warnf("Dispatching %s stopped for this round: %s", kind, e.getClass().getName());
        }
    }
}
