package care.securebase.intake.service;

import care.securebase.events.ClientRegistered;
import care.securebase.intake.Client;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ClientService {

    private final Outbox outbox;
    private final Caller caller;

    public ClientService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    public Client register(Client client) {
        if (client.clinicId == null) {
            client.clinicId = caller.requireClinic();
        } else if (!caller.canSeeClinic(client.clinicId)) {
            throw new InvalidFieldException("clinicId", "you can register clients only at your own clinic");
        }
        client.id = UUID.randomUUID();
        client.status = Client.Status.REGISTERED;
        client.registeredBy = caller.id();
        client.registeredAt = Instant.now();
        client.persist();
        outbox.publish(new ClientRegistered(client.id, client.clinicId, client.nameToUse(), client.email,
                client.phone, client.preferredChannel.name(), client.language, client.timeZone));
        return client;
    }

    /** Another clinic's client is answered exactly like a missing one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Client visible(UUID id) {
        Client client = Client.<Client>findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (!caller.canSeeClinic(client.clinicId)) {
            throw new NotFoundException();
        }
        return client;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Client> list(String clinicId, int page, int size) {
        String clinic = clinicId != null && caller.seesAllClinics() ? clinicId : caller.requireClinic();
        return Client.listInClinic(clinic, page, size);
    }
}
