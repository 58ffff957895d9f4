package care.securebase.intake.service;

import care.securebase.events.RiskFlagRaised;
import care.securebase.intake.Client;
import care.securebase.intake.Clinician;
import care.securebase.intake.Intake;
import care.securebase.intake.WaitlistEntry;
import care.securebase.intake.scoring.Phq9;
import care.securebase.intake.scoring.Triage;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.problem.ConflictException;
import care.securebase.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IntakeService {

    private final ClientService clients;
    private final AssignmentService assignments;
    private final Outbox outbox;
    private final Caller caller;

    public IntakeService(ClientService clients, AssignmentService assignments, Outbox outbox, Caller caller) {
        this.clients = clients;
        this.assignments = assignments;
        this.outbox = outbox;
        this.caller = caller;
    }

    public record Completion(Intake.Modality modality, String presentingConcerns, String clinicianId,
                             java.util.List<Integer> phq9, Triage.RiskLevel clinicianRiskJudgement) {
    }

    public record Completed(Intake intake, AssignmentService.Placement placement) {
    }

    public Completed complete(UUID clientId, Completion completion) {
        Client client = clients.visible(clientId);
        if (client.status != Client.Status.REGISTERED) {
            throw new ConflictException("This client's intake is already complete");
        }
        Phq9.Result phq9 = Phq9.score("phq9", completion.phq9());
        Triage.Proposal triage = Triage.propose(phq9, completion.clinicianRiskJudgement());

        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.clientId = client.id;
        intake.clinicId = client.clinicId;
        intake.modality = completion.modality();
        intake.presentingConcerns = completion.presentingConcerns();
        intake.record(phq9);
        intake.riskLevel = triage.risk();
        intake.priority = triage.priority();
        intake.proposedPriority = triage.priority();
        intake.completedBy = caller.id();
        intake.completedAt = Instant.now();
        intake.persist();
        client.riskLevel = triage.risk().name();

        AssignmentService.Placement placement = assignments.place(client, intake, completion.clinicianId());
        if (triage.flagged()) {
            // Raised whether or not a place was found: a waiting client at high risk still needs the
            // on-call clinician today.
            outbox.publish(new RiskFlagRaised(client.id, client.clinicId, intake.id, triage.risk().name(),
                    triage.source().name(), placement.clinicianId(),
                    Clinician.onCallAt(client.clinicId).map(c -> c.id).orElse(null)));
        }
        return new Completed(intake, placement);
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
