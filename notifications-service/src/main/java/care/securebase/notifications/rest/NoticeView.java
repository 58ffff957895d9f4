package care.securebase.notifications.rest;

import care.securebase.notifications.DeliveryStatus;
import care.securebase.notifications.PartnerNotice;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PartnerNotice", description = "An e-mail telling a partner organisation a referral awaits it")
public record NoticeView(UUID id, UUID referralId, String clinicId, String organisationId, String noticeEmail,
                         DeliveryStatus status, Instant createdAt, Instant sentAt, int attempts, String reason) {

    static NoticeView of(PartnerNotice n) {
        return new NoticeView(n.id, n.referralId, n.clinicId, n.organisationId, n.noticeEmail, n.status, n.createdAt,
                n.sentAt, n.attempts, n.reason);
    }
}
