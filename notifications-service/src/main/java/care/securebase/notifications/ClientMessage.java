package care.securebase.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/**
 * A message to a client (booster or session reminder, check-in link): routed by the client's channel,
 * consent, opt-out and quiet hours when it is due.
 */
@MappedSuperclass
public abstract class ClientMessage extends Delivery {

    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    /** The channel it went (or would have gone) through; decided when it is dispatched. */
    @Enumerated(EnumType.STRING)
    public ContactChannel channel;

    /** The row's id, for its Message-ID, logs and the delivery log. */
    public abstract UUID id();
}
