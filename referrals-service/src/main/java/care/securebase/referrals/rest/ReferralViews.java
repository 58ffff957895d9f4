package care.securebase.referrals.rest;

import care.securebase.referrals.ClientContact;
import care.securebase.referrals.OverdueRules;
import care.securebase.referrals.Program;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralCodes.SharedItem;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralStep;
import care.securebase.referrals.service.ReferralRecord;
import care.securebase.referrals.service.ReferralService;
import com.fasterxml.jackson.annotation.JsonInclude;
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
    public record StepView(ReferralStatus status, ReferralStatus.Party party, String by, Instant at,
                           @Schema(description = "Coded reason (decline, cancellation, expiry) or outcome (completion)")
                           String code,
                           LocalDate scheduledFor, String note) {
        static StepView of(ReferralStep s) {
            return new StepView(s.status, s.party, s.by, s.at, s.code, s.scheduledFor, s.note);
        }
    }

    /** The referring clinic's view. */
    @Schema(name = "Referral")
    public record ReferralView(UUID id, UUID clientId, String clinicId, String organisationId, UUID programId,
                               String programName, Program.Kind programKind, String reason, String hopes,
                               Referral.Urgency urgency, LocalDate respondBy,
                               @Schema(description = "What the partner may see besides the note")
                               List<SharedItem> sharedItems,
                               @Schema(description = "The note written for the partner") String sharedInformation,
                               ReferralStatus status, LocalDate scheduledFor,
                               @Schema(description = "Why the referral needs its coordinator now; absent if it does not")
                               OverdueRules.Kind overdue,
                               String createdBy, String referredBy, Instant createdAt, Instant updatedAt,
                               List<StepView> history)
            implements AnyReferralView {
        static ReferralView of(ReferralRecord record) {
            Referral r = record.referral();
            return new ReferralView(r.id, r.clientId, r.clinicId, r.organisationId, r.programId,
                    record.program() == null ? null : record.program().name, r.programKind, r.reason, r.hopes,
                    r.urgency, r.respondBy, r.sharedItems.stream().map(SharedItem::valueOf).toList(),
                    r.sharedInformation, record.status(), r.scheduledFor, record.overdue(), r.createdBy,
                    r.referredBy, r.createdAt, record.updatedAt(), record.history().stream().map(StepView::of).toList());
        }
    }

    /**
     * A step as the partner sees it: which side acted, not which member of clinic staff; the
     * clinic's own notes (e.g. why it cancelled) stay with the clinic, only the code travels.
     */
    @Schema(name = "PartnerReferralStep")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerStepView(ReferralStatus status, ReferralStatus.Party party, Instant at, String code,
                                  LocalDate scheduledFor, String note) {
        static PartnerStepView of(ReferralStep s) {
            return new PartnerStepView(s.status, s.party, s.at, s.code, s.scheduledFor,
                    s.party == ReferralStatus.Party.PARTNER ? s.note : null);
        }
    }

    /** The client as introduced to the partner: only the details the clinic chose to share. */
    @Schema(name = "SharedClient")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SharedClientView(String preferredName, String email, String phone, String language) {
        static SharedClientView of(Referral r) {
            SharedClientView view = new SharedClientView(r.sharedName, r.sharedEmail, r.sharedPhone, r.sharedLanguage);
            return view.equals(new SharedClientView(null, null, null, null)) ? null : view;
        }
    }

    /**
     * The receiving organisation's view: only what it needs to answer the referral, and only what
     * the clinic chose to share. Never the client id, the clinic or staff names; items not shared
     * are absent.
     */
    @Schema(name = "PartnerReferral")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PartnerReferralView(UUID id, ReferralStatus status, Referral.Urgency urgency, LocalDate respondBy,
                                      UUID programId, String programName, Program.Kind programKind,
                                      List<SharedItem> sharedItems, SharedClientView client,
                                      String reason, String hopes,
                                      @Schema(description = "The note the clinic wrote for the partner")
                                      String sharedInformation,
                                      LocalDate scheduledFor, List<PartnerStepView> history)
            implements AnyReferralView {
        static PartnerReferralView of(ReferralRecord record) {
            Referral r = record.referral();
            return new PartnerReferralView(r.id, record.status(), r.urgency, r.respondBy, r.programId,
                    record.program() == null ? null : record.program().name, r.programKind,
                    r.sharedItems.stream().map(SharedItem::valueOf).toList(), SharedClientView.of(r),
                    r.shares(SharedItem.REASON) ? r.reason : null, r.shares(SharedItem.HOPES) ? r.hopes : null,
                    r.sharedInformation, r.scheduledFor,
                    // The partner never saw the draft: its story starts when the referral was sent.
                    record.history().stream().filter(s -> s.status != ReferralStatus.DRAFT)
                            .map(PartnerStepView::of).toList());
        }
    }

    /** One referral on the coordinator's board. */
    @Schema(name = "BoardReferral")
    public record BoardItem(UUID id, UUID clientId, String clientName, UUID programId, String programName,
                            Program.Kind programKind, String organisationId, Referral.Urgency urgency,
                            LocalDate respondBy, ReferralStatus status, Instant since, LocalDate scheduledFor,
                            OverdueRules.Kind overdue, String referredBy) {
        static BoardItem of(ReferralRecord record, ClientContact client) {
            Referral r = record.referral();
            return new BoardItem(r.id, r.clientId, client == null ? null : client.preferredName, r.programId,
                    record.program() == null ? null : record.program().name, r.programKind, r.organisationId,
                    r.urgency, r.respondBy, record.status(), record.updatedAt(), r.scheduledFor, record.overdue(),
                    r.referredBy != null ? r.referredBy : r.createdBy);
        }
    }

    @Schema(name = "BoardColumn")
    public record BoardColumn(ReferralStatus status, int count, int overdue, List<BoardItem> referrals) {
    }

    @Schema(name = "ReferralBoard")
    public record BoardView(int open, int overdue, List<BoardColumn> columns) {
        static BoardView of(ReferralService.Board board) {
            List<BoardColumn> columns = board.byStatus().entrySet().stream()
                    .map(e -> new BoardColumn(e.getKey(), e.getValue().size(),
                            (int) e.getValue().stream().filter(r -> r.overdue() != null).count(),
                            e.getValue().stream()
                                    .map(r -> BoardItem.of(r, board.clients().get(r.referral().clientId))).toList()))
                    .toList();
            return new BoardView(columns.stream().mapToInt(BoardColumn::count).sum(),
                    columns.stream().mapToInt(BoardColumn::overdue).sum(), columns);
        }
    }
}
