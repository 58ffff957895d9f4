package care.securebase.intake.service;

import care.securebase.events.EpisodeDischarged;
import care.securebase.events.EventType;
import care.securebase.events.IntakeCompleted;
import care.securebase.intake.Client;
import care.securebase.intake.Clinician;
import care.securebase.intake.Intake;
import care.securebase.intake.IntakeInstrument;
import care.securebase.intake.WaitlistEntry;
import care.securebase.kit.outbox.Inbox;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Places a client whose intake is complete: with the requested clinician if they have room, with the
 * colleague who has the most room, or on the clinic's waitlist. Only an assignment announces
 * intake-completed: sessions opens the episode when there is a clinician to hold it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class AssignmentService {

    private final Outbox outbox;
    private final Inbox inbox;
    private final Caller caller;

    public AssignmentService(Outbox outbox, Inbox inbox, Caller caller) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.caller = caller;
    }

    public record Placement(String clinicianId, Integer waitlistPosition) {
    }

    /**
     * Who would take a client of the clinic now: the requested clinician if they have room (refused if
     * not), else the colleague with the most room; empty means the waitlist. Changes nothing.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Clinician> choose(String clinicId, String requestedClinician) {
        if (requestedClinician != null) {
            Clinician clinician = clinicianOf(clinicId, requestedClinician, "clinicianId");
            long room = clinician.room();
            if (room == 0) {
                throw new ConflictException(clinician.displayName + "'s caseload is full (" + clinician.caseload()
                        + " of " + clinician.caseloadLimit + "); leave clinicianId out to place the client with a"
                        + " colleague who has room, or on the waitlist");
            }
            return Optional.of(clinician);
        }
        return withMostRoom(clinicId);
    }

    /** Places the client as {@link #choose} decided; {@code instruments} are the intake's scored instruments. */
    public Placement place(Client client, Intake intake, Optional<Clinician> chosen, List<IntakeInstrument> instruments) {
        if (chosen.isPresent()) {
            return assign(client, intake, chosen.get(), instruments);
        }
        WaitlistEntry entry = new WaitlistEntry();
        entry.clientId = client.id;
        entry.intakeId = intake.id;
        entry.clinicId = client.clinicId;
        entry.priority = intake.priority;
        entry.addedAt = Instant.now();
        entry.persist();
        client.status = Client.Status.WAITLISTED;
        return new Placement(null, WaitlistEntry.positionOf(entry));
    }

    /**
     * A discharge frees a place on the clinician's caseload; the clinic's waiting clients move into
     * free places in waitlist order.
     */
    public void discharged(UUID eventId, EpisodeDischarged event) {
        if (!inbox.firstDelivery(eventId, EventType.EPISODE_DISCHARGED.wireName())) {
            return;
        }
        Client.<Client>findByIdOptional(event.clientId())
                .filter(c -> c.status == Client.Status.ASSIGNED)
                .ifPresent(c -> c.status = Client.Status.DISCHARGED);
        fillFreePlaces(event.clinicId());
    }

    /** Assigns waiting clients, most urgent first, to the colleagues with the most room while any has room. */
    void fillFreePlaces(String clinicId) {
        for (WaitlistEntry entry : WaitlistEntry.ofClinic(clinicId)) {
            Optional<Clinician> mostRoom = withMostRoom(clinicId);
            if (mostRoom.isEmpty()) {
                return;
            }
            entry.delete();
            assign(Client.findById(entry.clientId), Intake.findById(entry.intakeId), mostRoom.get(),
                    IntakeInstrument.of(entry.intakeId));
        }
    }

    private static Optional<Clinician> withMostRoom(String clinicId) {
        // On a tie the first (by id) keeps it.
        List<Clinician> clinicians = Clinician.ofClinic(clinicId);
        Map<String, Long> caseloads = Clinician.caseloads(clinicians.stream().map(c -> c.id).toList());
        Clinician best = null;
        long bestRoom = 0;
        for (Clinician clinician : clinicians) {
            long room = clinician.roomWith(caseloads.getOrDefault(clinician.id, 0L));
            if (room > bestRoom) {
                best = clinician;
                bestRoom = room;
            }
        }
        return Optional.ofNullable(best);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WaitlistEntry> waitlist(String clinicId) {
        String clinic = clinicId != null && caller.seesAllClinics() ? clinicId : caller.requireClinic();
        return WaitlistEntry.ofClinic(clinic);
    }

    public Clinician saveClinician(String id, String clinicId, String displayName, int caseloadLimit,
                                   boolean onCall, boolean active) {
        String clinic = clinicId != null ? clinicId : caller.requireClinic();
        if (!caller.canSeeClinic(clinic)) {
            throw new InvalidFieldException("clinicId", "you can keep clinicians only of your own clinic");
        }
        Clinician clinician = Clinician.<Clinician>findByIdOptional(id).orElseGet(() -> {
            Clinician fresh = new Clinician();
            fresh.id = id;
            return fresh;
        });
        if (clinician.clinicId != null && !caller.canSeeClinic(clinician.clinicId)) {
            throw new NotFoundException();
        }
        clinician.clinicId = clinic;
        clinician.displayName = displayName;
        clinician.caseloadLimit = caseloadLimit;
        clinician.onCall = onCall;
        clinician.active = active;
        clinician.updatedBy = caller.id();
        clinician.updatedAt = Instant.now();
        clinician.persist();
        // A raised limit or a clinician back from leave is a free place like any other.
        fillFreePlaces(clinic);
        return clinician;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Clinician> clinicians(String clinicId) {
        String clinic = clinicId != null && caller.seesAllClinics() ? clinicId : caller.requireClinic();
        return Clinician.ofClinic(clinic);
    }

    private Placement assign(Client client, Intake intake, Clinician clinician, List<IntakeInstrument> instruments) {
        client.status = Client.Status.ASSIGNED;
        client.clinicianId = clinician.id;
        intake.clinicianId = clinician.id;
        outbox.publish(new IntakeCompleted(intake.id, client.id, client.clinicId, clinician.id,
                intake.priority.name(), intake.riskLevel.name(), intake.modality.name(),
                scoreSummary(instruments)));
        return new Placement(clinician.id, null);
    }

    /** Scale values and bands only: what sessions needs for the outcome baseline, never the answers. */
    private static List<IntakeCompleted.ScoreSummary> scoreSummary(List<IntakeInstrument> instruments) {
        return instruments.stream().sorted(java.util.Comparator.comparing((IntakeInstrument i) -> i.code))
                .flatMap(i -> i.scores.stream().map(s -> new IntakeCompleted.ScoreSummary(i.code, s.scale(),
                        s.value().doubleValue(), s.band())))
                .toList();
    }

    private static Clinician clinicianOf(String clinicId, String id, String field) {
        return Clinician.<Clinician>findByIdOptional(id)
                .filter(c -> c.clinicId.equals(clinicId) && c.active)
                .orElseThrow(() -> new InvalidFieldException(field, "is not an active clinician of clinic " + clinicId));
    }
}
