package care.securebase.intake.service;

import care.securebase.events.IntakeCompleted;
import care.securebase.intake.Client;
import care.securebase.intake.Intake;
import care.securebase.intake.scoring.Phq9;
import care.securebase.intake.scoring.Triage;
import care.securebase.kit.outbox.Outbox;
import care.securebase.kit.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class IntakeService {

    private final ClientService clients;
    private final Outbox outbox;
    private final Caller caller;

    public IntakeService(ClientService clients, Outbox outbox, Caller caller) {
        this.clients = clients;
        this.outbox = outbox;
        this.caller = caller;
    }

    public record Completion(Intake.Modality modality, String presentingConcerns, String clinicianId,
                             List<Integer> phq9, Triage.RiskLevel clinicianRiskJudgement) {
    }

    public Intake complete(UUID clientId, Completion completion) {
        Client client = clients.visible(clientId);
        Phq9.Result phq9 = Phq9.score("phq9", completion.phq9());
        Triage.Proposal triage = Triage.propose(phq9, completion.clinicianRiskJudgement());

        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.clientId = client.id;
        intake.clinicId = client.clinicId;
        intake.clinicianId = completion.clinicianId();
        intake.modality = completion.modality();
        intake.presentingConcerns = completion.presentingConcerns();
        intake.record(phq9);
        intake.riskLevel = triage.risk();
        intake.priority = triage.priority();
        intake.completedBy = caller.id();
        intake.completedAt = Instant.now();
        intake.persist();

        client.status = Client.Status.ASSIGNED;
        client.clinicianId = completion.clinicianId();

        outbox.publish(new IntakeCompleted(intake.id, client.id, client.clinicId, intake.clinicianId,
                intake.priority.name(), intake.riskLevel.name(), intake.modality.name(),
                List.of(new IntakeCompleted.ScoreSummary("PHQ-9", "total", phq9.total(), phq9.band().label()))));
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
