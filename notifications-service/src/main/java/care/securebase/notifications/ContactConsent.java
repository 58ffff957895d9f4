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

/** A client's consent to be contacted by one channel, from intake's consent-changed (CONTACT_*). */
@Entity
@Table(name = "contact_consent")
public class ContactConsent extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "client_id") UUID clientId, String channel) implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public boolean granted;
    @Column(name = "effective_at")
    public Instant effectiveAt;

    /** The channels a consent of the client's was recorded for, granted or not. */
    public static Set<ContactChannel> decidedFor(UUID clientId) {
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        ContactConsent.<ContactConsent>list("key.clientId", clientId)
                .forEach(c -> channels.add(ContactChannel.parse(c.key.channel())));
        channels.remove(ContactChannel.NONE);
        return channels;
    }

    /** The channels the client has consented to and not withdrawn. */
    public static Set<ContactChannel> grantedTo(UUID clientId) {
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        ContactConsent.<ContactConsent>list("key.clientId = ?1 and granted = true", clientId)
                .forEach(c -> channels.add(ContactChannel.parse(c.key.channel())));
        channels.remove(ContactChannel.NONE);
        return channels;
    }
}
