package care.securebase.intake.rest;

import care.securebase.intake.Client;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RegisterClient")
public record RegisterClientRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Jordan Avery Lee") String legalName,
        @Size(max = 200) @Schema(examples = "Jo") String preferredName,
        @Size(max = 50) @Schema(examples = "they/them") String pronouns,
        @NotNull @Past @Schema(examples = "1990-04-12") LocalDate dateOfBirth,
        @Email @Size(max = 254) @Schema(examples = "jo.lee@example.org") String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{6,30}") @Schema(examples = "+44 20 7946 0000") String phone,
        @NotNull Client.Channel preferredChannel,
        @NotBlank @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?") @Schema(examples = "en") String language,
        @NotBlank @ValidTimeZone @Schema(examples = "Europe/London") String timeZone,
        @Size(max = 50) @Schema(description = "Defaults to the caller's clinic") String clinicId) {

    Client toClient() {
        Client client = new Client();
        client.legalName = legalName.strip();
        client.preferredName = preferredName;
        client.pronouns = pronouns;
        client.dateOfBirth = dateOfBirth;
        client.email = email;
        client.phone = phone;
        client.preferredChannel = preferredChannel;
        client.language = language;
        client.timeZone = timeZone;
        client.clinicId = clinicId;
        return client;
    }
}
