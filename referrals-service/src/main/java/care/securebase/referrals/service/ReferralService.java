package care.securebase.referrals.service;

import care.securebase.events.ReferralSent;
import care.securebase.events.ReferralStatusChanged;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Program;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralRequestKey;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStatus.Party;
import care.securebase.referrals.ReferralStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Referrals and their life cycle. A referral is visible to the clinic that made it and, once sent,
 * to the organisation it is addressed to; to anyone else it does not exist (404).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class ReferralService {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Outbox outbox;
    private final Caller caller;

    public ReferralService(Outbox outbox, Caller caller) {
        this.outbox = outbox;
        this.caller = caller;
    }

    public record NewReferral(UUID clientId, UUID programId, String reason, String hopes, Referral.Urgency urgency,
                              LocalDate respondBy, String sharedInformation, boolean send) {
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
        Instant now = now();
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.clientId = request.clientId();
        referral.clinicId = clinicId;
        referral.programId = program.id;
        referral.organisationId = program.organisationId;
        referral.reason = request.reason().strip();
        referral.hopes = blankToNull(request.hopes());
        referral.urgency = request.urgency();
        referral.respondBy = request.respondBy();
        referral.sharedInformation = blankToNull(request.sharedInformation());
        referral.createdBy = caller.id();
        referral.createdAt = now;
        ReferralStep first = referral.start(request.send() ? ReferralStatus.SENT : ReferralStatus.DRAFT,
                caller.id(), now);
        referral.persist();
        first.persist();
        if (referral.status == ReferralStatus.SENT) {
            announce(referral);
        }
        return new ReferralRecord(referral, program, List.of(first), false, false);
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
            ReferralStep step = referral.moveTo(ReferralStatus.RECEIVED, Party.PARTNER, caller.id(), null, now());
            step.persist();
            announceStatus(referral);
        }
        return record(referral, partner, ReferralStep.historyOf(referral.id), false);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ReferralRecord> list(ReferralStatus status, UUID clientId, String clinicId, int page, int size) {
        boolean partner = isPartner();
        List<Referral> referrals;
        if (partner) {
            referrals = Referral.toOrganisation(caller.requireOrganisation(), status, page, size);
        } else {
            String clinic = clinicId != null && caller.seesAllClinics() ? clinicId : caller.requireClinic();
            referrals = Referral.ofClinic(clinic, status, clientId, page, size);
        }
        List<UUID> ids = referrals.stream().map(r -> r.id).toList();
        Map<UUID, List<ReferralStep>> histories = ReferralStep.historiesOf(ids);
        Map<UUID, Program> programs = Program.byIds(referrals.stream().map(r -> r.programId).distinct().toList());
        return referrals.stream()
                .map(r -> new ReferralRecord(r, programs.get(r.programId), histories.getOrDefault(r.id, List.of()),
                        partner, false))
                .toList();
    }

    /**
     * Moves a referral on: the clinic sends and cancels, the receiving organisation accepts,
     * declines, starts and completes. With an idempotency key, a retry of the same request is
     * answered as the first one was and changes nothing; the same key for another request is refused.
     */
    public ReferralRecord move(UUID id, ReferralStatus target, String note, String idempotencyKey) {
        boolean partner = isPartner();
        Party party = partner ? Party.PARTNER : Party.CLINIC;
        if (target.movedBy() != party) {
            throw new ForbiddenException("Only the " + target.movedBy().name().toLowerCase()
                    + " moves a referral to " + target);
        }
        String key = checkedKey(idempotencyKey);
        // Locked: concurrent moves (and retries) of one referral are applied one after the other.
        Referral referral = visible(id, true);
        String fingerprint = fingerprint(target, note);
        if (key != null) {
            Optional<ReferralRequestKey> earlier = ReferralRequestKey.of(referral.id, key);
            if (earlier.isPresent()) {
                return replay(referral, earlier.get(), target, fingerprint, partner);
            }
        }
        ReferralStep step = referral.moveTo(target, party, caller.id(), note, now());
        step.persist();
        if (target == ReferralStatus.SENT) {
            // Sending a draft: the organisation is told about it now (its address as of today).
            announce(referral);
        } else {
            announceStatus(referral);
        }
        if (key != null) {
            ReferralRequestKey remembered = new ReferralRequestKey();
            remembered.id = new ReferralRequestKey.Id(referral.id, key);
            remembered.action = target.name();
            remembered.fingerprint = fingerprint;
            remembered.callerId = caller.id();
            remembered.resultSeq = step.seq;
            remembered.createdAt = now();
            remembered.persist();
        }
        return record(referral, partner, ReferralStep.historyOf(referral.id), false);
    }

    private ReferralRecord replay(Referral referral, ReferralRequestKey earlier, ReferralStatus target,
                                  String fingerprint, boolean partner) {
        if (!earlier.sameRequest(target.name(), fingerprint, caller.id())) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY,
                    "was already used for a different request on this referral; use a new key");
        }
        List<ReferralStep> asThen = ReferralStep.historyOf(referral.id).stream()
                .filter(s -> s.seq <= earlier.resultSeq)
                .toList();
        return record(referral, partner, asThen, true);
    }

    /** A send emits referral-sent (with the organisation's mailbox) and then the status change. */
    private void announce(Referral referral) {
        if (referral.status == ReferralStatus.SENT) {
            PartnerOrganisation org = PartnerOrganisation.findById(referral.organisationId);
            Program program = Program.findById(referral.programId);
            outbox.publish(new ReferralSent(referral.id, referral.clientId, referral.clinicId, referral.organisationId,
                    referral.programId, program.name, program.kind.name(), referral.urgency.name(), referral.respondBy,
                    referral.createdBy, org.noticeEmail));
        }
        announceStatus(referral);
    }

    private void announceStatus(Referral referral) {
        outbox.publish(new ReferralStatusChanged(referral.id, referral.clientId, referral.clinicId,
                referral.organisationId, referral.status.name(), null, null));
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

    private ReferralRecord record(Referral referral, boolean partner, List<ReferralStep> history, boolean replayed) {
        return new ReferralRecord(referral, Program.findById(referral.programId), history, partner, replayed);
    }

    /** Social workers and partner systems act for the organisation in their token's org_id. */
    private boolean isPartner() {
        return caller.hasRole(Roles.SOCIAL_WORKER);
    }

    private static String checkedKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY, "must be 1 to 200 visible ASCII characters");
        }
        return key;
    }

    private static String fingerprint(ReferralStatus target, String note) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] hash = sha.digest((target.name() + '\0' + (note == null ? "" : note.strip()))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PostgreSQL keeps microseconds; a response must show the time exactly as it is stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
