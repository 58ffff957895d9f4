package care.securebase.notifications.service;

import care.securebase.events.NotificationFailed;
import care.securebase.kit.outbox.Outbox;
import care.securebase.notifications.StaffNoticeKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * A message given up on after its last try: announced ({@code notification-failed}, what kind and
 * channel, never what it said) and put in the inbox of the clinic's clinic-admins, who follow it up
 * from the delivery log.
 */
@ApplicationScoped
public class DeliveryFailures {

    private final Outbox outbox;
    private final StaffNoticeService staffNotices;

    public DeliveryFailures(Outbox outbox, StaffNoticeService staffNotices) {
        this.outbox = outbox;
        this.staffNotices = staffNotices;
    }

    /** Joins the caller's transaction: the row turns FAILED, the event and notices are written, or none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void report(UUID deliveryId, String clinicId, UUID clientId, String kind, String channel, int attempts) {
        outbox.publish(new NotificationFailed(deliveryId, clinicId, kind, channel, attempts));
        staffNotices.tellClinicAdmins(StaffNoticeKind.DELIVERY_FAILED, deliveryId, "", clinicId, clientId);
    }
}
