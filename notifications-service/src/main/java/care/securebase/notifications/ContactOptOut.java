package care.securebase.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A client followed an opt-out link: no more client messages by that channel. */
@Entity
@Table(name = "contact_opt_out")
public class ContactOptOut extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "client_id") UUID clientId, String channel) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "opted_out_at")
    public Instant optedOutAt;

    public static Set<ContactChannel> of(UUID clientId) {
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        ContactOptOut.<ContactOptOut>list("key.clientId", clientId)
                .forEach(o -> channels.add(ContactChannel.parse(o.key.channel())));
        channels.remove(ContactChannel.NONE);
        return channels;
    }
}
