package care.securebase.referrals.rest;

import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.Referral;
import care.securebase.referrals.ReferralStatus;
import care.securebase.referrals.rest.ReferralViews.AnyReferralView;
import care.securebase.referrals.rest.ReferralViews.ReferralView;
import care.securebase.referrals.service.ReferralRecord;
import care.securebase.referrals.service.ReferralService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import java.util.Arrays;
import java.util.List;
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

    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLINIC_STAFF_OR_PARTNER = "The referring clinic's view, or the partner's";
    private static final String MOVED = "The referral after the move, in the caller's view. With an Idempotency-Key"
            + " already used for the same request on this referral, the first answer again, with header "
            + REPLAYED + ": true";

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
            @Size(max = 4000) @Schema(description = "The minimum the clinic shares with the partner")
            String sharedInformation,
            @Schema(defaultValue = "true", description = "false keeps it as a draft") Boolean send) {
    }

    @Schema(name = "DeclineReferral")
    public record DeclineRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "CompleteReferral")
    public record CompleteRequest(@NotBlank @Size(max = 4000) String outcome) {
    }

    @Schema(name = "CancelReferral")
    public record CancelRequest(@Size(max = 2000) String reason) {
    }

    @POST
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN})
    @Operation(summary = "Refer a client of the caller's clinic to a program; sent unless send is false")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReferralView.class)))
    public Response create(@Valid @NotNull CreateReferralRequest request) {
        ReferralRecord record = referrals.create(new ReferralService.NewReferral(request.clientId(),
                request.programId(), request.reason(), request.hopes(), request.urgency(), request.respondBy(),
                request.sharedInformation(), !Boolean.FALSE.equals(request.send())));
        return Response.created(UriBuilder.fromPath("/referrals/{id}").build(record.referral().id))
                .entity(ReferralViews.of(record)).build();
    }

    @GET
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "Referrals of the caller's clinic, or addressed to the caller's organisation; newest first")
    @APIResponse(responseCode = "200", description = CLINIC_STAFF_OR_PARTNER)
    public List<AnyReferralView> list(@QueryParam("status") @Parameter(schema = @Schema(implementation = ReferralStatus.class))
                             String status,
                             @QueryParam("clientId") @Parameter(description = "Clinic staff only",
                                     schema = @Schema(format = "uuid")) String clientId,
                             @QueryParam("clinicId") @Parameter(description = "Clinic-admins only") String clinicId,
                             @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                             @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return referrals.list(statusOf(status), uuidOf("clientId", clientId), clinicId, page, size).stream()
                .map(ReferralViews::of).toList();
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
    @Operation(summary = "Send a draft referral to the organisation")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response send(@PathParam("id") UUID id, @HeaderParam(ReferralService.IDEMPOTENCY_KEY) String key) {
        return moved(referrals.move(id, ReferralStatus.SENT, null, key));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The receiving organisation accepts the referral")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response accept(@PathParam("id") UUID id, @HeaderParam(ReferralService.IDEMPOTENCY_KEY) String key) {
        return moved(referrals.move(id, ReferralStatus.ACCEPTED, null, key));
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The receiving organisation declines the referral, saying why")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response decline(@PathParam("id") UUID id, @HeaderParam(ReferralService.IDEMPOTENCY_KEY) String key,
                            @Valid @NotNull DeclineRequest request) {
        return moved(referrals.move(id, ReferralStatus.DECLINED, request.reason(), key));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The client has started with the organisation")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response start(@PathParam("id") UUID id, @HeaderParam(ReferralService.IDEMPOTENCY_KEY) String key) {
        return moved(referrals.move(id, ReferralStatus.IN_PROGRESS, null, key));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed(Roles.SOCIAL_WORKER)
    @Operation(summary = "The organisation's work with the client is done, with its outcome")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response complete(@PathParam("id") UUID id, @HeaderParam(ReferralService.IDEMPOTENCY_KEY) String key,
                             @Valid @NotNull CompleteRequest request) {
        return moved(referrals.move(id, ReferralStatus.COMPLETED, request.outcome(), key));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(summary = "The referring clinic withdraws the referral, optionally saying why")
    @APIResponse(responseCode = "200", description = MOVED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = AnyReferralView.class)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(ReferralService.IDEMPOTENCY_KEY) String key,
                           @Valid CancelRequest request) {
        return moved(referrals.move(id, ReferralStatus.CANCELLED, request == null ? null : request.reason(), key));
    }

    /** The same without a body: a plain POST needs no Content-Type. */
    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
    @Operation(hidden = true)
    public Response cancelWithoutReason(@PathParam("id") UUID id,
                                        @HeaderParam(ReferralService.IDEMPOTENCY_KEY) String key) {
        return moved(referrals.move(id, ReferralStatus.CANCELLED, null, key));
    }

    /** A replay answers exactly as the first request did, and says so in a header. */
    private static Response moved(ReferralRecord record) {
        Response.ResponseBuilder response = Response.ok(ReferralViews.of(record));
        if (record.replayed()) {
            response.header(REPLAYED, "true");
        }
        return response.build();
    }

    /** Query values are parsed here rather than by JAX-RS, which answers an unreadable one with 404. */
    private static UUID uuidOf(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, "must be a UUID");
        }
    }

    private static ReferralStatus statusOf(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ReferralStatus.valueOf(status.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("status", "must be one of " + Arrays.toString(ReferralStatus.values()));
        }
    }
}
