package care.securebase.referrals;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a partner may be shown about a client, if the clinic chooses to share it: the name they go
 * by, how to reach them, their language. Copied from intake's client-registered; nothing else
 * about the client is kept here.
 */
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
    public String language;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Map<UUID, ClientContact> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return InBatches.list(ids, batch -> ClientContact.<ClientContact>list("clientId in ?1", batch)).stream()
                .collect(Collectors.toMap(c -> c.clientId, Function.identity()));
    }
}
