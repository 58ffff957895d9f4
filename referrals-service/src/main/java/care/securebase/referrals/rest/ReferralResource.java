package care.securebase.referrals.rest;

import care.securebase.kit.idempotency.IdempotencyKey;
import care.securebase.kit.input.Paging;
import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.ReferralCodes;
import care.securebase.referrals.ReferralCodes.SharedItem;
import care.securebase.referrals.rest.ReferralViews.AnyReferralView;
import care.securebase.referrals.rest.ReferralViews.BoardView;
import care.securebase.referrals.rest.ReferralViews.ReferralView;
import care.securebase.referrals.service.ReferralRecord;
import care.securebase.referrals.service.ReferralService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Referrals, for both sides: clinic staff see their clinic's referrals in full, a partner's social
 * workers and systems (role social-worker, claim org_id) see those addressed to them, minimally.
 */
@Path("/referrals")
@Tag(name = "Referrals")
public class ReferralResource {

    private static final String CLINIC_STAFF_OR_PARTNER = "The referring clinic's view, or the partner's";
    private static final String MOVED = "The referral after the move, in the caller's view. With an Idempotency-Key"
            + " already used for the same request on this referral, the first answer again, with header "
            + IdempotencyKey.REPLAYED + ": true";

    private static final String NO_CONSENT = "The client has no current consent to share with this kind of program"
            + " (problem+json naming programId; the detail names the consent scope)";

    private final ReferralService referrals;

    public ReferralResource(ReferralService referrals) {
        this.referrals = referrals;
    }

    @Schema(name = "CreateReferral")
    public record CreateReferralRequest(
            @NotNull UUID clientId,
            @NotNull UUID programId,
            @NotBlank @Size(max = 4000) @Schema(description = "Why the clinic refers the client") String reason,
            @Size(max = 4000) @Schema(description = "What the client hopes for, in their own words") String hopes,
            @NotNull Referral.Urgency urgency,
            @NotNull @Future @Schema(examples = "2030-01-31", description = "When the partner should answer by")
            LocalDate respondBy,
            @Size(max = 5) @Schema(description = "What the partner may see besides the note: only these travel."
                    + " [REASON] if absent", examples = "[\"CLIENT_NAME\",\"CONTACT_DETAILS\",\"REASON\"]")
            Set<@NotNull SharedItem> sharedItems,
            @Size(max = 4000) @Schema(description = "A note for the partner; it always travels with the referral")
            String sharedInformation,
            @Schema(defaultValue = "true", description = "false keeps it as a draft") Boolean send) {
    }

    @Schema(name = "DeclineReferral")
    public record DeclineRequest(@NotNull ReferralCodes.DeclineReason reason,
                                 @Size(max = 2000) @Schema(description = "Optional explanation") String note) {
    }

    @Schema(name = "ScheduleReferral")
    public record ScheduleRequest(@NotNull @FutureOrPresent @Schema(examples = "2030-02-14",
                                          description = "The client's first appointment") LocalDate date,
                                  @Size(max = 2000) String note) {
    }

    @Schema(name = "CompleteReferral")
    public record CompleteRequest(@NotNull ReferralCodes.Outcome outcome,
                                  @Size(max = 4000) @Schema(description = "Optional explanation") String note) {
    }

    @Schema(name = "CancelReferral")
    public record CancelRequest(@Schema(description = "Coded reason; CONSENT_REVOKED is the system's own")
                                ReferralCodes.CancelReason reason,
                                @Size(max = 2000) @Schema(description = "Stays with the clinic") String note) {
    }

