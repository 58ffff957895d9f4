package care.securebase.referrals.fhir;

import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.service.ReferralRecord;
import care.securebase.referrals.service.ReferralService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Read-only FHIR R4 views of referrals, with the same access as the JSON API: the referring clinic
 * sees its referrals, the receiving organisation only what was shared with it. Reading here never
 * counts as the partner's first look.
 */
@Path("/fhir")
@Produces({Fhir.MEDIA_TYPE, MediaType.APPLICATION_JSON})
@Tag(name = "FHIR R4")
public class FhirResource {

    private static final Pattern BASED_ON = Pattern.compile("(?:ServiceRequest/)?([0-9a-fA-F-]{36})");

    private final ReferralService referrals;
    private final Fhir fhir;

    public FhirResource(ReferralService referrals, Fhir fhir) {
        this.referrals = referrals;
        this.fhir = fhir;
    }

    @GET
    @Path("/ServiceRequest/{id}")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "A referral as a FHIR R4 ServiceRequest")
    public Response serviceRequest(@PathParam("id") UUID id) {
        ReferralRecord record = referrals.read(id);
        return fhir.ok(ReferralMapper.serviceRequest(record, organisation(record)));
    }

    @GET
    @Path("/Task/{id}")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "Where a referral stands, as a FHIR R4 Task (its id is the referral's)")
    public Response task(@PathParam("id") UUID id) {
        ReferralRecord record = referrals.read(id);
        return fhir.ok(ReferralMapper.task(record, organisation(record)));
    }

    @GET
    @Path("/Task")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "Search: the Task of a referral, as a FHIR searchset Bundle")
    public Response tasks(@QueryParam("based-on") @Parameter(description = "ServiceRequest/<referral id>",
                                required = true) String basedOn,
                        @Context UriInfo uri) {
        Matcher m = basedOn == null ? null : BASED_ON.matcher(basedOn.strip());
        if (m == null || !m.matches()) {
            throw new InvalidFieldException("based-on", "must be ServiceRequest/<referral id>");
        }
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        try {
            ReferralRecord record = referrals.read(UUID.fromString(m.group(1)));
            bundle.addEntry().setResource(ReferralMapper.task(record, organisation(record)))
                    .setFullUrl(uri.getBaseUriBuilder().path("fhir/Task/{id}").build(record.referral().id).toString())
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        } catch (NotFoundException | IllegalArgumentException e) {
            // A search that finds nothing is an empty bundle, whether the referral is missing or not the caller's.
        }
        bundle.setTotal(bundle.getEntry().size());
        return fhir.ok(bundle);
    }

    private static PartnerOrganisation organisation(ReferralRecord record) {
        return PartnerOrganisation.findById(record.referral().organisationId);
    }
}
