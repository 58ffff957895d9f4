package care.securebase.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

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

    /** The channels each of these clients opted out of, by client id (none: absent). */
    public static Map<UUID, Set<ContactChannel>> of(Collection<UUID> clientIds) {
        Map<UUID, Set<ContactChannel>> channels = new HashMap<>();
        ContactOptOut.<ContactOptOut>find("key.clientId in ?1", clientIds)
                .withHint(HibernateHints.HINT_READ_ONLY, true).stream()
                .forEach(o -> channels.computeIfAbsent(o.key.clientId(), c -> EnumSet.noneOf(ContactChannel.class))
                        .add(ContactChannel.parse(o.key.channel())));
        channels.values().forEach(c -> c.remove(ContactChannel.NONE));
        return channels;
    }
}