    @POST
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN})
    @Operation(summary = "Refer a client of the caller's clinic to a program; sent unless send is false",
            description = "Sending needs the client's current consent SHARE_<program kind> (e.g. SHARE_SOCIAL_WORK)")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "409", description = NO_CONSENT)
    public Response create(@Valid @NotNull CreateReferralRequest request) {
        ReferralRecord record = referrals.create(new ReferralService.NewReferral(request.clientId(),
                request.programId(), request.reason(), request.hopes(), request.urgency(), request.respondBy(),
                request.sharedItems() == null ? Set.of(SharedItem.REASON) : request.sharedItems(),
                request.sharedInformation(), !Boolean.FALSE.equals(request.send())));
        return Response.created(UriBuilder.fromPath("/referrals/{id}").build(record.referral().id))
                .entity(ReferralViews.of(record)).build();
    }

    @GET
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "Referrals of the caller's clinic, or addressed to the caller's organisation; newest first")
    @APIResponse(responseCode = "200", description = CLINIC_STAFF_OR_PARTNER)
    public List<AnyReferralView> list(@QueryParam("status") ReferralStatus status,
                             @QueryParam("clientId") @Parameter(description = "Clinic staff only") UUID clientId,
                             @QueryParam("clinicId") @Parameter(description = "Clinic-admins only") String clinicId,
                             @Valid @BeanParam Paging.Standard paging) {
        return referrals.list(status, clientId, clinicId, paging.page(), paging.size()).stream()
                .map(ReferralViews::of).toList();
    }

    @GET
    @Path("/board")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The coordinator's board: the clinic's open referrals by status, overdue ones first")
    public BoardView board(@QueryParam("clinicId") @Parameter(description = "Clinic-admins only") String clinicId,
                           @QueryParam("mine") @Parameter(description = "Only referrals the caller sent (or drafted)")
                           Boolean mine) {
        return BoardView.of(referrals.board(clinicId, Boolean.TRUE.equals(mine)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "One referral; the receiving organisation's first look marks a sent referral received")
    @APIResponse(responseCode = "200", description = CLINIC_STAFF_OR_PARTNER)
    public AnyReferralView get(@PathParam("id") UUID id) {
        return ReferralViews.of(referrals.view(id));
    }

    @POST
    @Path("/{id}/send")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN})
    @Operation(summary = "Send a draft referral to the organisation",
            description = "Needs the client's current consent SHARE_<program kind>")
    @APIResponse(responseCode = "409", description = NO_CONSENT + ", or the referral is no longer a draft")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response send(@PathParam("id") UUID id, @HeaderParam(IdempotencyKey.HEADER) String key) {
        return moved(referrals.move(id, ReferralStatus.SENT, null, key));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The receiving organisation accepts the referral")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response accept(@PathParam("id") UUID id, @HeaderParam(IdempotencyKey.HEADER) String key) {
        return moved(referrals.move(id, ReferralStatus.ACCEPTED, null, key));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The receiving organisation declines the referral, with a coded reason")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response decline(@PathParam("id") UUID id, @HeaderParam(IdempotencyKey.HEADER) String key,
                            @Valid @NotNull DeclineRequest request) {
        return moved(referrals.move(id, ReferralStatus.DECLINED,
                new Referral.Details(request.reason().name(), request.note(), null), key));
    }

    @POST
    @Path("/{id}/schedule")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The receiving organisation has set a date with the client (again, to reschedule)")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response schedule(@PathParam("id") UUID id, @HeaderParam(IdempotencyKey.HEADER) String key,
                             @Valid @NotNull ScheduleRequest request) {
        return moved(referrals.move(id, ReferralStatus.SCHEDULED,
                new Referral.Details(null, request.note(), request.date()), key));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The client has started with the organisation")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response start(@PathParam("id") UUID id, @HeaderParam(IdempotencyKey.HEADER) String key) {
        return moved(referrals.move(id, ReferralStatus.IN_PROGRESS, null, key));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The organisation's work with the client is done, with its coded outcome")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response complete(@PathParam("id") UUID id, @HeaderParam(IdempotencyKey.HEADER) String key,
                             @Valid @NotNull CompleteRequest request) {
        return moved(referrals.move(id, ReferralStatus.COMPLETED,
                new Referral.Details(request.outcome().name(), request.note(), null), key));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The referring clinic withdraws the referral, optionally saying why")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(IdempotencyKey.HEADER) String key,
                           @Valid CancelRequest request) {
        if (request != null && request.reason() != null
                && ReferralCodes.SYSTEM_ONLY.contains(request.reason())) {
            throw new InvalidFieldException("reason", "is set by the system only");
        }
        return moved(referrals.move(id, ReferralStatus.CANCELLED, request == null ? null
                : new Referral.Details(request.reason() == null ? null : request.reason().name(), request.note(), null),
                key));
    }

    /** The same without a body: a plain POST needs no Content-Type. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(hidden = true)
    public Response cancelWithoutReason(@PathParam("id") UUID id,
                                        @HeaderParam(IdempotencyKey.HEADER) String key) {
        return moved(referrals.move(id, ReferralStatus.CANCELLED, null, key));
    }

    /** A replay answers exactly as the first request did, and says so in a header. */
    private static Response moved(ReferralRecord record) {
        Response.ResponseBuilder response = Response.ok(ReferralViews.of(record));
        if (record.replayed()) {
            response.header(IdempotencyKey.REPLAYED, "true");
        }
        return response.build();
    }
}
