package care.securebase.notifications.delivery;

import care.securebase.kit.work.Coalescing;
import care.securebase.notifications.service.AppointmentService;
import care.securebase.notifications.service.CheckInService;
import care.securebase.notifications.service.NoticeService;
import care.securebase.notifications.service.ReminderService;
import care.securebase.notifications.service.StaffNoticeService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.function.IntUnaryOperator;
import org.jboss.logging.Logger;

/**
 * Sends whatever is due. Each kind's due messages are claimed a batch at a time (SKIP LOCKED), sent
 * together and marked in that batch's transaction, so several instances can run, each sending other
 * rows; a failed send costs that message one attempt, not the batch.
 * The consumers wake it when they record something that may be due now ({@link #wake()}); the
 * poll picks up retries, quiet hours' ends and anything a wake missed.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final ReminderService reminders;
    private final NoticeService notices;
    private final StaffNoticeService staffNotices;
    private final CheckInService checkIns;
    private final AppointmentService appointments;
    private final DeliveryConfig config;

    public Dispatcher(ReminderService reminders, NoticeService notices, StaffNoticeService staffNotices,
                      CheckInService checkIns, AppointmentService appointments, DeliveryConfig config) {
        this.reminders = reminders;
        this.notices = notices;
        this.staffNotices = staffNotices;
        this.checkIns = checkIns;
        this.appointments = appointments;
        this.config = config;
    }

    void started(@Observes StartupEvent event) {
        rounds = new Coalescing("notification-dispatcher", this::round);
    }

    /** A round soon, on the dispatcher's own thread; rounds never overlap within this instance. */
    public void wake() {
        if (!stopping && rounds != null) {
            rounds.soon();
        }
    }

    @Scheduled(identity = "notification-dispatcher", every = "${securebase.reminders.poll-interval:5s}",
            delay = 2, delayUnit = TimeUnit.SECONDS, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatch() {
        wake();
    }

    private void round() {
        if (stopping) {
            return;
        }
        // Most urgent first: staff notices (normally sent at once by the consumer anyway), then partner
        // notices (a referral waits on them), then check-ins (their links expire), then reminders, which
        // are due hours or days before the session or booster.
        boolean more = drain("staff notices", staffNotices::deliverDue);
        more |= drain("partner notices", notices::deliverDue);
        more |= drain("check-ins", checkIns::deliverDue);
        more |= drain("session reminders", appointments::deliverDue);
        more |= drain("reminders", reminders::deliverDue);
        if (more) {
            wake(); // a full batch: the rest go in the next round, not after the next poll
        }
    }

    /** Rounds that start while the application stops would only meet a closed database pool. */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
        if (rounds != null) {
            rounds.close();
        }
    }

    private volatile boolean stopping;
    private volatile Coalescing rounds;

    /** One batch of a kind, in one transaction; true when it was full (more may be due). */
    private boolean drain(String kind, IntUnaryOperator deliverDue) {
        try {
            return deliverDue.applyAsInt(config.batchSize()) == config.batchSize();
        } catch (RuntimeException e) {
            // Typically the database is away; the rows stay PENDING and the next poll tries again.
            LOG.warnf("Dispatching %s stopped for this round: %s", kind, e.getClass().getName());
            return false;
        }
    }
}
