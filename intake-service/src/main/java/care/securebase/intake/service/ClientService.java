package care.securebase.intake.service;

import care.securebase.events.ClientRegistered;
import care.securebase.intake.Age;
import care.securebase.intake.Client;
import care.securebase.intake.Consent;
import care.securebase.intake.RequestKey;
import care.securebase.intake.matching.Contacts;
import care.securebase.intake.matching.DuplicateRules;
import care.securebase.kit.input.Paging;
import care.securebase.kit.idempotency.IdempotencyKey;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ClientService {

    private final Outbox outbox;
    private final Caller caller;
    private final ClinicCalendar calendar;
    private final ConsentService consents;

    public ClientService(Outbox outbox, Caller caller, ClinicCalendar calendar, ConsentService consents) {
        this.outbox = outbox;
        this.caller = caller;
        this.calendar = calendar;
        this.consents = consents;
    }

    /** A new client with the consents given at registration; {@code confirmNotDuplicate} overrides the duplicate check. */
    public record Registration(Client client, List<ConsentService.NewConsent> consents, boolean confirmNotDuplicate) {
    }

    /** An existing client the caller may see, and why they may be the same person. */
    public record PossibleDuplicate(UUID id, String legalName, LocalDate dateOfBirth, String clinicId,
                                    List<DuplicateRules.Reason> matchedOn) {
    }

    /** {@code atAnotherClinic}: a match the caller may not see; said without any of its data. */
    public record Duplicates(List<PossibleDuplicate> visible, boolean atAnotherClinic) {
        public boolean any() {
            return atAnotherClinic || !visible.isEmpty();
        }
    }

    public record Filter(String clinicId, Client.Status status, String clinicianId, Boolean waitlisted,
                         String riskLevel, String q) {
    }

    public record Found(List<Client> clients, long total) {
    }

    /**
     * Two registrations of one person at the same moment must not both pass the duplicate check: each
     * takes transaction-scoped advisory locks on what the check matches on (date of birth, e-mail, phone),
     * in a fixed order, so the second waits for the first's commit and then sees its row.
     */
    private static void lockIdentity(Client client) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        if (client.dateOfBirth != null) {
            keys.add("client-dob:" + client.dateOfBirth);
        }
        String email = care.securebase.intake.matching.Contacts.emailKey(client.email);
        if (email != null) {
            keys.add("client-email:" + email);
        }
        String phone = care.securebase.intake.matching.Contacts.phoneKey(client.phone);
        if (phone != null) {
            keys.add("client-phone:" + phone);
        }
        keys.forEach(ClientService::lock);
    }

    /** Held until the transaction ends. */
    private static void lock(String key) {
        Client.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, key).getSingleResult();
    }

    public Client register(Client client) {
        return register(new Registration(client, List.of(), false));
    }

    /** A registration's client, and whether it was made by an earlier request with the same key. */
    public record Registered(Client client, boolean replayed) {
    }

    /**
     * As {@link #register(Registration)}, once per {@code Idempotency-Key} of the caller: a retry of the
     * same request (same fingerprint) gets the client the first one registered; the key with another
     * request is refused. Without a key, every request registers (the duplicate check still warns).
     */
    public Registered register(Registration registration, String idempotencyKey, String fingerprint) {
        String key = IdempotencyKey.checked(idempotencyKey);
        if (key == null) {
            return new Registered(register(registration), false);
        }
        // A retry racing the first request waits for it here, then finds its key.
        lock("request-key:" + caller.id() + ":" + key);
        var earlier = RequestKey.of(caller.id(), key);
        if (earlier.isPresent()) {
            if (!earlier.get().operation.equals(REGISTER) || !earlier.get().fingerprint.equals(fingerprint)) {
                throw new InvalidFieldException(IdempotencyKey.HEADER, "was already used for a different request; use a new key");
            }
            return new Registered(Client.findById(earlier.get().resourceId), true);
        }
        Client client = register(registration);
        RequestKey remembered = new RequestKey();
        remembered.id = new RequestKey.Id(caller.id(), key);
        remembered.operation = REGISTER;
        remembered.fingerprint = fingerprint;
        remembered.resourceId = client.id;
        remembered.createdAt = Instant.now();
        remembered.persist();
        return new Registered(client, false);
    }

    private static final String REGISTER = "register-client";

    /** Checks everything before writing anything: a refused registration leaves no row behind. */
    public Client register(Registration registration) {
        Client client = registration.client();
        if (client.clinicId == null) {
            client.clinicId = caller.requireClinic();
        } else if (!caller.canSeeClinic(client.clinicId)) {
            throw new InvalidFieldException("clinicId", "you can register clients only at your own clinic");
        }
        if (client.dateOfBirth != null && client.dateOfBirth.getYear() < 1900) {
            throw new InvalidFieldException("dateOfBirth", "must be in 1900 or later");
        }
        client.minorAtRegistration = Age.isMinorOn(client.dateOfBirth, calendar.today(client.clinicId));
        checkConsents(client, registration.consents());

        lockIdentity(client);
        Duplicates duplicates = duplicatesOf(new DuplicateRules.Person(client.legalName, client.preferredName,
                client.dateOfBirth, client.email, client.phone));
        if (duplicates.any() && !registration.confirmNotDuplicate()) {
            throw new PossibleDuplicatesException(duplicates);
        }

        client.id = UUID.randomUUID();
        client.status = Client.Status.REGISTERED;
        client.registeredBy = caller.id();
        client.registeredAt = calendar.now();
        if (registration.confirmNotDuplicate()) {
            client.notDuplicateConfirmedBy = caller.id();
            client.notDuplicateConfirmedAt = client.registeredAt;
        }
        client.persist();
        outbox.publish(new ClientRegistered(client.id, client.clinicId, client.nameToUse(), client.email,
                client.phone, client.preferredChannel.name(), client.language, client.timeZone));
        for (int i = 0; i < registration.consents().size(); i++) {
            consents.record(client, registration.consents().get(i), "consents[" + i + "].recordedFor");
        }
        return client;
    }

    /** A minor needs a guardian on record who consented to treatment. */
    private static void checkConsents(Client client, List<ConsentService.NewConsent> given) {
        if (client.minorAtRegistration && !client.hasGuardian()) {
            throw new InvalidFieldException("guardian",
                    "a client under 18 needs a guardian on record (name, relationship, phone, email)");
        }
        Set<Consent.Scope> scopes = EnumSet.noneOf(Consent.Scope.class);
        for (int i = 0; i < given.size(); i++) {
            ConsentService.NewConsent consent = given.get(i);
            if (!scopes.add(consent.scope())) {
                throw new InvalidFieldException("consents[" + i + "].scope", "is given more than once");
            }
            if (consent.recordedFor() == Consent.RecordedFor.GUARDIAN && !client.hasGuardian()) {
                throw new InvalidFieldException("consents[" + i + "].recordedFor", "the client has no guardian on record");
            }
        }
        boolean guardianConsentsToTreatment = given.stream().anyMatch(c -> c.scope() == Consent.Scope.TREATMENT
                && c.granted() && c.recordedFor() == Consent.RecordedFor.GUARDIAN);
        if (client.minorAtRegistration && !guardianConsentsToTreatment) {
            throw new InvalidFieldException("consents",
                    "a client under 18 needs the guardian's consent to treatment (scope TREATMENT, recordedFor GUARDIAN, granted)");
        }
    }

    /** Clients anywhere in the network who may be this person; only the caller's visible ones are described. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Duplicates duplicatesOf(DuplicateRules.Person person) {
        StringBuilder query = new StringBuilder("dateOfBirth = :dob");
        Parameters params = Parameters.with("dob", person.dateOfBirth());
        String email = Contacts.emailKey(person.email());
        if (email != null) {
            query.append(" or emailKey = :email");
            params.and("email", email);
        }
        String phone = Contacts.phoneKey(person.phone());
        if (phone != null) {
            query.append(" or phoneKey = :phone");
            params.and("phone", phone);
        }
        List<PossibleDuplicate> visible = new ArrayList<>();
        boolean elsewhere = false;
        for (Client existing : Client.<Client>list(query.toString(), Sort.by("registeredAt").and("id"), params)) {
            List<DuplicateRules.Reason> reasons = DuplicateRules.reasons(person, new DuplicateRules.Person(
                    existing.legalName, existing.preferredName, existing.dateOfBirth, existing.email, existing.phone));
            if (reasons.isEmpty()) {
                continue;
            }
            if (caller.canSeeClinic(existing.clinicId)) {
                visible.add(new PossibleDuplicate(existing.id, existing.legalName, existing.dateOfBirth,
                        existing.clinicId, reasons));
            } else {
                elsewhere = true;
            }
        }
        return new Duplicates(visible, elsewhere);
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

    /** Newest first. Clinic-admins search the network, or one clinic; everyone else their own clinic. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Found search(Filter filter, Paging paging) {
        String clinic = caller.seesAllClinics() ? filter.clinicId() : caller.requireClinic();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (clinic != null) {
            where.append(" and clinicId = :clinic");
            params.and("clinic", clinic);
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.and("status", filter.status());
        }
        if (filter.clinicianId() != null) {
            where.append(" and clinicianId = :clinician");
            params.and("clinician", filter.clinicianId());
        }
        if (filter.waitlisted() != null) {
            // Waiting is a status (set by triage), not a separate flag that could disagree with it.
            where.append(filter.waitlisted() ? " and status = :waiting" : " and status <> :waiting");
            params.and("waiting", Client.Status.WAITLISTED);
        }
        if (filter.riskLevel() != null) {
            where.append(" and riskLevel = :risk");
            params.and("risk", filter.riskLevel());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and (lower(legalName) like :q escape '!' or lower(preferredName) like :q escape '!'"
                    + " or lower(email) like :q escape '!')");
            String literal = filter.q().strip().toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_");
            params.and("q", "%" + literal + "%");
        }
        long total = Client.count(where.toString(), params);
        List<Client> clients = Client.<Client>find(where.toString(), Sort.by("registeredAt").descending().and("id"), params)
                .page(paging.panache()).list();
        return new Found(clients, total);
    }
}
