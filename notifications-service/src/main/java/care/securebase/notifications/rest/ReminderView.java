package care.securebase.notifications.rest;

import care.securebase.notifications.BoosterReminder;
import care.securebase.notifications.ContactChannel;
import care.securebase.notifications.DeliveryStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BoosterReminder", description = "One reminder of a booster appointment and what became of it")
public record ReminderView(
        UUID id,
        UUID clientId,
        UUID boosterId,
        @Schema(examples = "P7D", description = "How long before the appointment it was due") String leadTime,
        Instant appointmentAt,
        @Schema(description = "When it was (or is) due to go out") Instant sendAt,
        DeliveryStatus status,
        Instant sentAt,
        @Schema(description = "The channel it went through (or would have); empty until dispatched")
        ContactChannel channel,
        int attempts,
        @Schema(examples = "no-email-address", description = "Why it was skipped, deferred or failed")
        String reason) {

    static ReminderView of(BoosterReminder r) {
        return new ReminderView(r.id, r.clientId, r.boosterId, r.leadTime, r.appointmentAt, r.sendAt, r.status,
                r.sentAt, r.channel, r.attempts, r.reason);
    }
}
