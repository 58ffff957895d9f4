package care.securebase.sessions.rest;

import care.securebase.sessions.Flag;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Flag")
public record FlagView(UUID id, Flag.Kind kind, UUID episodeId, UUID clientId,
                       @Schema(description = "What raised it: booster, referral, risk flag or plan") UUID sourceRef,
                       @Schema(description = "Coded detail, e.g. \"PHQ-9 total\", \"HIGH CSSRS_SCREEN\", \"UNANSWERED\"")
                       String detail, Instant raisedAt, Instant clearedAt, String clearedBy) {
    static FlagView of(Flag f) {
        return new FlagView(f.id, f.kind, f.episodeId, f.clientId, f.sourceRef, f.detail, f.raisedAt, f.clearedAt,
                f.clearedBy);
    }
}
