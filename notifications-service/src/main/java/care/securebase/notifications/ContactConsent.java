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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

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

    /** These clients' contact consents, one per channel each was recorded for, by client id; read only. */
    public static Map<UUID, List<ContactConsent>> of(Collection<UUID> clientIds) {
        return ContactConsent.<ContactConsent>find("key.clientId in ?1", clientIds)
                .withHint(HibernateHints.HINT_READ_ONLY, true).stream()
                .collect(Collectors.groupingBy(c -> c.key.clientId()));
    }

    /** The channels among these consents, all of them or only the granted ones. */
    public static Set<ContactChannel> channels(List<ContactConsent> consents, boolean grantedOnly) {
        Set<ContactChannel> channels = EnumSet.noneOf(ContactChannel.class);
        consents.stream().filter(c -> c.granted || !grantedOnly).forEach(c -> channels.add(ContactChannel.parse(c.key.channel())));
        channels.remove(ContactChannel.NONE);
        return channels;
    }
}
