package care.securebase.referrals.service;

import care.securebase.kit.idempotency.IdempotencyKey;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.ClientConsent;
import care.securebase.referrals.ClientContact;
import care.securebase.referrals.OverdueRules;
import care.securebase.referrals.Program;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralCodes.SharedItem;
import care.securebase.referrals.ReferralRequestKey;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStatus.Party;
import care.securebase.referrals.ReferralStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Referrals and their life cycle. A referral is visible to the clinic that made it and, once sent,
 * to the organisation it is addressed to; to anyone else it does not exist (404). It is sent only
 * while the client consents to sharing with that kind of partner.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReferralService {

    private final ReferralEvents events;
    private final Caller caller;
    private final Clock clock;
    private final OverdueRules overdueRules;

    public ReferralService(ReferralEvents events, Caller caller, Clock clock, OverdueRules overdueRules) {
        this.events = events;
        this.caller = caller;
        this.clock = clock;
        this.overdueRules = overdueRules;
    }

    public record NewReferral(UUID clientId, UUID programId, String reason, String hopes, Referral.Urgency urgency,
                              LocalDate respondBy, Set<SharedItem> sharedItems, String sharedNote, boolean send) {
    }

    /** The clinic's open referrals by status, overdue ones first, then by respond-by date. */
    public record Board(Map<ReferralStatus, List<ReferralRecord>> byStatus, Map<UUID, ClientContact> clients) {
    }

    public ReferralRecord create(NewReferral request) {
        String clinicId = caller.requireClinic();
        Program program = Program.findById(request.programId());
        if (program == null) {
            throw new InvalidFieldException("programId", "is not a program in the directory");
        }
        if (!program.acceptingReferrals) {
            throw new InvalidFieldException("programId", "is not accepting referrals at the moment");
        }
        ClientContact known = ClientContact.findById(request.clientId());
        if (known != null && !known.clinicId.equals(clinicId)) {
            throw new InvalidFieldException("clientId", "is not a client of your clinic");
        }
        Instant now = Clocks.now(clock);
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.clientId = request.clientId();
        referral.clinicId = clinicId;
        referral.programId = program.id;
        referral.organisationId = program.organisationId;
        referral.programKind = program.kind;
        referral.reason = request.reason().strip();
        referral.hopes = blankToNull(request.hopes());
        referral.urgency = request.urgency();
        referral.respondBy = request.respondBy();
        referral.sharedItems = new ArrayList<>(request.sharedItems().stream().sorted().map(Enum::name).toList());
        referral.sharedInformation = blankToNull(request.sharedNote());
        referral.createdBy = caller.id();
        referral.createdAt = now;
        if (request.send()) {
            readyToSend(referral);
        }
        ReferralStep first = referral.start(request.send() ? ReferralStatus.SENT : ReferralStatus.DRAFT,
                caller.id(), now);
        referral.persist();
        first.persist();
        if (referral.status == ReferralStatus.SENT) {
            events.sent(referral, first);
        }
        return record(referral, false, List.of(first), false);
    }

    /** One referral; the receiving organisation opening a SENT referral marks it RECEIVED. */
    public ReferralRecord view(UUID id) {
        boolean partner = isPartner();
        Referral referral = visible(id, false);
        if (partner && referral.status == ReferralStatus.SENT) {
            // The partner's first look changes the status: lock and look again, so two first looks
            // at once record one receipt.
            Referral.getEntityManager().refresh(referral, LockModeType.PESSIMISTIC_WRITE);
        }
        if (partner && referral.status == ReferralStatus.SENT) {
            ReferralStep step = referral.moveTo(ReferralStatus.RECEIVED, Party.PARTNER, caller.id(), null,
                    Clocks.now(clock));
            step.persist();
            events.statusChanged(referral, step);
        }
        return record(referral, partner, ReferralStep.historyOf(referral.id), false);
    }

    /** Also used for the FHIR views, which never change anything (no receipt). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ReferralRecord read(UUID id) {
        Referral referral = visible(id, false);
        return record(referral, isPartner(), ReferralStep.historyOf(referral.id), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReferralRecord> list(ReferralStatus status, UUID clientId, String clinicId, int page, int size) {
        boolean partner = isPartner();
        List<Referral> referrals;
        if (partner) {
            referrals = Referral.toOrganisation(caller.requireOrganisation(), status, page, size);
        } else {
            referrals = Referral.ofClinic(clinicOf(clinicId), status, clientId, page, size);
        }
        return records(referrals, partner);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Board board(String clinicId, boolean mine) {
        List<Referral> open = Referral.openOfClinic(clinicOf(clinicId)).stream()
                .filter(r -> !mine || caller.id().equals(r.referredBy != null ? r.referredBy : r.createdBy))
                .toList();
        Map<ReferralStatus, List<ReferralRecord>> byStatus = new EnumMap<>(ReferralStatus.class);
        ReferralStatus.OPEN.stream().sorted().forEach(s -> byStatus.put(s, new ArrayList<>()));
        records(open, false).forEach(r -> byStatus.get(r.status()).add(r));
        Comparator<ReferralRecord> overdueFirst = Comparator.comparing((ReferralRecord r) -> r.overdue() == null)
                .thenComparing(r -> r.referral().respondBy)
                .thenComparing(r -> r.referral().createdAt);
        byStatus.values().forEach(list -> list.sort(overdueFirst));
        return new Board(byStatus, ClientContact.byIds(open.stream().map(r -> r.clientId).distinct().toList()));
    }

    /**
     * Moves a referral on: the clinic sends and cancels, the receiving organisation accepts,
     * declines, schedules, starts and completes. With an idempotency key, a retry of the same
     * request is answered as the first one was and changes nothing; the same key for another
     * request is refused.
     */
    public ReferralRecord move(UUID id, ReferralStatus target, Referral.Details details, String idempotencyKey) {
        boolean partner = isPartner();
        Party party = partner ? Party.PARTNER : Party.CLINIC;
        if (target.movedBy() != party) {
            throw new ForbiddenException("Only the " + target.movedBy().name().toLowerCase()
                    + " moves a referral to " + target);
        }
        String key = IdempotencyKey.checked(idempotencyKey);
        // Locked: concurrent moves (and retries) of one referral are applied one after the other.
        Referral referral = visible(id, true);
        String fingerprint = fingerprint(target, details);
        if (key != null) {
            Optional<ReferralRequestKey> earlier = ReferralRequestKey.of(referral.id, key);
            if (earlier.isPresent()) {
                return replay(referral, earlier.get(), target, fingerprint, partner);
            }
        }
        if (target == ReferralStatus.SENT) {
            referral.status.checkMoveTo(target);
            readyToSend(referral);
        }
        Instant now = Clocks.now(clock);
        ReferralStep step = referral.moveTo(target, party, caller.id(), details, now);
        step.persist();
        if (target == ReferralStatus.SENT) {
            events.sent(referral, step);
        } else {
            events.statusChanged(referral, step);
        }
        if (key != null) {
            ReferralRequestKey remembered = new ReferralRequestKey();
            remembered.id = new ReferralRequestKey.Id(referral.id, key);
            remembered.action = target.name();
            remembered.fingerprint = fingerprint;
            remembered.callerId = caller.id();
            remembered.resultSeq = step.seq;
            remembered.createdAt = now;
            remembered.persist();
        }
        return record(referral, partner, ReferralStep.historyOf(referral.id), false);
    }

    /**
     * Checks a referral about to be sent and copies what it shares: the program must still take
     * referrals, the client must consent to sharing with its kind of partner, and the client's
     * details chosen to be shared are copied as they are now.
     */
    private void readyToSend(Referral referral) {
        Program program = Program.findById(referral.programId);
        if (!program.acceptingReferrals) {
            throw new InvalidFieldException("programId", "is not accepting referrals at the moment");
        }
        if (!ClientConsent.allowsSharing(referral.clientId, referral.programKind)) {
            throw new ConsentMissingException(ClientConsent.scopeFor(referral.programKind));
        }
        referral.referredBy = caller.id();
        ClientContact client = ClientContact.findById(referral.clientId);
        referral.forgetSharedClientDetails();
        if (client != null) {
            if (referral.shares(SharedItem.CLIENT_NAME)) {
                referral.sharedName = client.preferredName;
            }
            if (referral.shares(SharedItem.CONTACT_DETAILS)) {
                referral.sharedEmail = client.email;
                referral.sharedPhone = client.phone;
            }
            if (referral.shares(SharedItem.PREFERRED_LANGUAGE)) {
                referral.sharedLanguage = client.language;
            }
        }
    }

    private ReferralRecord replay(Referral referral, ReferralRequestKey earlier, ReferralStatus target,
                                  String fingerprint, boolean partner) {
        if (!earlier.sameRequest(target.name(), fingerprint, caller.id())) {
            throw new InvalidFieldException(IdempotencyKey.HEADER,
                    "was already used for a different request on this referral; use a new key");
        }
        List<ReferralStep> asThen = ReferralStep.historyOf(referral.id).stream()
                .filter(s -> s.seq <= earlier.resultSeq)
                .toList();
        return new ReferralRecord(referral, Program.findById(referral.programId), asThen, partner, true, null);
    }

    private Referral visible(UUID id, boolean lock) {
        Referral referral = lock
                ? Referral.<Referral>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElse(null)
                : Referral.<Referral>findByIdOptional(id).orElse(null);
        if (referral == null) {
            throw new NotFoundException();
        }
        boolean visible = isPartner()
                ? referral.organisationId.equals(caller.requireOrganisation())
                        && referral.status != ReferralStatus.DRAFT
                : caller.canSeeClinic(referral.clinicId);
        if (!visible) {
            throw new NotFoundException();
        }
        return referral;
    }

    private List<ReferralRecord> records(List<Referral> referrals, boolean partner) {
        List<UUID> ids = referrals.stream().map(r -> r.id).toList();
        Map<UUID, List<ReferralStep>> histories = ReferralStep.historiesOf(ids);
        Map<UUID, Program> programs = Program.byIds(referrals.stream().map(r -> r.programId).distinct().toList());
        Instant now = clock.instant();
        return referrals.stream()
                .map(r -> new ReferralRecord(r, programs.get(r.programId), histories.getOrDefault(r.id, List.of()),
                        partner, false, partner ? null : overdueRules.overdue(r, now).orElse(null)))
                .toList();
    }

    private ReferralRecord record(Referral referral, boolean partner, List<ReferralStep> history, boolean replayed) {
        return new ReferralRecord(referral, Program.findById(referral.programId), history, partner, replayed,
                partner ? null : overdueRules.overdue(referral, clock.instant()).orElse(null));
    }

    /** Clinic-admins may name a clinic; everyone else sees their own. */
    private String clinicOf(String clinicId) {
        return clinicId != null && !clinicId.isBlank() && caller.seesAllClinics() ? clinicId : caller.requireClinic();
    }

    /** Social workers and partner systems act for the organisation in their token's org_id. */
    private boolean isPartner() {
        return caller.hasRole(Roles.SOCIAL_WORKER);
    }

    private static String fingerprint(ReferralStatus target, Referral.Details details) {
        Referral.Details d = details == null ? Referral.Details.NONE : details;
        return IdempotencyKey.fingerprint(target.name(), d.code(), d.note() == null ? null : d.note().strip(),
                d.date() == null ? null : d.date().toString());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
