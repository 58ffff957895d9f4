package care.securebase.intake.rest;

import care.securebase.intake.Consent;
import java.time.Instant;
import java.util.UUID;

/** A consent record; the revocation reason is shown to staff of the clinic only, as here. */
public record ConsentView(UUID id, UUID clientId, String clinicId, Consent.Scope scope, boolean granted,
                          Consent.RecordedFor recordedFor, String formVersion, String recordedBy, Instant recordedAt,
                          boolean current, UUID supersededBy, Instant supersededAt, Instant revokedAt, String revokedBy,
                          String revokeReason) {

    static ConsentView of(Consent c) {
        return new ConsentView(c.id, c.clientId, c.clinicId, c.scope, c.granted, c.recordedFor, c.formVersion,
                c.recordedBy, c.recordedAt, c.current(), c.supersededBy, c.supersededAt, c.revokedAt, c.revokedBy,
                c.revokeReason);
    }
}
