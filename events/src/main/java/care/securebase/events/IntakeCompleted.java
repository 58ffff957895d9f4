package care.securebase.events;

import java.util.List;
import java.util.UUID;

/** Intake is complete: what sessions-service needs to open an episode. No free-text history. */
public record IntakeCompleted(
        UUID intakeId,
        UUID clientId,
        String clinicId,
        String clinicianId,
        String priority,
        String riskLevel,
        String modality,
        List<ScoreSummary> scores) implements DomainEvent {

    public record ScoreSummary(String instrument, String scale, double score, String band) {
    }

    @Override
    public String subject() {
        return clientId.toString();
    }
}
