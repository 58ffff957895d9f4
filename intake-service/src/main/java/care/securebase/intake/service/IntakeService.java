package care.securebase.intake.service;

import care.securebase.events.RiskFlagRaised;
import care.securebase.intake.Client;
import care.securebase.intake.Clinician;
import care.securebase.intake.Intake;
import care.securebase.intake.IntakeInstrument;
import care.securebase.intake.WaitlistEntry;
import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.InstrumentDefinition;
import care.securebase.instruments.ScoreResult;
import care.securebase.instruments.Scorer;
import care.securebase.intake.scoring.Triage;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IntakeService {

    private final ClientService clients;
    private final AssignmentService assignments;
    private final InstrumentCatalog catalog;
    private final Outbox outbox;
    private final Caller caller;

    public IntakeService(ClientService clients, AssignmentService assignments, InstrumentCatalog catalog,
                         Outbox outbox, Caller caller) {
        this.clients = clients;
        this.assignments = assignments;
        this.catalog = catalog;
        this.outbox = outbox;
        this.caller = caller;
    }

    /**
     * One instrument's answers as given. {@code field} is where they came from in the request
     * (e.g. {@code instruments[1]} or {@code phq9}), so a refusal names the exact item.
     */
    public record Administered(String field, String code, Integer version, List<Integer> answers) {
    }

    public record Assessment(Intake.Modality modality, List<Intake.Attendee> attendees, String presentingConcerns,
                             List<Intake.RelationalTheme> relationalThemes, String relationalHistory,
                             List<String> triggers, List<String> bodilyResponses, String currentFunctioning,
                             List<Administered> instruments, String clinicianId,
                             Triage.RiskLevel clinicianRiskJudgement) {
    }

    public record Completed(Intake intake, List<IntakeInstrument> instruments, AssignmentService.Placement placement) {
    }

    public Completed complete(UUID clientId, Assessment assessment) {
        Client client = clients.visible(clientId);
        if (client.status != Client.Status.REGISTERED) {
            throw new ConflictException("This client's intake is already complete");
        }
        if (assessment.modality() != Intake.Modality.INDIVIDUAL
                && (assessment.attendees() == null || assessment.attendees().isEmpty())) {
            throw new InvalidFieldException("attendees", "name who else would attend " + assessment.modality()
                    .name().toLowerCase() + " sessions");
        }
        List<ScoreResult> results = score(assessment.instruments());
        Triage.Proposal triage = Triage.propose(results, assessment.clinicianRiskJudgement());
        // Who takes the client is read before anything changes: a query after a change flushes it, and
        // the rows would be written twice (insert, then update).
        Optional<Clinician> clinician = assignments.choose(client.clinicId, assessment.clinicianId());
        String onCall = triage.flagged() ? Clinician.onCallAt(client.clinicId).map(c -> c.id).orElse(null) : null;

        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.clientId = client.id;
        intake.clinicId = client.clinicId;
        intake.modality = assessment.modality();
        intake.attendees = assessment.attendees();
        intake.presentingConcerns = assessment.presentingConcerns();
        intake.relationalThemes = assessment.relationalThemes();
        intake.relationalHistory = assessment.relationalHistory();
        intake.triggers = assessment.triggers();
        intake.bodilyResponses = assessment.bodilyResponses();
        intake.currentFunctioning = assessment.currentFunctioning();
        intake.riskLevel = triage.risk();
        intake.riskSource = triage.source();
        intake.priority = triage.priority();
        intake.proposedPriority = triage.priority();
        intake.completedBy = caller.id();
        intake.completedAt = Instant.now();
        intake.clinicianId = clinician.map(c -> c.id).orElse(null);
        intake.persist();
        List<IntakeInstrument> administered = results.stream().map(r -> record(intake.id, r)).toList();
        client.riskLevel = triage.risk().name();

        AssignmentService.Placement placement = assignments.place(client, intake, clinician, administered);
        if (triage.flagged()) {
            // Raised whether or not a place was found: a waiting client at high risk still needs the
            // on-call clinician today.
            outbox.publish(new RiskFlagRaised(client.id, client.clinicId, intake.id, triage.risk().name(),
                    triage.source(), placement.clinicianId(), onCall));
        }
        return new Completed(intake, administered, placement);
    }

    /** Scores every instrument, refusing an unknown one, one given twice, or answers out of range. */
    private List<ScoreResult> score(List<Administered> instruments) {
        if (instruments.isEmpty()) {
            throw new InvalidFieldException("instruments", "administer at least one instrument (e.g. PHQ-9)");
        }
        List<ScoreResult> results = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Administered given : instruments) {
            InstrumentDefinition definition = (given.version() == null ? catalog.latest(given.code())
                    : catalog.find(given.code(), given.version()))
                    .orElseThrow(() -> new InvalidFieldException(given.field() + ".code",
                            "unknown instrument or version; known: " + String.join(", ", catalog.codes())));
            if (!seen.add(definition.code())) {
                throw new InvalidFieldException(given.field() + ".code", definition.code() + " is given twice");
            }
            String answersField = given.field().equals("phq9") ? "phq9" : given.field() + ".answers";
            results.add(Scorer.score(definition, answersField, given.answers()));
        }
        return results;
    }

    private static IntakeInstrument record(UUID intakeId, ScoreResult result) {
        IntakeInstrument row = new IntakeInstrument();
        row.id = UUID.randomUUID();
        row.intakeId = intakeId;
        row.code = result.instrument();
        row.version = result.version();
        row.answers = result.answers().stream().map(a -> a == null ? "" : a.toString())
                .collect(Collectors.joining(","));
        row.scores = result.scales().stream()
                .map(s -> new IntakeInstrument.Score(s.code(), s.value(), s.band())).toList();
        row.persist();
        return row;
    }

    /** The coordinator's override of the proposed priority; the reason is kept beside the proposal. */
    public Intake overridePriority(UUID clientId, UUID intakeId, Triage.Priority priority, String reason) {
        Intake intake = visible(clientId, intakeId);
        intake.overridePriority(priority, reason, caller.id(), Instant.now());
        WaitlistEntry.<WaitlistEntry>findByIdOptional(clientId).ifPresent(e -> e.priority = priority);
        return intake;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Intake visible(UUID clientId, UUID id) {
        Intake intake = Intake.<Intake>findByIdOptional(id).orElseThrow(NotFoundException::new);
        if (!intake.clientId.equals(clientId) || !caller.canSeeClinic(intake.clinicId)) {
            throw new NotFoundException();
        }
        return intake;
    }
}
