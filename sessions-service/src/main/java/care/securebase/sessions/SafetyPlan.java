package care.securebase.sessions;

import care.securebase.kit.input.Label;
import io.quarkus.qute.TemplateData;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A client's safety plan in the Stanley-Brown steps: what signals a crisis, what the client can do
 * alone, people and places that take the mind off it, people to ask for help, professionals and
 * crisis lines, and how to make the surroundings safer. The client's own document: it is printed
 * for them to keep, and never logged or published.
 */
@Schema(name = "SafetyPlanContent")
@TemplateData
public record SafetyPlan(
        @NotEmpty @Size(max = 20) @Schema(examples = "[\"Not answering messages\"]")
        List<@NotBlank @Size(max = 1000) String> warningSigns,
        @NotEmpty @Size(max = 20) @Schema(examples = "[\"Paced breathing\", \"A walk by the river\"]")
        List<@NotBlank @Size(max = 1000) String> copingStrategies,
        @NotNull @Size(max = 20) @Schema(description = "People and places that help take the mind off things")
        List<@NotNull @Valid Contact> peopleAndPlaces,
        @NotNull @Size(max = 20) @Schema(description = "People to ask for help")
        List<@NotNull @Valid Contact> helpers,
        @NotEmpty @Size(max = 20) @Schema(description = "Professionals and crisis lines")
        List<@NotNull @Valid Contact> professionals,
        @NotNull @Size(max = 20) @Schema(description = "Making the environment safer")
        List<@NotBlank @Size(max = 1000) String> saferEnvironment) {

    @Schema(name = "SafetyPlanContact")
    @TemplateData
    public record Contact(@NotBlank @Size(max = 200) @Label @Schema(examples = "Samaritans") String name,
                          @Size(max = 200) @Schema(examples = "116 123") String contact) {
    }
}
