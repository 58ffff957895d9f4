package care.securebase.referrals.rest;

import care.securebase.kit.input.Label;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.service.DirectoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/organisations")
@Tag(name = "Directory")
public class OrganisationResource {

    /** The slug social workers and partner systems carry as org_id. */
    static final String SLUG = "[a-z0-9]+(-[a-z0-9]+)*";

    private final DirectoryService directory;

    public OrganisationResource(DirectoryService directory) {
        this.directory = directory;
    }

    @Schema(name = "SaveOrganisation")
    public record SaveOrganisationRequest(
            @NotBlank @Size(max = 200) @Label @Schema(examples = "Riverside Family Centre") String name,
            @NotBlank @Email @Size(max = 254) @Schema(examples = "intake@riverside-family.example.org",
                    description = "The organisation's intake mailbox; referral notices go here") String noticeEmail) {
    }

    public record OrganisationView(String id, String name, String noticeEmail) {
        static OrganisationView of(PartnerOrganisation o) {
            return new OrganisationView(o.id, o.name, o.noticeEmail);
        }
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Add a partner organisation to the directory, or update its name and mailbox")
    public Response save(@PathParam("id") @Size(max = 50) @Pattern(regexp = SLUG,
                                 message = "must be a slug of lower-case letters, digits and dashes") String id,
                         @Valid @NotNull SaveOrganisationRequest request, UriInfo uri) {
        DirectoryService.Saved saved = directory.saveOrganisation(id, request.name(), request.noticeEmail());
        OrganisationView view = OrganisationView.of(saved.organisation());
        return saved.created()
                ? Response.created(uri.getAbsolutePath()).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.SOCIAL_WORKER,
            Roles.CLINIC_ADMIN})
    @Operation(summary = "The partner organisations of the directory, by name")
    public List<OrganisationView> list() {
        return directory.organisations().stream().map(OrganisationView::of).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CARE_COORDINATOR, Roles.SOCIAL_WORKER,
            Roles.CLINIC_ADMIN})
    @Operation(summary = "One partner organisation")
    public OrganisationView get(@PathParam("id") String id) {
        return OrganisationView.of(directory.organisation(id));
    }
}
