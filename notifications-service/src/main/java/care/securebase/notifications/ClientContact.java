package care.securebase.notifications;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

/** How to reach a client: the latest client-registered event about them. Nothing clinical. */
@Entity
@Table(name = "client_contact")
public class ClientContact extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public UUID clientId;
    @Column(name = "clinic_id")
    public String clinicId;
    @Column(name = "preferred_name")
    public String preferredName;
    public String email;
    public String phone;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_channel")
    public ContactChannel preferredChannel;
    public String language;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The contacts of these clients by client id, read only: a dispatcher batch reads them, never changes them. */
    public static Map<UUID, ClientContact> of(Collection<UUID> clientIds) {
        return ClientContact.<ClientContact>find("clientId in ?1", clientIds)
                .withHint(HibernateHints.HINT_READ_ONLY, true).stream()
                .collect(Collectors.toMap(c -> c.clientId, c -> c));
    }

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
