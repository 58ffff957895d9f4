package care.securebase.referrals.rest;

import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStep;
import care.securebase.referrals.service.ReferralRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The two ways a referral is shown: in full to the referring clinic, minimally to the partner. */
public final class ReferralViews {

    private ReferralViews() {
    }

    /** Either view: which one depends on who asks. */
    @Schema(name = "AnyReferral", oneOf = {ReferralView.class, PartnerReferralView.class})
    public sealed interface AnyReferralView permits ReferralView, PartnerReferralView {
    }

    static AnyReferralView of(ReferralRecord record) {
        return record.forPartner() ? PartnerReferralView.of(record) : ReferralView.of(record);
    }

    @Schema(name = "ReferralStep")
    public record StepView(ReferralStatus status, ReferralStatus.Party party, String by, Instant at, String note) {
        static StepView of(ReferralStep s) {
            return new StepView(s.status, s.party, s.by, s.at, s.note);
        }
    }

    /** The referring clinic's view. */
    @Schema(name = "Referral")
    public record ReferralView(UUID id, UUID clientId, String clinicId, String organisationId, UUID programId,
                               String programName, String reason, String hopes, Referral.Urgency urgency,
                               LocalDate respondBy, String sharedInformation, ReferralStatus status,
                               String createdBy, Instant createdAt, Instant updatedAt, List<StepView> history)
            implements AnyReferralView {
        static ReferralView of(ReferralRecord record) {
            Referral r = record.referral();
            return new ReferralView(r.id, r.clientId, r.clinicId, r.organisationId, r.programId,
                    record.program() == null ? null : record.program().name, r.reason, r.hopes, r.urgency,
                    r.respondBy, r.sharedInformation, record.status(), r.createdBy, r.createdAt, record.updatedAt(),
                    record.history().stream().map(StepView::of).toList());
        }
    }

    /** A step as the partner sees it: which side acted, not which member of clinic staff. */
    @Schema(name = "PartnerReferralStep")
    public record PartnerStepView(ReferralStatus status, ReferralStatus.Party party, Instant at, String note) {
        static PartnerStepView of(ReferralStep s) {
            return new PartnerStepView(s.status, s.party, s.at, s.note);
        }
    }

    /**
     * The receiving organisation's view: only what it needs to answer the referral. No client id,
     * clinic or staff names; the client is introduced through the clinic's notice, not through ids.
     */
    @Schema(name = "PartnerReferral")
    public record PartnerReferralView(UUID id, ReferralStatus status, Referral.Urgency urgency, LocalDate respondBy,
                                      UUID programId, String programName, String reason, String hopes,
                                      String sharedInformation, List<PartnerStepView> history)
            implements AnyReferralView {
        static PartnerReferralView of(ReferralRecord record) {
            Referral r = record.referral();
            return new PartnerReferralView(r.id, record.status(), r.urgency, r.respondBy, r.programId,
                    record.program() == null ? null : record.program().name, r.reason, r.hopes,
                    r.sharedInformation, record.history().stream().map(PartnerStepView::of).toList());
        }
    }
}
