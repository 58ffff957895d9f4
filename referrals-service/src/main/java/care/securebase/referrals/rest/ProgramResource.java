package care.securebase.referrals.rest;

import care.securebase.kit.problem.InvalidFieldException;
import care.securebase.kit.security.Roles;
import care.securebase.referrals.PartnerOrganisation;
import care.securebase.referrals.Program;
import care.securebase.referrals.service.DirectoryService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/programs")
@Tag(name = "Directory")
public class ProgramResource {

    private final DirectoryService directory;

    public ProgramResource(DirectoryService directory) {
        this.directory = directory;
    }

    @Schema(name = "AddProgram")
    public record AddProgramRequest(
            @NotBlank @Size(max = 50) @Schema(examples = "riverside-family") String organisationId,
            @NotBlank @Size(max = 200) @Schema(examples = "Circle of Security parenting group") String name,
            @NotNull Program.Kind kind,
            @Size(max = 20) @Schema(examples = "[\"en\",\"es\"]")
            List<@NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Z]{2})?") String> languages,
            @Size(max = 200) @Schema(examples = "Riverside and Eastbank") String area,
            @Schema(defaultValue = "false") Boolean remote,
            @Schema(defaultValue = "true") Boolean acceptingReferrals) {

        Program toProgram() {
            Program program = new Program();
            program.organisationId = organisationId;
            program.name = name.strip();
            program.kind = kind;
            program.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
            program.area = area == null || area.isBlank() ? null : area.strip();
            program.remote = Boolean.TRUE.equals(remote);
            program.acceptingReferrals = !Boolean.FALSE.equals(acceptingReferrals);
            return program;
        }
    }

    public record ProgramView(UUID id, String organisationId, String organisationName, String name, Program.Kind kind,
                              List<String> languages, String area, boolean remote, boolean acceptingReferrals) {
        static ProgramView of(Program p, PartnerOrganisation org) {
            return new ProgramView(p.id, p.organisationId, org == null ? null : org.name, p.name, p.kind,
                    List.copyOf(p.languages), p.area, p.remote, p.acceptingReferrals);
        }
    }

    @POST
    @RolesAllowed(Roles.CLINIC_ADMIN)
    @Operation(summary = "Add a program run by a partner organisation of the directory")
    public Response add(@Valid @NotNull AddProgramRequest request, UriInfo uri) {
        Program program = directory.addProgram(request.toProgram());
        return Response.created(uri.getAbsolutePathBuilder().path(program.id.toString()).build())
                .entity(view(program)).build();
    }

    @GET
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "Programs of the directory by name, optionally of one kind or one organisation")
    public List<ProgramView> list(@QueryParam("kind") @Parameter(schema = @Schema(implementation = Program.Kind.class))
                                  String kind,
                                  @QueryParam("organisationId") String organisationId,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        List<Program> programs = directory.programs(kindOf(kind), organisationId, page, size);
        Map<String, PartnerOrganisation> orgs = directory.organisationsOf(programs);
        return programs.stream().map(p -> ProgramView.of(p, orgs.get(p.organisationId))).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.CARE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN, Roles.SOCIAL_WORKER})
    @Operation(summary = "One program")
    public ProgramView get(@PathParam("id") UUID id) {
        return view(directory.program(id));
    }

    private ProgramView view(Program program) {
        return ProgramView.of(program, directory.organisationsOf(List.of(program)).get(program.organisationId));
    }

    /** Parsed here rather than by JAX-RS, which answers an unknown query value with 404. */
    private static Program.Kind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return Program.Kind.valueOf(kind.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("kind", "must be one of " + Arrays.toString(Program.Kind.values()));
        }
    }
}
