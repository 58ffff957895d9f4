package care.securebase.intake.rest;

import care.securebase.instruments.InstrumentCatalog;
import care.securebase.instruments.InstrumentDefinition;
import care.securebase.kit.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The standardized instruments this service scores, read-only: definitions ship with the service. */
@Path("/instruments")
@Tag(name = "Instruments")
@RolesAllowed({Roles.INTAKE_COORDINATOR, Roles.CLINICIAN, Roles.CLINIC_ADMIN})
public class InstrumentResource {

    private final InstrumentCatalog catalog;

    public InstrumentResource(InstrumentCatalog catalog) {
        this.catalog = catalog;
    }

    public record InstrumentSummary(String code, int version, String title, InstrumentDefinition.Licence licence,
                                    boolean latest) {
    }

    @GET
    @Operation(summary = "Every version of every instrument: code, version, title and licence")
    public List<InstrumentSummary> list() {
        return catalog.all().stream()
                .map(d -> new InstrumentSummary(d.code(), d.version(), d.title(), d.licence(),
                        catalog.latest(d.code()).map(l -> l.version() == d.version()).orElse(false)))
                .toList();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "One instrument's definition: items (text only where the licence allows), scales, bands, risk rules")
    public InstrumentDefinition get(@PathParam("code") String code,
                                    @Parameter(description = "a specific version; the latest when omitted")
                                    @QueryParam("version") Integer version) {
        return (version == null ? catalog.latest(code) : catalog.find(code, version))
                .orElseThrow(() -> new NotFoundException("No such instrument or version"));
    }
}
