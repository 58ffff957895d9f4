package care.securebase.sessions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a session note says: the narrative in the clinic's format (DAP or SOAP sections) and the
 * attachment-focused observations. All of it is clinical text: stored as one JSON document in
 * {@code session_note.content}, never logged, never in an event.
 */
@Schema(name = "NoteContent")
public record NoteContent(
        @Schema(description = "Narrative by section: data/assessment/plan (DAP) or subjective/objective/"
                + "assessment/plan (SOAP); all sections of the note's format are needed to sign",
                examples = "{\"data\": \"Arrived late, tense\", \"assessment\": \"...\", \"plan\": \"...\"}")
        Map<String, @Size(max = 20000) String> sections,
        @Size(max = 30) @Schema(examples = "[\"partner late home\"]") List<@NotBlank @Size(max = 500) String> triggers,
        @Valid Rupture rupture,
        @Size(max = 30) @Schema(examples = "[\"paced breathing\"]") List<@NotBlank @Size(max = 500) String> regulationSkills,
        @Valid Homework homework,
        @Valid @Schema(description = "Required to sign") RiskCheck riskCheck,
        @Valid @Size(max = 50) List<@NotNull @Valid ObjectiveProgress> objectiveProgress) {

    public enum RuptureKind { WITHDRAWAL, CONFRONTATION, OTHER }

    public enum RiskLevel { NONE, LOW, MODERATE, HIGH }

    /** A rupture in the therapeutic relationship and whether it was repaired in the session. */
    @Schema(name = "Rupture")
    public record Rupture(@NotNull RuptureKind kind, @NotNull Boolean repaired, @Size(max = 5000) String text) {
    }

    @Schema(name = "Homework")
    public record Homework(@Size(max = 5000) @Schema(description = "Set for next time") String set,
                           @Size(max = 5000) @Schema(description = "How last time's went") String reviewed) {
    }

    @Schema(name = "RiskCheck")
    public record RiskCheck(@NotNull RiskLevel level, @Size(max = 5000) String text) {
    }

    /** Progress on one objective of the episode's treatment plan. */
    @Schema(name = "ObjectiveProgress")
    public record ObjectiveProgress(@NotBlank @Size(max = 64) String objectiveId,
                                    @NotBlank @Size(max = 5000) String progress) {
    }

    public NoteContent {
        sections = sections == null ? Map.of() : sections;
        triggers = triggers == null ? List.of() : triggers;
        regulationSkills = regulationSkills == null ? List.of() : regulationSkills;
        objectiveProgress = objectiveProgress == null ? List.of() : objectiveProgress;
    }
}
