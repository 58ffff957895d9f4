package care.securebase.intake.rest;

import care.securebase.intake.matching.DuplicateRules;
import care.securebase.intake.service.ClientService;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Possible duplicates, as a 409 problem+json on registration or as the answer of the pre-check. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuplicatesView(String type, String title, Integer status, String detail, String instance,
                             List<Entry> duplicates, boolean atAnotherClinic) {

    static final String TYPE = "https://securebase.care/problems/possible-duplicate";
    static final String ELSEWHERE = "a possible duplicate exists at another clinic";

    /** A client the caller may see, or (only {@code note}) the fact of a match at a clinic they may not. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(UUID id, String legalName, LocalDate dateOfBirth, String clinicId,
                        List<DuplicateRules.Reason> matchedOn, String note) {
    }

    static List<Entry> entries(ClientService.Duplicates found) {
        List<Entry> entries = new ArrayList<>();
        for (ClientService.PossibleDuplicate d : found.visible()) {
            entries.add(new Entry(d.id(), d.legalName(), d.dateOfBirth(), d.clinicId(), d.matchedOn(), null));
        }
        if (found.atAnotherClinic()) {
            entries.add(new Entry(null, null, null, null, null, ELSEWHERE));
        }
        return entries;
    }

    static DuplicatesView check(ClientService.Duplicates found) {
        return new DuplicatesView(null, null, null, null, null, entries(found), found.atAnotherClinic());
    }

    static DuplicatesView problem(ClientService.Duplicates found, String path) {
        String detail = found.visible().isEmpty() ? "A possible duplicate exists at another clinic"
                : found.visible().size() + " possible duplicate(s)" + (found.atAnotherClinic() ? ", and " + ELSEWHERE : "");
        return new DuplicatesView(TYPE, "Possible duplicate", 409,
                detail + "; check them, then re-send with \"confirmNotDuplicate\": true to register anyway",
                path, entries(found), found.atAnotherClinic());
    }
}
